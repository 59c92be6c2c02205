import { VOTING_POSITIONS, type TCollectiveBody, type TVotingRules } from '../directory/collective-body.js';
import { rejection, type CaseRejection } from '../engine/case-rejection.js';
import { parseLocalDate, type EpochDay } from '../clock/local-date.js';
import { err, ok, type Result } from '../result.js';
import type { MeetingRecord, MeetingTally } from './meeting-record.js';

const invalid = (kk: string, ru: string, en: string) => err(rejection('invalid-input', kk, ru, en));

/** Whether the share of voting members present reaches the quorum; null while the rule is unknown. */
function quorumMet(rules: TVotingRules, present: number, votingMembers: number): boolean | null {
  return rules.quorum.share === null ? null : present / votingMembers >= rules.quorum.share - 1e-9;
}

/** Whether the votes carry the decision; null while the rule is unknown. */
function carried(rules: TVotingRules, tally: { for: number; against: number; present: number; votingMembers: number }): boolean | null {
  switch (rules.majority.rule) {
    case null:
      return null;
    case 'more-for-than-against':
      return tally.for > tally.against;
    case 'more-than-half-of-present':
      return tally.for * 2 > tally.present;
    case 'more-than-half-of-members':
      return tally.for * 2 > tally.votingMembers;
  }
}

/**
 * Checks what the minutes say against the body as the directory holds it: only its members were
 * present, each present voting member voted once, the date is real and falls between the step's
 * start and today, and, where the body's rules are known, the quorum was there and the votes carry
 * the decision. A record that fails is refused whole.
 */
export function judgeMeeting(
  body: TCollectiveBody,
  record: MeetingRecord,
  within: { readonly decisions: readonly string[]; readonly earliest: EpochDay; readonly today: EpochDay },
): Result<MeetingTally, CaseRejection> {
  const day = parseLocalDate(record.heldOn);
  if (day === undefined)
    return invalid(
      'Отырыс күні ЖЖЖЖ-АА-КК түрінде нақты күн болуы керек.',
      'Дата заседания должна быть существующей датой в виде ГГГГ-ММ-ДД.',
      'The meeting date must be a real date, YYYY-MM-DD.',
    );
  if (day > within.today)
    return invalid('Отырыс күні болашақта болмайды.', 'Дата заседания не может быть в будущем.', 'The meeting cannot be dated in the future.');
  if (day < within.earliest)
    return invalid(
      'Отырыс күні бұл рәсім басталғанға дейін болмайды.',
      'Заседание не может быть раньше начала этой процедуры.',
      'The meeting cannot be dated before this procedure began.',
    );
  if (!within.decisions.includes(record.decision)) {
    const known = within.decisions.join(', ');
    return err(rejection('unknown-outcome', `Шешімді таңдаңыз: ${known}.`, `Выберите решение: ${known}.`, `Choose a decision: ${known}.`));
  }
  if (!record.minutes.trim()) return invalid('Отырыс хаттамасын тіркеңіз.', 'Приложите протокол заседания.', 'Attach the minutes of the meeting.');

  const members = new Map(body.members.map((m) => [m.id, m]));
  const present = new Set<string>();
  for (const id of record.present) {
    if (!members.has(id))
      return invalid(`${id} — ${body.title.kk} мүшесі емес.`, `${id} не является членом: ${body.title.ru}.`, `${id} is not a member of the ${body.title.en}.`);
    if (present.has(id)) return invalid(`${id} қатысушылар тізімінде екі рет.`, `${id} дважды в списке присутствующих.`, `${id} is listed as present twice.`);
    present.add(id);
  }
  const voting = body.members.filter((m) => VOTING_POSITIONS.has(m.position));
  const presentVoting = voting.filter((m) => present.has(m.id));
  if (presentVoting.length === 0)
    return invalid(
      'Отырысқа дауыс беретін бір де бір мүше қатыспады.',
      'На заседании не присутствовал ни один член с правом голоса.',
      'No voting member was present.',
    );

  const voted = new Map<string, string>();
  for (const v of record.votes) {
    const member = members.get(v.member);
    if (!member || !present.has(v.member))
      return invalid(
        `${v.member} отырысқа қатыспады: оның дауысы есептелмейді.`,
        `${v.member} не присутствовал: его голос не учитывается.`,
        `${v.member} was not present: their vote cannot count.`,
      );
    if (!VOTING_POSITIONS.has(member.position)) return invalid('Хатшы дауыс бермейді.', 'Секретарь не голосует.', 'The secretary does not vote.');
    if (voted.has(v.member)) return invalid(`${v.member} екі рет дауыс берді.`, `${v.member} проголосовал дважды.`, `${v.member} voted twice.`);
    voted.set(v.member, v.vote);
  }
  const silent = presentVoting.filter((m) => !voted.has(m.id)).map((m) => m.id);
  if (silent.length > 0) {
    const who = silent.join(', ');
    return invalid(
      `Қатысқан әр мүшенің дауысын жазыңыз (қалыс қалу да дауыс): ${who}.`,
      `Укажите голос каждого присутствующего члена (воздержание тоже голос): ${who}.`,
      `Record every present member's vote (abstaining is a vote): ${who}.`,
    );
  }

  const count = (vote: string) => [...voted.values()].filter((v) => v === vote).length;
  const base = { votingMembers: voting.length, present: presentVoting.length, for: count('for'), against: count('against'), abstain: count('abstain') };
  const tally: MeetingTally = { ...base, quorumMet: quorumMet(body.rules, base.present, base.votingMembers), carried: carried(body.rules, base) };
  // Whatever the body's majority rule, a decision nobody voted for was not taken: the minutes contradict themselves.
  if (tally.for === 0) {
    return invalid(
      'Жазылған шешімге ешкім дауыс бермеген: хаттама өзіне-өзі қайшы.',
      'За записанное решение никто не голосовал: протокол противоречит сам себе.',
      'Nobody voted for the decision recorded: the minutes contradict themselves.',
    );
  }
  if (tally.quorumMet === false) {
    return invalid(
      'Кворум болмады: шешім қабылданбады деп саналады.',
      'Кворума не было: решение не считается принятым.',
      'There was no quorum: the decision is not taken.',
    );
  }
  if (tally.carried === false) {
    return invalid('Дауыс беру нәтижесі бұл шешімді қолдамайды.', 'Итоги голосования не поддерживают это решение.', 'The votes do not carry this decision.');
  }
  return ok(tally);
}
