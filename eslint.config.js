// Lint rules, including the import direction of DESIGN.md:
// renderer -> shared (+ window.seva), main/desk -> shared (never electron),
// server -> shared, twitter-sim -> shared, shared -> nothing outside itself.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const layer = (files, groups, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
  },
})

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      // The bundled config electron-vite and vite write beside their config while they
      // build (npm test lints and builds side by side): here one moment, gone the next.
      '*.config.ts.*.mjs',
      '*.timestamp-*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  layer(
    ['src/shared/**/*.ts'],
    [
      'node:*',
      'electron',
      '**/server/**',
      '**/main/**',
      '**/renderer/**',
      '**/preload/**',
      '**/twitter-sim/**',
      '**/cli/**',
      'fs',
      'path',
      'http',
      'crypto',
    ],
    'src/shared is pure domain code: it imports nothing outside src/shared (no node:, no DOM, no electron).',
  ),
  layer(
    ['src/renderer/**/*.{ts,tsx}'],
    ['node:*', 'electron', '**/main/**', '**/server/**', '**/twitter-sim/**', '**/preload/index*'],
    'The renderer talks to the desk only through window.seva and imports only src/shared.',
  ),
  layer(
    ['src/main/desk/**/*.ts'],
    ['electron', '**/server/**', '**/renderer/**', '**/twitter-sim/**'],
    'The desk core must run under plain Node: no electron, and no server/renderer code.',
  ),
  layer(
    ['src/main/*.ts'],
    ['**/server/**', '**/renderer/**', '**/twitter-sim/**'],
    'Electron main may import src/shared and its desk core only.',
  ),
  layer(
    ['src/preload/**/*.ts'],
    ['**/server/**', '**/renderer/**', '**/twitter-sim/**', '**/main/**'],
    'The preload builds window.seva from the shared desk API contract only.',
  ),
  layer(
    ['src/server/**/*.ts'],
    ['electron', '**/main/**', '**/renderer/**', '**/preload/**', '**/twitter-sim/**'],
    'The server imports src/shared only.',
  ),
  layer(
    ['src/twitter-sim/**/*.ts'],
    ['electron', '**/main/**', '**/renderer/**', '**/preload/**', '**/server/**'],
    'The simulator imports src/shared only.',
  ),
)
