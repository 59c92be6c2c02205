import { defineConfig } from 'vitest/config';

// Three projects, so the fast loop needs neither a database, nor a browser, nor a build:
//   unit         src/**/x.test.ts beside the code, and the lint rule's test (npm run test:unit: seconds)
//   integration  test/**: whole apps on SQLite and PostgreSQL, the CLI, the SMTP and gateway peers; and src/**/x.db.test.ts
//   browser      test/web/**: the built web UI in Debian's Chromium
// `npm test` runs all three.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        // Pure tests share one module graph per worker: loading the catalogue and the crypto once is most of their time.
        test: { name: 'unit', include: ['src/**/*.test.ts', 'test/lint/**/*.test.ts'], exclude: ['src/**/*.db.test.ts'], isolate: false },
      },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts', 'src/**/*.db.test.ts'], exclude: ['test/web/**', 'test/lint/**'] } },
      { extends: true, test: { name: 'browser', include: ['test/web/**/*.test.ts'] } },
    ],
  },
});
