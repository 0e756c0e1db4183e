// Flat config: typescript-eslint's recommended rules, plus the boundaries of STYLE.md enforced as
// import rules so a crossing fails `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'src/core, src/shared and the CLI run outside VS Code: never import vscode here.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/cli.ts', 'src/cli/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
  {
    // Message types only: the one module every side may import, so it imports nothing itself.
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [{ regex: '^(?!\\./)', message: 'src/shared holds message types only: it imports nothing but its own siblings.' }] }] },
  },
  {
    // The webview runs in a browser frame: it may use src/shared types, never host code.
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'The webview cannot use the vscode API; post a message.' }], patterns: [{ group: ['**/src/*', '!**/src/shared', '!**/src/shared/**'], message: 'The webview imports only src/shared.' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
