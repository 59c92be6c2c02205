// ESLint: the layer boundaries of ARCHITECTURE.md and a few checks that need no type information.
// TypeScript is parsed by Babel's parser, which reads every syntax tsc 7 accepts without needing the
// TypeScript compiler's JavaScript API (which tsc 7 no longer ships).
import babelParser from '@babel/eslint-parser';
import { layerBoundaries } from './scripts/lint/layer-boundaries.js';

const typescript = {
  parser: babelParser,
  parserOptions: {
    requireConfigFile: false,
    babelOptions: { babelrc: false, configFile: false, presets: ['@babel/preset-typescript'] },
  },
};

export default [
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'web/dist/**', 'data/**', 'coverage/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: typescript,
    plugins: { reglament: { rules: { 'layer-boundaries': layerBoundaries } } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'reglament/layer-boundaries': 'error',
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-duplicate-case': 'error',
      'no-unreachable': 'error',
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use an `as const` object, not an enum (ARCHITECTURE.md, style).' }],
    },
  },
];
