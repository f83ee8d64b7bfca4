// Lint: typescript-eslint's recommended rules, and the zone boundaries from HOUSE-STYLE.md as import bans.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'worker_threads', 'url', 'stream', 'zlib'];

/** Bans importing `patterns` from files in one zone, naming the rule it breaks. */
const zone = (files, patterns, why) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: patterns, message: why, allowTypeImports: false }] }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'build/**/*.mjs', '*.config.*', 'tests/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Type-only casts are how the typed contract meets untyped transports; they are reviewed, not banned.
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  zone(['shared/**/*.ts'], ['electron', 'electron/*', ...nodeBuiltins, 'react', 'react-dom', 'dexie', 'dexie-*', 'zustand', '**/electron/**', '**/renderer/**'], 'shared/ is pure: it may import only shared/ and pure libraries.'),
  zone(['electron/**/*.ts'], ['**/renderer/**', 'react', 'react-dom', 'dexie', 'zustand'], 'electron/ is Node code: it never imports the window.'),
  zone(['renderer/**/*.ts', 'renderer/**/*.tsx'], ['electron', 'electron/*', ...nodeBuiltins, '**/electron/**'], 'renderer/ runs in the window: no Electron, no Node.'),
  // Only renderer/db/ touches Dexie directly; everyone else uses its wrapper.
  zone(['renderer/features/**', 'renderer/state/**', 'renderer/api/**', 'renderer/*.tsx'], ['electron', 'electron/*', ...nodeBuiltins, '**/electron/**', 'dexie'], 'Only renderer/db/ imports Dexie; use renderer/db/ instead.'),
  // Handlers know nothing of Electron: only main, preload, the IPC registration and window glue import it.
  {
    files: ['electron/handlers/**', 'electron/transport/**', 'electron/vault/**', 'electron/import/**', 'electron/sources/**', 'electron/cli/**', 'electron/backup/**', 'electron/export/**', 'electron/openFiles/**', 'electron/recent/**', 'electron/logging/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*', '**/renderer/**'], message: 'Handlers and jobs are plain Node: no Electron import.' }] }],
    },
  },
);
