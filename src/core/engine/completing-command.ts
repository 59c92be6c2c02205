/**
 * The one command that completes a procedure, by the acts it consists of. A procedure that signs is
 * completed only by `sign` (a signature, never a plain completion, issues a result); one decided at
 * a meeting only by `record-meeting` (the minutes, not a click, carry the decision); one that
 * receives or registers only by `register`; one that hands the result over only by `deliver`; any
 * other by `complete-step`. The weightier act decides when a procedure names several.
 * No imports: the web client applies the same rule to offer the right button.
 */
export type CompletingCommand = 'sign' | 'record-meeting' | 'register' | 'deliver' | 'complete-step';

export function completingCommand(procedure: { readonly kinds: readonly string[]; readonly meeting?: unknown }): CompletingCommand {
  const { kinds } = procedure;
  if (kinds.includes('sign')) return 'sign';
  if (procedure.meeting !== undefined) return 'record-meeting';
  if (kinds.includes('register') || kinds.includes('receive')) return 'register';
  if (kinds.includes('deliver')) return 'deliver';
  return 'complete-step';
}
