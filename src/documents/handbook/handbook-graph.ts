import { appliesTo, firstApplicableFrom, procedureAfter } from '../../core/regulation/planned-path.js';
import type { TChannel, TLanguage, TProcedure, TRegulation, TResultKind, TRole } from '../../core/regulation/schema.js';
import { err, ok, type Result } from '../../core/result.js';
import type { TText } from '../../core/regulation/schema.js';
import { CHANNEL_NAMES, CHANNEL_START, HANDBOOK_WORDS, KIND_WORDS, ORGANISATION_TITLES, shortTerm } from './handbook-labels.js';

/** The BPMN element types the handbook draws. */
export type HandbookNodeType = 'startEvent' | 'messageStartEvent' | 'task' | 'exclusiveGateway' | 'endEvent' | 'messageEndEvent';

/** A flow node, in the lane of the role that acts there. */
export interface HandbookNode {
  readonly id: string;
  readonly type: HandbookNodeType;
  readonly poolId: string;
  readonly laneId: string;
  readonly name: string;
  /** For a task: the clause, the term and the act's words. */
  readonly documentation?: string;
  /** For an end event: the result the case ends with. */
  readonly resultKind?: TResultKind;
}

/** A sequence flow (inside a pool) or a message flow (between pools). */
export interface HandbookFlow {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly name?: string;
}

/** A participant: one organisation, with a lane per role it plays in the regulation. */
export interface HandbookPool {
  readonly id: string;
  readonly processId: string;
  readonly organisation: TRole['organisation'];
  readonly name: string;
  readonly lanes: readonly { readonly id: string; readonly roleId: string; readonly name: string }[];
}

/** The business process of one regulation (and variant), as a graph ready to write as BPMN. */
export interface HandbookGraph {
  readonly id: string;
  readonly name: string;
  readonly pools: readonly HandbookPool[];
  readonly nodes: readonly HandbookNode[];
  readonly flows: readonly HandbookFlow[];
  readonly messageFlows: readonly HandbookFlow[];
}

const END = '#end';

/**
 * The business process a regulation describes, for one variant, in one language: a pool per
 * organisation taking part (the provider, the State Corporation, the Ministry, the Fund's head
 * office), a lane per role, a start per channel, a task per procedure of п. 5 (its clause, term and
 * words as documentation), an exclusive gateway where a procedure has several outcomes (complete or
 * not, compliant or not) and where channels part, and an end event per result kind the case can end
 * with. Where the case passes to another organisation, the sending pool ends with a message end
 * event and the receiving one starts with a message start event, joined by a message flow.
 */
export function handbookGraph(regulation: TRegulation, variant: string | undefined, lang: TLanguage): Result<HandbookGraph, TText> {
  const variants = regulation.variants.map((v) => v.id);
  if (variant !== undefined && !variants.includes(variant)) {
    return err({ kk: `Белгісіз нұсқа: ${variant} (${variants.join(', ')}).`, ru: `Неизвестный вариант: ${variant} (${variants.join(', ')}).`, en: `Unknown variant: ${variant} (${variants.join(', ') || 'none'}).` });
  }
  if (variant === undefined && variants.length > 0) {
    return err({ kk: `Нұсқаны көрсетіңіз: ${variants.join(', ')}.`, ru: `Укажите вариант: ${variants.join(', ')}.`, en: `Give a variant: ${variants.join(', ')}.` });
  }
  const id = variant ? `${regulation.id}-${variant}` : regulation.id;
  const ofVariant = (r: { variants?: readonly string[] | undefined }) => !r.variants || (variant !== undefined && r.variants.includes(variant));
  const defaultKind = regulation.results.find((r) => r.positive && ofVariant(r))?.kind ?? regulation.results[0]!.kind;
  const roleOf = (roleId: string) => regulation.roles.find((r) => r.id === roleId);
  const organisationOf = (roleId: string) => roleOf(roleId)?.organisation ?? 'provider';

  // Where each exit of each procedure leads, per channel, and which results each way out ends with.
  const exits = new Map<string, Map<string, TChannel[]>>();
  const endKinds = new Map<string, Set<TResultKind>>();
  const reached = new Set<string>();
  const starts = new Map<string, TChannel[]>();
  for (const channel of regulation.channels) {
    const first = firstApplicableFrom(regulation, 0, variant, channel);
    if (!first) continue;
    starts.set(first.id, [...(starts.get(first.id) ?? []), channel]);
    const seen = new Set<string>();
    const walk = (p: TProcedure, decided: TResultKind | undefined) => {
      const key = `${p.id}|${decided ?? ''}`;
      if (seen.has(key)) return;
      seen.add(key);
      reached.add(p.id);
      for (const outcome of p.outcomes ?? [undefined]) {
        const exit = `${p.id}|${outcome?.id ?? 'done'}`;
        const next = procedureAfter(regulation, p, outcome?.id, variant, channel);
        const target = next?.id ?? END;
        const byTarget = exits.get(exit) ?? new Map<string, TChannel[]>();
        if (!byTarget.get(target)?.includes(channel)) byTarget.set(target, [...(byTarget.get(target) ?? []), channel]);
        exits.set(exit, byTarget);
        const nowDecided = outcome?.decides ?? decided;
        if (next) walk(next, nowDecided);
        else endKinds.set(exit, new Set([...(endKinds.get(exit) ?? []), nowDecided ?? defaultKind]));
      }
    };
    walk(first, undefined);
  }

  // Pools in the order their roles first act; every role gets a lane, acting in this variant or not.
  const acting = regulation.procedures.filter((p) => reached.has(p.id)).map((p) => organisationOf(p.actor));
  const organisations = [...new Set([...acting, ...regulation.roles.map((r) => r.organisation)])];
  const pools: HandbookPool[] = organisations.map((organisation) => ({
    id: `Participant_${organisation}`,
    processId: `Process_${organisation}`,
    organisation,
    name: poolTitle(regulation, organisation)[lang],
    lanes: regulation.roles.filter((r) => r.organisation === organisation).map((r) => ({ id: `Lane_${r.id}`, roleId: r.id, name: r.title[lang] })),
  }));
  const placeOf = (roleId: string) => ({ poolId: `Participant_${organisationOf(roleId)}`, laneId: `Lane_${roleId}` });

  const nodes: HandbookNode[] = [];
  const flows: HandbookFlow[] = [];
  const node = (n: HandbookNode) => {
    if (!nodes.some((m) => m.id === n.id)) nodes.push(n);
    return n.id;
  };
  const flow = (source: string, target: string, name?: string) => {
    flows.push({ id: `Flow_${flows.length + 1}`, source, target, ...(name ? { name } : {}) });
  };
  const taskId = (procedureId: string) => `Task_${procedureId}`;
  const resultTitle = (kind: TResultKind) =>
    (regulation.results.find((r) => r.kind === kind && ofVariant(r)) ?? regulation.results.find((r) => r.kind === kind))?.title[lang] ?? kind;

  for (const [procedureId, channels] of starts) {
    const p = regulation.procedures.find((q) => q.id === procedureId)!;
    const startId = node({ id: `Start_${procedureId}`, type: 'startEvent', ...placeOf(p.actor), name: channels.map((c) => CHANNEL_START[c][lang]).join(' / ') });
    flow(startId, taskId(procedureId));
  }
  for (const p of regulation.procedures.filter((q) => reached.has(q.id))) {
    const place = placeOf(p.actor);
    node({ id: taskId(p.id), type: 'task', ...place, name: taskLabel(p, lang), documentation: taskDocumentation(p, lang) });
    const outcomes = p.outcomes && p.outcomes.length > 1 ? p.outcomes : [p.outcomes?.[0]];
    const branching = outcomes.length > 1;
    const from = branching ? node({ id: `Gateway_${p.id}`, type: 'exclusiveGateway', ...place, name: `${p.clause}?` }) : taskId(p.id);
    if (branching) flow(taskId(p.id), from);
    for (const outcome of outcomes) {
      const exit = `${p.id}|${outcome?.id ?? 'done'}`;
      const byTarget = exits.get(exit);
      if (!byTarget) continue; // an outcome no channel of this variant takes
      const label = branching ? outcome?.label[lang] : undefined;
      const targetNode = (target: string): string => {
        if (target !== END) return taskId(target);
        const kinds = [...(endKinds.get(exit) ?? [])];
        const endOf = (kind: TResultKind) => node({ id: `End_${organisationOf(p.actor)}_${kind}`, type: 'endEvent', ...place, name: resultTitle(kind), resultKind: kind });
        if (kinds.length === 1) return endOf(kinds[0]!);
        const gateway = node({ id: `Gateway_${p.id}_${outcome?.id ?? 'done'}_result`, type: 'exclusiveGateway', ...place, name: HANDBOOK_WORDS.resultGateway[lang] });
        for (const kind of kinds) flow(gateway, endOf(kind));
        return gateway;
      };
      if (byTarget.size === 1) {
        flow(from, targetNode([...byTarget.keys()][0]!), label);
        continue;
      }
      const gateway = node({ id: `Gateway_${p.id}_${outcome?.id ?? 'done'}_channel`, type: 'exclusiveGateway', ...place, name: HANDBOOK_WORDS.channelGateway[lang] });
      flow(from, gateway, label);
      for (const [target, channels] of byTarget) flow(gateway, targetNode(target), channels.map((c) => CHANNEL_NAMES[c][lang]).join(', '));
    }
  }

  // A flow between pools becomes a message: the sender's pool ends there, the receiver's starts.
  const poolOf = (nodeId: string) => nodes.find((n) => n.id === nodeId)!;
  const sequenceFlows: HandbookFlow[] = [];
  const messageFlows: HandbookFlow[] = [];
  for (const f of flows) {
    const source = poolOf(f.source);
    const target = poolOf(f.target);
    if (source.poolId === target.poolId) {
      sequenceFlows.push(f);
      continue;
    }
    const targetPool = pools.find((p) => p.id === target.poolId)!;
    const sent = node({ id: `Send_${f.id}`, type: 'messageEndEvent', poolId: source.poolId, laneId: source.laneId, name: `${HANDBOOK_WORDS.passedTo[lang]}: ${targetPool.name}` });
    const received = node({
      id: `Receive_${target.id}_${source.poolId.replace('Participant_', '')}`,
      type: 'messageStartEvent',
      poolId: target.poolId,
      laneId: target.laneId,
      name: HANDBOOK_WORDS.receivedFrom[lang],
    });
    sequenceFlows.push({ ...f, target: sent });
    if (!sequenceFlows.some((g) => g.source === received && g.target === target.id)) sequenceFlows.push({ id: `${f.id}_in`, source: received, target: target.id });
    messageFlows.push({ id: `Message_${f.id}`, source: sent, target: received });
  }
  return ok({ id, name: regulation.title[lang], pools, nodes, flows: sequenceFlows, messageFlows });
}

function poolTitle(regulation: TRegulation, organisation: TRole['organisation']): TText {
  if (organisation === 'provider') return regulation.provider.title;
  // Service 7's provider is the Ministry itself, so its roles are the Ministry's.
  if (organisation === 'ministry' && !regulation.roles.some((r) => r.organisation === 'provider')) return regulation.provider.title;
  return ORGANISATION_TITLES[organisation];
}

/** "п. 5.2) қарау, ресімдеу · 2 жұм. күн": the clause, what is done, the term. */
function taskLabel(p: TProcedure, lang: TLanguage): string {
  return `${p.clause} ${p.kinds.map((k) => KIND_WORDS[k][lang]).join(', ')} · ${shortTerm(p.term, lang)}`;
}

/** The procedure as the act words it, with its clause and term. */
function taskDocumentation(p: TProcedure, lang: TLanguage): string {
  const channels = p.channels ? ` [${p.channels.map((c) => CHANNEL_NAMES[c][lang]).join(', ')}]` : '';
  return `${p.clause}${channels} — ${shortTerm(p.term, lang)} («${p.termSource}»)\n${p.action[lang]}`;
}

/** Whether a procedure applies to a variant on some channel (used by the text rendering). */
export function inVariant(regulation: TRegulation, p: TProcedure, variant: string | undefined): boolean {
  return regulation.channels.some((c) => appliesTo(p, variant, c));
}
