// Lint rules, most importantly the runtime layering (STYLE.md): src/shared is pure, the renderer never
// reaches Node or the main process, the core never imports Electron. test/unit/layering.test.ts proves
// that these rules fire.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'module'];

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.js', 'bin/**/*.js', '*.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'react', 'react-dom', 'react/*', 'lowdb', 'ws', '**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'],
      'src/shared is pure TypeScript: no Node, Electron, DOM or React, and nothing from main/renderer/preload/cli.',
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'lowdb', 'ws', '@tensorflow/*', '**/main/**', '**/preload/**', '**/cli/**'],
      'The renderer only talks to the core through window.api; it may import src/shared, never Node or the main process.',
    ),
  },
  {
    files: ['src/main/core/**/*.ts', 'src/cli/**/*.ts'],
    rules: restrict(['electron', '**/renderer/**', '**/preload/**'], 'The core and the CLI run in plain Node: no Electron imports (only src/main/index.ts and src/main/electron/ may).'),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, 'zod', 'lowdb', '**/main/**', '**/renderer/**', '**/shared/api/contract'],
      'The sandboxed preload may only require electron; import names from src/shared/api/names, not the zod contract.',
    ),
  },
);
