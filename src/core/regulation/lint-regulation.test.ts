import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../catalogue/load-catalogue.js';
import { lintRegulation } from './lint-regulation.js';
import type { TRegulation } from './schema.js';

const catalogue = loadCatalogue().regulations;
const base = catalogue.find((r) => r.id === 'specialist-certificate')!;
/** A deep copy of the example definition to break on purpose. */
const variantOf = (change: (r: TRegulation) => void): TRegulation => {
  const copy = structuredClone(base);
  change(copy);
  return copy;
};
const codes = (r: TRegulation) => lintRegulation(r).map((f) => f.code);

describe('lint over the bundled catalogue', () => {
  it('finds no error in any of the ten services', () => {
    const errors = catalogue.flatMap((r) =>
      lintRegulation(r)
        .filter((f) => f.severity === 'error')
        .map((f) => `${r.id}: ${f.code} ${f.where}`),
    );
    expect(errors).toEqual([]);
  });

  it('reports the real disagreement of п. 5 and п. 8 in the qualification-category regulation', () => {
    const findings = lintRegulation(catalogue.find((r) => r.id === 'qualification-category')!);
    expect(findings.find((f) => f.code === 'sequence-term-differs')?.where).toBe('п. 8.2)');
  });

  it('reports roles the procedures name but п. 7 does not list', () => {
    const flagged = catalogue.flatMap((r) =>
      lintRegulation(r)
        .filter((f) => f.code === 'actor-not-listed')
        .map((f) => `${r.id}/${f.where}`),
    );
    expect(flagged.sort()).toEqual([
      'assessment-entity-accreditation/joint-quality-commission',
      'clinical-research-permit/head',
      'foreign-specialist-clinical-practice/department-head',
    ]);
  });

  it('says where the Standard content is unknown, and that the seed order was repealed', () => {
    for (const r of catalogue) expect(codes(r).includes('documents-unknown')).toBe(r.documents.status === 'unknown');
    expect(catalogue.filter((r) => r.documents.status !== 'unknown').map((r) => r.id)).toEqual(['foreign-specialist-clinical-practice']);
    expect(codes(base)).toContain('repealed');
  });

  it('finds the specialist certificate otherwise clean of warnings', () => {
    expect(lintRegulation(base).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('lint on broken definitions', () => {
  it('catches an actor not in the roles list', () => {
    expect(codes(variantOf((r) => (r.procedures[0]!.actor = 'janitor')))).toContain('unknown-actor');
  });

  it('warns of none of the duty rules on the catalogue, so each warning below is the break’s own', () => {
    const duty = ['signer-not-leading', 'results-overlap', 'channel-lacks-procedure', 'signers-without-signing', 'agreement-on-signing'];
    expect(
      catalogue.flatMap((r) =>
        lintRegulation(r)
          .filter((f) => duty.includes(f.code))
          .map((f) => `${r.id}: ${f.code} ${f.where}`),
      ),
    ).toEqual([]);
  });

  it('warns when a signing procedure is signed by a role that is no head or chair', () => {
    const broken = variantOf((r) => (r.procedures.find((p) => p.id === 'issue-result')!.signers = ['department-head', 'executor']));
    expect(
      lintRegulation(broken)
        .filter((f) => f.code === 'signer-not-leading')
        .map((f) => f.where),
    ).toEqual(['issue-result']);
  });

  it('catches a signer, assigner or agreeing role not in the roles list', () => {
    expect(codes(variantOf((r) => (r.procedures.find((p) => p.id === 'issue-result')!.signers = ['janitor'])))).toContain('unknown-actor');
    expect(codes(variantOf((r) => (r.procedures[0]!.assigner = 'janitor')))).toContain('unknown-actor');
    expect(codes(variantOf((r) => (r.procedures[1]!.agreement = { by: ['janitor'], act: 'agree', clause: 'x' })))).toContain('unknown-actor');
  });

  it('refuses signers on a procedure that does not sign, and an agreement on one that does', () => {
    expect(codes(variantOf((r) => (r.procedures[0]!.signers = ['head'])))).toContain('signers-without-signing');
    expect(codes(variantOf((r) => (r.procedures.find((p) => p.id === 'issue-result')!.agreement = { by: ['head'], act: 'approve', clause: 'x' })))).toContain(
      'agreement-on-signing',
    );
  });

  it('warns when two results of one kind apply to one variant', () => {
    const broken = variantOf((r) => r.results.push({ ...r.results.find((x) => x.kind === 'certificate')! }));
    expect(
      lintRegulation(broken)
        .filter((f) => f.code === 'results-overlap')
        .map((f) => f.where),
    ).toEqual(['certificate']);
  });

  it('warns when one channel’s path lacks a provider procedure another channel has', () => {
    const broken = variantOf((r) => {
      r.channels = ['portal', 'office'];
      r.procedures.find((p) => p.id === 'check-compliance')!.channels = ['office'];
    });
    expect(
      lintRegulation(broken)
        .filter((f) => f.code === 'channel-lacks-procedure')
        .map((f) => f.where),
    ).toEqual(['check-compliance (portal)']);
  });

  it('catches a paper copy certified by a role the regulation does not have', () => {
    const broken = variantOf((r) => {
      r.paperCopy = { clause: 'п. 5', certifiedBy: 'nobody', channels: ['office'], text: { kk: 'к', ru: 'р', en: 'e' } };
    });
    expect(codes(broken)).toContain('paper-copy-certifier-unknown');
    expect(
      codes(variantOf((r) => void (r.paperCopy = { clause: 'п. 5', certifiedBy: 'head', channels: ['office'], text: { kk: 'к', ru: 'р', en: 'e' } }))),
    ).not.toContain('paper-copy-certifier-unknown');
  });

  it('catches an outcome that leads nowhere', () => {
    expect(codes(variantOf((r) => (r.procedures[1]!.outcomes![0]!.next = 'nowhere')))).toContain('outcome-leads-nowhere');
  });

  it('catches a loop with no way to the end, and the procedure it strands', () => {
    const looped = variantOf((r) => {
      r.procedures[3]!.outcomes![0]!.next = 'check-completeness';
    });
    expect(codes(looped)).toContain('dead-end');
  });

  it('catches an unreachable procedure', () => {
    const r = variantOf((x) => {
      x.procedures[1]!.outcomes = [{ id: 'complete', label: x.procedures[1]!.outcomes![0]!.label, next: 'issue-result' }];
    });
    expect(lintRegulation(r).find((f) => f.code === 'unreachable')?.where).toBe('check-compliance');
  });

  it('catches a declared total term that differs from the procedures', () => {
    const r = variantOf((x) => x.totalTerms.push({ term: { value: 4, unit: 'working_days' }, source: { status: 'seed' } }));
    expect(lintRegulation(r).find((f) => f.code === 'total-term-differs')?.message.en).toContain('add up to 5 working days');
  });

  it('accepts a declared total term equal to the sum', () => {
    const r = variantOf((x) => x.totalTerms.push({ term: { value: 5, unit: 'working_days' }, source: { status: 'seed' } }));
    expect(codes(r)).not.toContain('total-term-differs');
  });

  it('catches п. 8 disagreeing with п. 5', () => {
    expect(codes(variantOf((r) => (r.sequence[1]!.term = { value: 3, unit: 'working_days' })))).toContain('sequence-term-differs');
  });

  it('catches an edition effective before its act was registered', () => {
    const r = variantOf((x) => (x.editions[0]!.effective = '2015-07-01'));
    expect(lintRegulation(r).find((f) => f.code === 'edition-before-registration')?.where).toBe('2015');
  });

  it('catches a result decided but never declared', () => {
    expect(codes(variantOf((r) => (r.procedures[2]!.outcomes![0]!.decides = 'licence')))).toContain('unknown-result');
  });
});
