// The layering of ../shared/design/ARCHITECTURE.md as an ESLint rule: which folder of src/ may
// import which. Relative imports are resolved against the importing file, so a path that climbs
// out of its layer is judged by where it lands, not by how it is spelled.
import path from 'node:path';

const ADAPTERS = ['catalogue', 'store', 'signature', 'gateway', 'documents', 'security', 'evidence'];

/** What each layer of src/ may import from the other layers (its own layer is always allowed). */
const ALLOWED = {
  // Pure: no I/O, no clock, no other layer.
  core: [],
  // Use cases: the core and the ports declared in app/ports; never an adapter.
  app: ['core'],
  // Adapters implement ports; they may use one another, never a use case, the server or the CLI.
  ...Object.fromEntries(ADAPTERS.map((a) => [a, ['core', 'app/ports', ...ADAPTERS]])),
  // The one composition root: wires adapters into use cases for both the server and the CLI.
  compose: ['core', 'app', ...ADAPTERS],
  http: ['core', 'app', 'compose', ...ADAPTERS],
  cli: ['core', 'app', 'compose', 'http', ...ADAPTERS],
};

/** The package an import names, without the node: prefix or a subpath: 'node:fs/promises' → 'fs', '@fastify/cookie/x' → '@fastify/cookie'. */
function packageOf(source) {
  const bare = source.replace(/^node:/, '');
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** I/O a use case must reach through a port: Node's file, network and process modules, and the database and HTTP drivers. */
const IO_PACKAGES = new Set([
  'fs',
  'net',
  'http',
  'https',
  'http2',
  'dgram',
  'tls',
  'child_process',
  'cluster',
  'worker_threads',
  'os',
  'path',
  'sqlite',
  'pg',
  'postgres',
  'better-sqlite3',
  'fastify',
]);

/** Whether a layer may load a package: the core only zod and yaml (pure parsing); the use cases nothing that does I/O. */
const MAY_LOAD = {
  core: (name) => name === 'zod' || name === 'yaml',
  app: (name) => !IO_PACKAGES.has(name) && !name.startsWith('@fastify/'),
};

function layerOf(repoRelative) {
  const parts = repoRelative.split('/');
  if (parts[0] === 'web' && parts[1] === 'src') return 'web';
  if (parts[0] !== 'src') return parts[0] === 'test' || parts[0] === 'bench' ? 'test' : null;
  if (parts[1] === 'app' && parts[2] === 'ports') return 'app/ports';
  return parts.length > 2 ? parts[1] : null;
}

function mayImport(from, to) {
  if (to === from || (from === 'app' && to === 'app/ports') || (from === 'app/ports' && to === 'app/ports')) return true;
  if (from === 'app/ports') return to === 'core';
  const allowed = ALLOWED[from];
  if (!allowed) return true;
  if (to === 'app/ports') return allowed.includes('app/ports') || allowed.includes('app');
  return allowed.includes(to);
}

/** @type {import('eslint').Rule.RuleModule} */
export const layerBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps the layers of ARCHITECTURE.md: core pure, app through ports, adapters never above themselves.' },
    schema: [],
    messages: {
      layer: '{{from}} may not import {{to}} ({{source}}): see ARCHITECTURE.md, layout.',
      packageInLayer: '{{from}} may not load the package {{source}}: it reaches I/O the layer gets through a port.',
      unknownLayer: '{{file}} is in no layer of ARCHITECTURE.md: put it in one, or add its folder to scripts/lint/layer-boundaries.js.',
      testFromSource: 'source code may not import test code ({{source}}).',
      webRuntime:
        'the web may run only its own code and the pure core; anything else of the server it imports for its types: write `import type` ({{source}}).',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const from = layerOf(file);
    // Tests and their helpers compose whatever they exercise, so only source files are held to the layers.
    const isTest = /\.(test|contract)\.tsx?$/.test(file) || from === 'test';
    if (isTest) return {};
    if (from === null || (from !== 'web' && from !== 'app/ports' && !(from in ALLOWED))) {
      // A source file outside every layer would escape the rule: name it instead of letting it pass.
      if (file.startsWith('src/')) return { Program: (node) => context.report({ node, messageId: 'unknownLayer', data: { file } }) };
      return {};
    }

    function check(node, source, typeOnly) {
      if (typeof source !== 'string') return;
      if (!source.startsWith('.')) {
        const mayLoad = MAY_LOAD[from];
        if (mayLoad && !mayLoad(packageOf(source)) && !typeOnly) context.report({ node, messageId: 'packageInLayer', data: { from, source } });
        return;
      }
      const target = path
        .relative(root, path.resolve(path.dirname(context.filename), source))
        .split(path.sep)
        .join('/');
      const to = layerOf(target);
      if (to === 'test') return context.report({ node, messageId: 'testFromSource', data: { source } });
      if (from === 'web') {
        // The pure core runs in the browser as well (the same command rules on both sides); anything else only as types.
        if (to !== 'web' && to !== 'core' && !typeOnly) context.report({ node, messageId: 'webRuntime', data: { source } });
        return;
      }
      if (to === null || to === 'web' || !mayImport(from, to)) context.report({ node, messageId: 'layer', data: { from, to: to ?? target, source } });
    }

    /** A string literal, or a template literal without expressions: a path known before running. */
    const staticString = (node) =>
      node?.type === 'Literal' || node?.type === 'StringLiteral'
        ? node.value
        : node?.type === 'TemplateLiteral' && node.expressions.length === 0
          ? node.quasis[0].value.cooked
          : undefined;
    const typeOnlyDeclaration = (node) => node.importKind === 'type' || node.exportKind === 'type';
    return {
      ImportDeclaration(node) {
        const allTypes = typeOnlyDeclaration(node) || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
        check(node, node.source.value, allTypes);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, typeOnlyDeclaration(node));
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, typeOnlyDeclaration(node));
      },
      ImportExpression(node) {
        const text = staticString(node.source);
        if (text !== undefined) check(node, text, false);
      },
      // CommonJS in TypeScript: require('…') and import x = require('…').
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
          const text = staticString(node.arguments[0]);
          if (text !== undefined) check(node, text, false);
        }
      },
      TSImportEqualsDeclaration(node) {
        if (node.moduleReference.type === 'TSExternalModuleReference') check(node, staticString(node.moduleReference.expression), node.importKind === 'type');
      },
    };
  },
};
