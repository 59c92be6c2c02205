import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The layer-boundary messages ESLint, with the project's own configuration, gives for this text at this path. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  return result!.messages.filter((m) => m.ruleId === 'reglament/layer-boundaries').map((m) => m.message);
}

describe('the layer boundaries of ARCHITECTURE.md, as the lint enforces them', () => {
  it('refuses a deliberate import from src/store into src/core', async () => {
    const errors = await layerErrors('src/core/engine/new-rule.ts', "import { openStores } from '../../store/open-stores.js';\nexport const x = openStores;\n");
    expect(errors).toEqual([expect.stringContaining('core may not import store')]);
  });

  it('judges a path by where it lands, however it is spelled', async () => {
    expect(await layerErrors('src/core/engine/new-rule.ts', "export { x } from '../../core/../store/sql-case-store.js';\n")).toHaveLength(1);
    expect(await layerErrors('src/core/engine/new-rule.ts', "export const load = () => import('../../app/view-case.js');\n")).toHaveLength(1);
    expect(await layerErrors('src/core/engine/new-rule.ts', "import { x } from '../clock/../engine/case-model.js';\nexport const y = x;\n")).toEqual([]);
  });

  it('keeps I/O packages out of the core and the drivers out of the use cases', async () => {
    expect(await layerErrors('src/core/clock/read-file.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toEqual([
      expect.stringContaining('core may not load the package node:fs'),
    ]);
    expect(await layerErrors('src/app/new-use-case.ts', "import pg from 'pg';\nexport const p = pg;\n")).toEqual([
      expect.stringContaining('app may not load the package pg'),
    ]);
    expect(await layerErrors('src/core/regulation/z.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
  });

  it('catches the other spellings of an import: require, import = require, a template path, a subpath or bare name of a package', async () => {
    const core = 'src/core/engine/new-rule.ts';
    expect(await layerErrors(core, "const s = require('../../store/sql-case-store.js');\nexport { s };\n")).toHaveLength(1);
    expect(await layerErrors(core, "import s = require('../../store/sql-case-store.js');\nexport { s };\n")).toHaveLength(1);
    expect(await layerErrors(core, 'export const load = () => import(`../../store/sql-case-store.js`);\n')).toHaveLength(1);
    expect(await layerErrors('src/app/new-use-case.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n")).toHaveLength(1);
    expect(await layerErrors('src/app/new-use-case.ts', "import fs from 'fs';\nexport const f = fs;\n")).toHaveLength(1);
    expect(await layerErrors('src/app/new-use-case.ts', "import { DatabaseSync } from 'node:sqlite';\nexport const d = DatabaseSync;\n")).toHaveLength(1);
    expect(await layerErrors('src/app/new-use-case.ts', "import cookie from '@fastify/cookie';\nexport const c = cookie;\n")).toHaveLength(1);
    expect(await layerErrors(core, "import { z } from 'zod/v4';\nexport const s = z.string();\n")).toEqual([]);
  });

  it('names a source file that sits in no layer instead of letting it import anything', async () => {
    expect(await layerErrors('src/util/helper.ts', "import { openStores } from '../store/open-stores.js';\nexport const o = openStores;\n")).toEqual([
      expect.stringContaining('in no layer'),
    ]);
    expect(await layerErrors('src/helper.ts', 'export const x = 1;\n')).toEqual([expect.stringContaining('in no layer')]);
    expect(await layerErrors('src/core/engine/new-rule.ts', "import { x } from '../../util/helper.js';\nexport const y = x;\n")).toHaveLength(1);
  });

  it('lets use cases reach storage only through the ports', async () => {
    expect(
      await layerErrors('src/app/new-use-case.ts', "import { sqlCaseStore } from '../store/sql-case-store.js';\nexport const s = sqlCaseStore;\n"),
    ).toHaveLength(1);
    expect(await layerErrors('src/app/new-use-case.ts', "import type { CaseStore } from './ports/case-store.js';\nexport type S = CaseStore;\n")).toEqual([]);
  });

  it('lets adapters implement ports but never call a use case, the server or the CLI', async () => {
    expect(await layerErrors('src/store/new-store.ts', "import type { CaseStore } from '../app/ports/case-store.js';\nexport type S = CaseStore;\n")).toEqual(
      [],
    );
    expect(await layerErrors('src/store/new-store.ts', "import { viewCase } from '../app/view-case.js';\nexport const v = viewCase;\n")).toEqual([
      expect.stringContaining('store may not import app'),
    ]);
    expect(
      await layerErrors('src/signature/new-signer.ts', "import { buildServer } from '../http/build-server.js';\nexport const b = buildServer;\n"),
    ).toHaveLength(1);
    expect(await layerErrors('src/http/new-route.ts', "import { main } from '../cli/main.js';\nexport const m = main;\n")).toHaveLength(1);
  });

  it('keeps test code out of the source and server code out of the browser bundle, types aside', async () => {
    expect(await layerErrors('src/app/new-use-case.ts', "import { x } from '../../test/support/test-app.js';\nexport const y = x;\n")).toEqual([
      expect.stringContaining('may not import test code'),
    ]);
    expect(await layerErrors('web/src/pages/new-page.tsx', "import { viewCase } from '../../../src/app/view-case.js';\nexport const v = viewCase;\n")).toEqual([
      expect.stringContaining('import type'),
    ]);
    expect(
      await layerErrors('web/src/pages/new-page.tsx', "import type { CaseView } from '../../../src/app/view-case.js';\nexport type V = CaseView;\n"),
    ).toEqual([]);
    expect(
      await layerErrors(
        'web/src/pages/new-page.tsx',
        "import { allowedCommands } from '../../../src/core/engine/allowed-commands.js';\nexport const a = allowedCommands;\n",
      ),
    ).toEqual([]);
  });

  it('lets a test compose whatever it exercises', async () => {
    expect(
      await layerErrors(
        'src/core/engine/new-rule.test.ts',
        "import { loadCatalogue } from '../../catalogue/load-catalogue.js';\nexport const l = loadCatalogue;\n",
      ),
    ).toEqual([]);
  });
});
