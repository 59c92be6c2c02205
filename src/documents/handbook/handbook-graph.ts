import { appliesTo, firstApplicableFrom, procedureAfter } from '../../core/regulation/planned-path.js';
import type { TChannel, TLanguage, TProcedure, TRegulation, TResultKind, TRole } from '../../core/regulation/schema.js';
import { err, ok, type Result } from '../../core/result.js';
import type { TText } from '../../core/regulation/schema.js';
import { CHANNEL_NAMES, CHANNEL_START, HANDBOOK_WORDS, KIND_WORDS, ORGANISATION_TITLES, shortTerm } from './handbook-labels.js';

/** The BPMN element types the handbook draws. */
export type HandbookNodeType =
  | 'startEvent'
  | 'messageStartEvent'
  | 'task'
  | 'exclusiveGateway'
  | 'eventBasedGateway'
  | 'messageCatchEvent'
  | 'messageThrowEvent'
  | 'endEvent'
  | 'messageEndEvent';

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
  /** For a branch of a decision or of the channels: when the case takes it, e.g. `outcome = "compliant"`. */
  readonly condition?: string;
}

/** A participant: one organisation, with a lane per role it plays in the regulation. */
export interface HandbookPool {
  readonly id: string;
  readonly processId: string;
  readonly organisation: TRole['organisation'];
  readonly name: string;
  /** No lanes when none of the organisation's roles acts in the variant: the pool is drawn empty, without a process. */
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

type Organisation = TRole['organisation'];

const END = '#end';
/** An entry of an organisation that is a channel's first procedure, as opposed to a hand-off to it. */
const START = 'start:';
/** The hand-off of the case from one organisation to another: an exit of a procedure and the procedure it leads to. */
const handoffKey = (exit: string, target: string) => `${exit}>${target}`;
const quoted = (values: readonly string[]) => (values.length === 1 ? `= "${values[0]}"` : `in [${values.map((v) => `"${v}"`).join(', ')}]`);

/**
 * The business process a regulation describes, for one variant, in one language: a pool per
 * organisation taking part (the provider, the State Corporation, the Ministry, the Fund's head
 * office), a lane per role, a task per procedure of п. 5 (its clause, term and words as
 * documentation), an exclusive gateway where a procedure has several outcomes (complete or not,
 * compliant or not) and where channels part, each branch with its condition, and an end event per
 * result kind the case can end with.
 *
 * Each pool's process has one start event: where the case can begin there through several
 * channels (at the office, on the portal) or come to it first from several places, a "channel?"
 * gateway follows the start. Where the case passes to another organisation, the sending pool throws
 * a message: it ends there with a message end event, or, when the case comes back to it later, it
 * waits with a message catch event for the case to return. The receiving pool catches it with its
 * message start event (or, where the pool's start is the applicant's, a catch event on that
 * channel's branch), joined by a message flow.
 */
export function handbookGraph(regulation: TRegulation, variant: string | undefined, lang: TLanguage): Result<HandbookGraph, TText> {
  const variants = regulation.variants.map((v) => v.id);
  if (variant !== undefined && !variants.includes(variant)) {
    return err({
      kk: `Белгісіз нұсқа: ${variant} (${variants.join(', ')}).`,
      ru: `Неизвестный вариант: ${variant} (${variants.join(', ')}).`,
      en: `Unknown variant: ${variant} (${variants.join(', ') || 'none'}).`,
    });
  }
  if (variant === undefined && variants.length > 0) {
    return err({
      kk: `Нұсқаны көрсетіңіз: ${variants.join(', ')}.`,
      ru: `Укажите вариант: ${variants.join(', ')}.`,
      en: `Give a variant: ${variants.join(', ')}.`,
    });
  }
  const id = variant ? `${regulation.id}-${variant}` : regulation.id;
  const ofVariant = (r: { variants?: readonly string[] | undefined }) => !r.variants || (variant !== undefined && r.variants.includes(variant));
  const defaultKind = regulation.results.find((r) => r.positive && ofVariant(r))?.kind ?? regulation.results[0]!.kind;
  const roleOf = (roleId: string) => regulation.roles.find((r) => r.id === roleId);
  const organisationOf = (roleId: string): Organisation => roleOf(roleId)?.organisation ?? 'provider';

  // Where each exit of each procedure leads, per channel, and which results each way out ends with.
  const exits = new Map<string, Map<string, TChannel[]>>();
  const endKinds = new Map<string, Set<TResultKind>>();
  const reached = new Set<string>();
  // How the case first comes to each organisation (a channel's start there, or a hand-off), per channel;
  // the hand-offs that bring it back to an organisation it has already left, and for each hand-off
  // away from an organisation, those by which the case next comes back to it.
  const firstEntries = new Map<Organisation, Map<string, Set<TChannel>>>();
  const reentries = new Set<string>();
  const returns = new Map<string, Set<string>>();
  const enter = (organisation: Organisation, entry: string, channel: TChannel) => {
    const entries = firstEntries.get(organisation) ?? new Map<string, Set<TChannel>>();
    entries.set(entry, (entries.get(entry) ?? new Set<TChannel>()).add(channel));
    firstEntries.set(organisation, entries);
  };
  for (const channel of regulation.channels) {
    const first = firstApplicableFrom(regulation, 0, variant, channel);
    if (!first) continue;
    enter(organisationOf(first.actor), `${START}${first.id}`, channel);
    const seen = new Set<string>();
    // `visited`: the organisations the case has been at on this path; `left`: for each, the hand-off by which it last left.
    const walk = (p: TProcedure, decided: TResultKind | undefined, visited: readonly Organisation[], left: Readonly<Partial<Record<Organisation, string>>>) => {
      const key = `${p.id}|${decided ?? ''}|${visited.join(',')}|${JSON.stringify(left)}`;
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
        if (!next) {
          endKinds.set(exit, new Set([...(endKinds.get(exit) ?? []), nowDecided ?? defaultKind]));
          continue;
        }
        const from = organisationOf(p.actor);
        const to = organisationOf(next.actor);
        if (from === to) {
          walk(next, nowDecided, visited, left);
          continue;
        }
        const handoff = handoffKey(exit, next.id);
        if (visited.includes(to)) {
          reentries.add(handoff);
          const away = left[to]!;
          returns.set(away, (returns.get(away) ?? new Set<string>()).add(handoff));
        } else enter(to, handoff, channel);
        walk(next, nowDecided, visited.includes(to) ? visited : [...visited, to], { ...left, [from]: handoff });
      }
    };
    walk(first, undefined, [organisationOf(first.actor)], {});
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
  const handoffOf = new Map<string, string>(); // flow id → the hand-off it carries, for a flow into a task
  const node = (n: HandbookNode) => {
    if (!nodes.some((m) => m.id === n.id)) nodes.push(n);
    return n.id;
  };
  const flow = (source: string, target: string, name?: string, condition?: string) => {
    const f = { id: `Flow_${flows.length + 1}`, source, target, ...(name ? { name } : {}), ...(condition ? { condition } : {}) };
    flows.push(f);
    return f;
  };
  const taskId = (procedureId: string) => `Task_${procedureId}`;
  const resultTitle = (kind: TResultKind) =>
    (regulation.results.find((r) => r.kind === kind && ofVariant(r)) ?? regulation.results.find((r) => r.kind === kind))?.title[lang] ?? kind;
  const channelNames = (channels: readonly TChannel[]) => channels.map((c) => CHANNEL_NAMES[c][lang]).join(', ');

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
      // Two outcomes may lead to the same next step (the decision is carried on to the result): their
      // branches differ by their condition, which names the outcome.
      const label = branching ? outcome?.label[lang] : undefined;
      const condition = branching && outcome ? `outcome ${quoted([outcome.id])}` : undefined;
      const targetNode = (target: string): string => {
        if (target !== END) return taskId(target);
        const kinds = [...(endKinds.get(exit) ?? [])];
        const endOf = (kind: TResultKind) =>
          node({ id: `End_${organisationOf(p.actor)}_${kind}`, type: 'endEvent', ...place, name: resultTitle(kind), resultKind: kind });
        if (kinds.length === 1) return endOf(kinds[0]!);
        const gateway = node({
          id: `Gateway_${p.id}_${outcome?.id ?? 'done'}_result`,
          type: 'exclusiveGateway',
          ...place,
          name: HANDBOOK_WORDS.resultGateway[lang],
        });
        for (const kind of kinds) flow(gateway, endOf(kind));
        return gateway;
      };
      const carry = (f: HandbookFlow, target: string) => {
        if (target !== END) handoffOf.set(f.id, handoffKey(exit, target));
      };
      if (byTarget.size === 1) {
        const target = [...byTarget.keys()][0]!;
        carry(flow(from, targetNode(target), label, condition), target);
        continue;
      }
      const gateway = node({
        id: `Gateway_${p.id}_${outcome?.id ?? 'done'}_channel`,
        type: 'exclusiveGateway',
        ...place,
        name: HANDBOOK_WORDS.channelGateway[lang],
      });
      flow(from, gateway, label, condition);
      for (const [target, channels] of byTarget) carry(flow(gateway, targetNode(target), channelNames(channels), `channel ${quoted(channels)}`), target);
    }
  }

  // A flow between pools becomes a message: the sender throws it, the receiver catches it.
  const nodeOf = (nodeId: string) => nodes.find((n) => n.id === nodeId)!;
  const poolById = (poolId: string) => pools.find((p) => p.id === poolId)!;
  const organisationOfPool = (poolId: string) => poolById(poolId).organisation;
  const sequenceFlows: HandbookFlow[] = [];
  const messageFlows: HandbookFlow[] = [];
  const sequence = (source: string, target: string, flowId: string, extra: { name?: string; condition?: string } = {}) => {
    if (!sequenceFlows.some((g) => g.source === source && g.target === target && g.condition === extra.condition))
      sequenceFlows.push({ id: flowId, source, target, ...extra });
  };
  /** A hand-off: the flow that carried it, its sending event, the task it leads to and the two organisations. */
  interface Crossing {
    readonly flowId: string;
    readonly send: string;
    readonly task: HandbookNode;
    readonly from: Organisation;
  }
  const crossings = new Map<string, Crossing>();
  for (const f of flows) {
    const source = nodeOf(f.source);
    const target = nodeOf(f.target);
    if (source.poolId === target.poolId) {
      sequenceFlows.push(f);
      continue;
    }
    const handoff = handoffOf.get(f.id)!;
    const send = node({
      id: `Send_${f.id}`,
      type: returns.has(handoff) ? 'messageThrowEvent' : 'messageEndEvent',
      poolId: source.poolId,
      laneId: source.laneId,
      name: `${HANDBOOK_WORDS.passedTo[lang]}: ${poolById(target.poolId).name}`,
    });
    sequenceFlows.push({ ...f, target: send });
    crossings.set(handoff, { flowId: f.id, send, task: target, from: organisationOfPool(source.poolId) });
  }
  const firstEntryKeys = new Set([...firstEntries.values()].flatMap((entries) => [...entries.keys()]));

  // The case comes back to a pool it left: a catch event, after the pool's throw, leads on to the task.
  const returnCatch = (handoff: string) => {
    const c = crossings.get(handoff)!;
    return `Return_${c.task.id}_${c.from}`;
  };
  for (const [handoff, c] of crossings) {
    if (!reentries.has(handoff)) continue;
    const catchId = node({
      id: returnCatch(handoff),
      type: 'messageCatchEvent',
      poolId: c.task.poolId,
      laneId: c.task.laneId,
      name: HANDBOOK_WORDS.receivedFrom[lang],
    });
    sequence(catchId, c.task.id, `${catchId}_next`);
    messageFlows.push({ id: firstEntryKeys.has(handoff) ? `Message_${c.flowId}_return` : `Message_${c.flowId}`, source: c.send, target: catchId });
  }
  for (const [handoff, backs] of returns) {
    const c = crossings.get(handoff)!;
    const catches = [...new Set([...backs].map(returnCatch))];
    if (catches.length === 1) {
      sequence(c.send, catches[0]!, `${c.send}_next`);
      continue;
    }
    // It may come back at several places: whichever message comes first.
    const sender = nodeOf(c.send);
    const wait = node({ id: `Wait_${c.flowId}`, type: 'eventBasedGateway', poolId: sender.poolId, laneId: sender.laneId, name: HANDBOOK_WORDS.awaiting[lang] });
    sequence(c.send, wait, `${c.send}_next`);
    catches.forEach((catchId, i) => sequence(wait, catchId, `${wait}_${i + 1}`));
  }

  // One start per pool: the applicant's (blank) where a channel begins there, else the message that first brings the case.
  const starts: HandbookNode[] = [];
  for (const pool of pools) {
    const entries = [...(firstEntries.get(pool.organisation) ?? new Map<string, Set<TChannel>>())];
    if (entries.length === 0) continue;
    const blank = entries.some(([entry]) => entry.startsWith(START));
    const channelsOf = (sets: Iterable<Set<TChannel>>) => {
      const all = new Set([...sets].flatMap((s) => [...s]));
      return regulation.channels.filter((c) => all.has(c));
    };
    // The branches after the start, each to the node the case goes to first on its channels.
    const branches = new Map<string, { channels: Set<TChannel>; handoffs: string[] }>();
    for (const [entry, channels] of entries) {
      let target: string;
      // A hand-off whose message the start event itself catches.
      let caughtByStart: string | undefined;
      if (entry.startsWith(START)) target = taskId(entry.slice(START.length));
      else {
        const c = crossings.get(entry)!;
        if (blank) {
          // The applicant's start: on this channel the pool waits for the case on its branch.
          target = node({
            id: `Receive_${c.task.id}_${c.from}`,
            type: 'messageCatchEvent',
            poolId: c.task.poolId,
            laneId: c.task.laneId,
            name: HANDBOOK_WORDS.receivedFrom[lang],
          });
          sequence(target, c.task.id, `${target}_next`);
          messageFlows.push({ id: `Message_${c.flowId}`, source: c.send, target });
        } else {
          target = c.task.id;
          caughtByStart = entry;
        }
      }
      const branch = branches.get(target) ?? { channels: new Set<TChannel>(), handoffs: [] };
      for (const c of channels) branch.channels.add(c);
      if (caughtByStart) branch.handoffs.push(caughtByStart);
      branches.set(target, branch);
    }
    const firstTarget = nodeOf([...branches.keys()][0]!);
    const single = branches.size === 1;
    const senders = [...new Set(entries.flatMap(([entry]) => (entry.startsWith(START) ? [] : [crossings.get(entry)!.from])))];
    const startId = blank
      ? single
        ? `Start_${firstTarget.id.replace(/^Task_/, '')}`
        : `Start_${pool.organisation}`
      : single
        ? `Receive_${firstTarget.id}${senders.length === 1 ? `_${senders[0]}` : ''}`
        : `Receive_${pool.organisation}`;
    const start: HandbookNode = {
      id: startId,
      type: blank ? 'startEvent' : 'messageStartEvent',
      poolId: pool.id,
      laneId: firstTarget.laneId,
      name: blank
        ? channelsOf(entries.map(([, c]) => c))
            .map((c) => CHANNEL_START[c][lang])
            .join(' / ')
        : HANDBOOK_WORDS.receivedFrom[lang],
    };
    starts.push(start);
    nodes.push(start);
    if (!blank)
      for (const [, branch] of branches)
        for (const h of branch.handoffs) messageFlows.push({ id: `Message_${crossings.get(h)!.flowId}`, source: crossings.get(h)!.send, target: start.id });
    if (single) {
      sequence(start.id, firstTarget.id, `${start.id}_next`);
      continue;
    }
    const gateway = node({
      id: `Gateway_${pool.organisation}_channel`,
      type: 'exclusiveGateway',
      poolId: pool.id,
      laneId: firstTarget.laneId,
      name: HANDBOOK_WORDS.channelGateway[lang],
    });
    sequence(start.id, gateway, `${start.id}_next`);
    let i = 0;
    for (const [target, branch] of branches) {
      const channels = channelsOf([branch.channels]);
      sequence(gateway, target, `${gateway}_${++i}`, { name: channelNames(channels), condition: `channel ${quoted(channels)}` });
    }
  }

  // Starts first, in the order of the pools; a pool where no role acts has neither lanes nor a process.
  const ordered = [...starts, ...nodes.filter((n) => !starts.includes(n))];
  const drawn = pools.map((p) => (ordered.some((n) => n.poolId === p.id) ? p : { ...p, lanes: [] }));
  return ok({ id, name: regulation.title[lang], pools: drawn, nodes: ordered, flows: sequenceFlows, messageFlows });
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
