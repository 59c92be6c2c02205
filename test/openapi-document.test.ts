import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from './support/test-app.js';

describe('the OpenAPI document at /docs/json, as redocly lints it (recommended rules)', () => {
  let testApp: Awaited<ReturnType<typeof startTestApp>>;
  let problems: { ruleId: string; severity: string; message: string; location: string }[];
  let document: { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };

  beforeAll(async () => {
    testApp = await startTestApp('sqlite');
    const response = await testApp.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    document = response.json();
    const found = await lintFromString({ source: response.body, absoluteRef: '/docs/json', config: await createConfig({ extends: ['recommended'] }) });
    problems = found.map((p) => ({ ruleId: p.ruleId, severity: p.severity, message: p.message, location: p.location[0]?.pointer ?? '' }));
  });
  afterAll(() => testApp.close());

  it('has no errors and no warnings', () => {
    expect(problems).toEqual([]);
  });

  it('documents a 4xx answer on every operation', () => {
    expect(problems.filter((p) => p.ruleId === 'operation-4xx-response')).toEqual([]);
  });

  it('gives every operation a success answer and the shared error body on its 4xx', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThan(40);
    for (const { path, method, op } of operations) {
      const codes = Object.keys(op.responses ?? {});
      expect(
        codes.some((c) => /^[23]/.test(c)),
        `${method} ${path}`,
      ).toBe(true);
      expect(op.responses?.['4XX'] ?? op.responses?.['400'], `${method} ${path}`).toBeDefined();
    }
  });
});
