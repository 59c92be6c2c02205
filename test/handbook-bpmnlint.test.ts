import { createRequire } from 'node:module';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/load-catalogue.js';
import { LANGUAGES, type TLanguage, type TRegulation } from '../src/core/regulation/schema.js';
import { handbookOf } from '../src/documents/handbook/handbook-of.js';

// bpmnlint is CommonJS without declarations for its entry points: the slice the test uses.
interface LintReport {
  readonly id?: string;
  readonly message: string;
  readonly category: 'error' | 'warn' | 'info' | 'rule-error';
}
interface BpmnLinter {
  lint(definitions: ModdleElement): Promise<Record<string, LintReport[]>>;
}
const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint') as { Linter: new (options: { config: { extends: string }; resolver: unknown }) => BpmnLinter };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;

// A linter for each diagram: bpmnlint keeps each rule it has loaded, and no-duplicate-sequence-flows
// remembers every flow it has seen, so a linter used twice takes the second diagram's flows for
// duplicates of the first's.
const linter = () => new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });

// Every handbook the generator writes (`reglament handbook all`): each regulation, each of its
// variants (or none), in each language the names can be written in.
const HANDBOOKS: [string, TRegulation, string | undefined, TLanguage][] = loadCatalogue().regulations.flatMap((r) =>
  (r.variants.length ? r.variants.map((v) => v.id) : [undefined]).flatMap((variant) =>
    LANGUAGES.map((lang): [string, TRegulation, string | undefined, TLanguage] => [`${variant ? `${r.id}-${variant}` : r.id} (${lang})`, r, variant, lang]),
  ),
);

/** The findings of bpmnlint:recommended on a handbook, one line each: category, rule, element, message. */
async function lint(regulation: TRegulation, variant: string | undefined, lang: TLanguage) {
  const handbook = await handbookOf(regulation, variant, lang);
  if (!handbook.ok) throw new Error(handbook.error.en);
  const { rootElement, warnings } = await new BpmnModdle().fromXML(handbook.value.bpmnXml);
  expect(warnings).toEqual([]);
  const results = await linter().lint(rootElement);
  return Object.entries(results).flatMap(([rule, reports]) => reports.map((r) => ({ ...r, rule, line: `${r.category} ${rule} ${r.id ?? '-'}: ${r.message}` })));
}

describe('the handbooks pass bpmnlint:recommended', () => {
  it.each(HANDBOOKS)('%s: no error', async (_, regulation, variant, lang) => {
    const findings = await lint(regulation, variant, lang);
    // A rule that crashed is as bad as an error: it checked nothing.
    const errors = findings.filter((f) => f.category === 'error' || f.category === 'rule-error');
    expect(
      errors.map((f) => f.line),
      findings.map((f) => f.line).join('\n'),
    ).toEqual([]);
  });

  it.each(HANDBOOKS)('%s: one start event per process', async (_, regulation, variant, lang) => {
    const handbook = await handbookOf(regulation, variant, lang);
    if (!handbook.ok) throw new Error(handbook.error.en);
    const { rootElement } = await new BpmnModdle().fromXML(handbook.value.bpmnXml);
    for (const p of rootElement.rootElements.filter((e: ModdleElement) => e.$type === 'bpmn:Process')) {
      const starts = (p.flowElements ?? []).filter((e: ModdleElement) => e.$type === 'bpmn:StartEvent');
      expect(
        starts.map((s: ModdleElement) => s.id),
        p.id,
      ).toHaveLength(1);
    }
  });

  it('the linter does find a duplicate flow, so a generator that drew one again would fail above', async () => {
    const moddle = new BpmnModdle();
    const start = moddle.create('bpmn:StartEvent', { id: 'Start', name: 'Start' });
    const gateway = moddle.create('bpmn:ExclusiveGateway', { id: 'Gateway', name: 'Complete?' });
    const task = moddle.create('bpmn:Task', { id: 'Task', name: 'Task' });
    const end = moddle.create('bpmn:EndEvent', { id: 'End', name: 'End' });
    const flows = [
      ['Flow_1', start, gateway, undefined],
      ['Flow_2', gateway, task, 'yes'],
      ['Flow_3', gateway, task, 'no'],
      ['Flow_4', task, end, undefined],
    ].map(([id, source, target, name]) => {
      const f = moddle.create('bpmn:SequenceFlow', { id, sourceRef: source, targetRef: target, ...(name ? { name } : {}) });
      ((source as ModdleElement).outgoing ??= []).push(f);
      ((target as ModdleElement).incoming ??= []).push(f);
      return f;
    });
    const process = moddle.create('bpmn:Process', { id: 'Process', isExecutable: false, flowElements: [start, gateway, task, end, ...flows] });
    const definitions = moddle.create('bpmn:Definitions', { id: 'Definitions', targetNamespace: 'urn:test', rootElements: [process] });
    const results = await linter().lint(definitions);
    expect(results['no-duplicate-sequence-flows']?.map((r) => r.category)).toContain('error');
  });
});
