import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/load-catalogue.js';
import { NEGATIVE_RESULT_KINDS, type TRegulation } from '../src/core/regulation/schema.js';
import { handbookOf } from '../src/documents/handbook/handbook-of.js';
import { procedureText } from '../src/documents/handbook/procedure-text.js';

const regulations = loadCatalogue().regulations;
const HANDBOOKS: [string, TRegulation, string | undefined][] = regulations.flatMap((r) =>
  r.variants.length ? r.variants.map((v): [string, TRegulation, string | undefined] => [`${r.id}-${v.id}`, r, v.id]) : [[r.id, r, undefined]],
);
const DOCS = join(import.meta.dirname, '..', 'docs', 'handbook');

async function read(regulation: TRegulation, variant: string | undefined) {
  const handbook = await handbookOf(regulation, variant);
  if (!handbook.ok) throw new Error(handbook.error.en);
  const parsed = await new BpmnModdle().fromXML(handbook.value.bpmnXml);
  return { ...handbook.value, parsed };
}

const FLOW_NODE_TYPES = [
  'bpmn:Task',
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:ExclusiveGateway',
  'bpmn:IntermediateCatchEvent',
  'bpmn:IntermediateThrowEvent',
  'bpmn:EventBasedGateway',
];

describe('the handbook of every service and variant', () => {
  it.each(HANDBOOKS)('%s: BPMN that reads back without warnings, a lane per role, DI for every element', async (_, regulation, variant) => {
    const { parsed, svg } = await read(regulation, variant);
    expect(parsed.warnings).toEqual([]);
    const definitions = parsed.rootElement;
    const collaboration = definitions.rootElements.find((e: ModdleElement) => e.$type === 'bpmn:Collaboration');
    const processes: ModdleElement[] = definitions.rootElements.filter((e: ModdleElement) => e.$type === 'bpmn:Process');
    expect(collaboration.participants.map((p: ModdleElement) => p.processRef)).toEqual(processes);
    const lanes = processes.flatMap((p) => p.laneSets.flatMap((s: ModdleElement) => s.lanes));
    expect(lanes.length).toBe(regulation.roles.length);
    expect(lanes.map((l) => l.name).sort()).toEqual(regulation.roles.map((r) => r.title.kk).sort());

    const flowNodes = processes.flatMap((p) => p.flowElements.filter((e: ModdleElement) => FLOW_NODE_TYPES.includes(e.$type)));
    const sequenceFlows = processes.flatMap((p) => p.flowElements.filter((e: ModdleElement) => e.$type === 'bpmn:SequenceFlow'));
    const plane = definitions.diagrams[0].plane;
    expect(plane.bpmnElement).toBe(collaboration);
    const drawn = new Set(plane.planeElement.map((d: ModdleElement) => d.bpmnElement));
    for (const element of [...flowNodes, ...sequenceFlows, ...collaboration.participants, ...(collaboration.messageFlows ?? []), ...lanes])
      expect(drawn.has(element), element.id).toBe(true);
    for (const d of plane.planeElement) {
      if (d.$type === 'bpmndi:BPMNShape') expect(d.bounds.width).toBeGreaterThan(0);
      else expect(d.waypoint.length).toBeGreaterThanOrEqual(2);
    }
    // Every flow node sits in exactly one lane of its own process.
    for (const p of processes) {
      const inLanes = p.laneSets.flatMap((s: ModdleElement) => s.lanes.flatMap((l: ModdleElement) => l.flowNodeRef ?? []));
      const nodes = p.flowElements.filter((e: ModdleElement) => FLOW_NODE_TYPES.includes(e.$type));
      expect(new Set(inLanes)).toEqual(new Set(nodes));
      expect(inLanes.length).toBe(nodes.length);
    }
    expect(() =>
      new DOMParser({
        onError: (level, msg) => {
          throw new Error(`${level}: ${msg}`);
        },
      }).parseFromString(svg, 'image/svg+xml'),
    ).not.toThrow();
    expect(svg.length).toBeLessThan(40_000);
  });

  it.each(HANDBOOKS)(
    '%s: a task per procedure with its clause, term and the act’s words; a gateway per decision; an end per result',
    async (_, regulation, variant) => {
      const { parsed } = await read(regulation, variant);
      const elements = Object.values(parsed.elementsById);
      const tasks = elements.filter((e) => e.$type === 'bpmn:Task');
      const ofVariant = regulation.procedures.filter((p) => !p.variants || p.variants.includes(variant!));
      expect(tasks.map((t) => t.id).sort()).toEqual(ofVariant.map((p) => `Task_${p.id}`).sort());
      for (const p of ofVariant) {
        const task = tasks.find((t) => t.id === `Task_${p.id}`)!;
        expect(task.name).toContain(p.clause);
        expect(task.documentation[0].text).toContain(p.clause);
        expect(task.documentation[0].text).toContain(p.termSource);
        expect(task.documentation[0].text).toContain(p.action.kk);
        if ((p.outcomes?.length ?? 0) > 1) {
          const gateway = parsed.elementsById[`Gateway_${p.id}`]!;
          expect(gateway.$type).toBe('bpmn:ExclusiveGateway');
          expect(gateway.outgoing.map((f: ModdleElement) => f.name).sort()).toEqual(p.outcomes!.map((o) => o.label.kk).sort());
        }
      }
      const ends = elements.filter((e) => e.$type === 'bpmn:EndEvent' && !(e.eventDefinitions ?? []).length);
      const decided = ofVariant.flatMap((p) => (p.outcomes ?? []).flatMap((o) => (o.decides ? [o.decides] : [])));
      const endKinds = new Set(ends.map((e) => e.id!.split('_').pop()!));
      for (const kind of decided) expect(endKinds.has(kind), kind).toBe(true);
      // Every end event is one of the variant's results, refusals included.
      for (const kind of endKinds) expect(regulation.results.some((r) => r.kind === kind)).toBe(true);
    },
  );

  it.each(HANDBOOKS)('%s: every node is reached from a start of its pool and leads to an end of it', async (_, regulation, variant) => {
    const { parsed } = await read(regulation, variant);
    for (const p of parsed.rootElement.rootElements.filter((e: ModdleElement) => e.$type === 'bpmn:Process')) {
      const nodes: ModdleElement[] = p.flowElements.filter((e: ModdleElement) => FLOW_NODE_TYPES.includes(e.$type));
      const walk = (from: ModdleElement[], step: (n: ModdleElement) => ModdleElement[]) => {
        const seen = new Set(from);
        const queue = [...from];
        while (queue.length) for (const next of step(queue.shift()!)) if (!seen.has(next)) (seen.add(next), queue.push(next));
        return seen;
      };
      const forward = walk(
        nodes.filter((n) => n.$type === 'bpmn:StartEvent'),
        (n) => (n.outgoing ?? []).map((f: ModdleElement) => f.targetRef),
      );
      const backward = walk(
        nodes.filter((n) => n.$type === 'bpmn:EndEvent'),
        (n) => (n.incoming ?? []).map((f: ModdleElement) => f.sourceRef),
      );
      for (const n of nodes) {
        expect(forward.has(n), `${n.id} reached`).toBe(true);
        expect(backward.has(n), `${n.id} leads to an end`).toBe(true);
      }
    }
  });

  it('service 8 has the State Corporation as its own pool, and the case passes between the pools as messages', async () => {
    const { parsed } = await read(
      regulations.find((r) => r.id === 'foreign-specialist-clinical-practice')!,
      undefined,
    );
    const collaboration = parsed.rootElement.rootElements[0];
    expect(collaboration.participants.map((p: ModdleElement) => p.id)).toEqual(['Participant_state-corporation', 'Participant_provider']);
    // To the provider after reception, and back with the result.
    expect(collaboration.messageFlows).toHaveLength(2);
    for (const m of collaboration.messageFlows) {
      expect(m.sourceRef.eventDefinitions[0].$type).toBe('bpmn:MessageEventDefinition');
      // The case reaches a pool at its one start event, or, coming back to a pool it left, at a catch event.
      expect(['bpmn:StartEvent', 'bpmn:IntermediateCatchEvent']).toContain(m.targetRef.$type);
    }
  });

  it('the specialist certificate ends either with the certificate or with the motivated refusal, after the signature', async () => {
    const { parsed } = await read(
      regulations.find((r) => r.id === 'specialist-certificate')!,
      undefined,
    );
    const ends = Object.values(parsed.elementsById).filter((e) => e.$type === 'bpmn:EndEvent');
    expect(ends.map((e) => e.id).sort()).toEqual(['End_provider_certificate', 'End_provider_motivated-refusal']);
    for (const end of ends) expect(end.incoming[0].sourceRef.id).toBe('Gateway_issue-result_signed_result');
    expect(NEGATIVE_RESULT_KINDS.has('motivated-refusal')).toBe(true);
  });

  it('a variant is required where the regulation has variants, and must be one of them', async () => {
    const licence = regulations.find((r) => r.id === 'medical-activity-licence')!;
    expect(await handbookOf(licence)).toMatchObject({ ok: false, error: { kk: expect.stringContaining('issue, reissue, duplicate') } });
    expect(await handbookOf(licence, 'renewal')).toMatchObject({ ok: false, error: { en: expect.stringContaining('Unknown variant: renewal') } });
  });
});

describe('the procedure text', () => {
  it.each(HANDBOOKS)('%s: п. 5 with each procedure’s words verbatim, and п. 8 with what it covers, in kk and ru', (_, regulation, variant) => {
    const kk = procedureText(regulation, variant, 'kk');
    const ru = procedureText(regulation, variant, 'ru');
    for (const p of regulation.procedures.filter((q) => !q.variants || q.variants.includes(variant!))) {
      expect(kk).toContain(p.action.kk);
      expect(ru).toContain(p.action.ru);
      expect(kk).toContain(`### ${p.clause}`);
    }
    for (const s of regulation.sequence.filter((q) => !q.variants || q.variants.includes(variant!))) {
      expect(kk).toContain(`**${s.clause}** ${s.text.kk}`);
      expect(ru).toContain(`**${s.clause}** ${s.text.ru}`);
    }
    expect(kk.startsWith(`# ${regulation.title.kk}\n`)).toBe(true);
  });
});

describe('docs/handbook', () => {
  it.each(HANDBOOKS)('%s: the committed BPMN and SVG are what the definition generates now', async (name, regulation, variant) => {
    const { bpmnXml, svg } = await read(regulation, variant);
    expect(readFileSync(join(DOCS, `${name}.bpmn`), 'utf8')).toBe(bpmnXml);
    expect(readFileSync(join(DOCS, `${name}.svg`), 'utf8')).toBe(svg);
    expect(readFileSync(join(DOCS, `${name}.kk.md`), 'utf8')).toBe(procedureText(regulation, variant, 'kk'));
    expect(readFileSync(join(DOCS, 'README.md'), 'utf8')).toContain(`](${name}.svg)`);
  });
});
