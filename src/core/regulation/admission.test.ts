import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../catalogue/load-catalogue.js';
import { admitApplication, DEMONSTRATION_POLICY } from './admission.js';

const regulation = loadCatalogue().regulations.find((r) => r.id === 'specialist-certificate')!;

describe('admitting an application under an edition', () => {
  it('pins a 2016 application to the 2015 edition and a 2019 one to the 2017 restatement', () => {
    const a = admitApplication(regulation, '2016-05-01', DEMONSTRATION_POLICY);
    const b = admitApplication(regulation, '2019-05-01', DEMONSTRATION_POLICY);
    expect(a.ok && a.value.edition.id).toBe('2015');
    expect(b.ok && b.value.edition.id).toBe('2017-856');
    expect(b.ok && b.value.notice).toBeUndefined();
  });

  it('admits an application today under the bundled policy, with the repeal notice', () => {
    const r = admitApplication(regulation, '2026-11-21', DEMONSTRATION_POLICY);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.notice?.ru).toContain('Утратил силу');
  });

  it('refuses it when the deployment refuses repealed regulations', () => {
    const r = admitApplication(regulation, '2026-11-21', { refuseRepealed: true });
    expect(!r.ok && r.error.code).toBe('repealed');
  });

  it('refuses an application dated before the regulation took effect', () => {
    const r = admitApplication(regulation, '2015-06-01', DEMONSTRATION_POLICY);
    expect(!r.ok && r.error.code).toBe('not-yet-in-force');
  });
});
