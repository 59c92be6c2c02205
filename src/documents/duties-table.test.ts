import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load-catalogue.js';
import { dutiesTable, dutiesTables } from './duties-table.js';

const catalogue = loadCatalogue().regulations;

describe('the tables of who does what', () => {
  it('are in the README exactly as the definitions give them', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const inReadme = /<!-- duties-table:start -->\n([\s\S]*?)\n<!-- duties-table:end -->/.exec(readme)?.[1];
    expect(inReadme, 'README.md has the duties table markers').toBeDefined();
    expect(inReadme).toBe(dutiesTables(catalogue, 'en'));
  });

  it('shows the specialist certificate signed by the department head and then the head, the executor named by the department head', () => {
    const table = dutiesTable(
      catalogue.find((r) => r.id === 'specialist-certificate')!,
      'ru',
    );
    expect(table).toContain('| п. 5.1) | register | сотрудник канцелярии услугодателя | руководитель отдела |');
    expect(table).toMatch(
      /\| п\. 5\.4\) \| issue-result \| ответственный исполнитель \(готовит проект\) \| — \| — \| руководитель отдела → руководитель услугодателя \|/,
    );
    expect(table).toMatch(/руководитель отдела \(согласует: /);
  });
});
