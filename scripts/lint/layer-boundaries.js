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

/** Packages a layer may not load, because they reach I/O the layer must get through a port. */
const FORBIDDEN_PACKAGES = {
  core: /^(?!zod$|yaml$)/,
  app: /^(node:(fs|net|http|https|child_process|os|path)|pg|better-sqlite3|fastify|@fastify\/.*)$/,
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
    if (from === null || isTest) return {};

    function check(node, source, typeOnly) {
      if (typeof source !== 'string') return;
      if (!source.startsWith('.')) {
        const forbidden = FORBIDDEN_PACKAGES[from];
        if (forbidden && forbidden.test(source) && !typeOnly) context.report({ node, messageId: 'packageInLayer', data: { from, source } });
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
        if (node.source.type === 'Literal') check(node, node.source.value, false);
      },
    };
  },
};
