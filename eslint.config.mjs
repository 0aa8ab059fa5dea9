// ESLint (flat config) with typescript-eslint's recommended rules; Prettier owns the layout
// (eslint-config-prettier turns off the rules it would fight), ESLint the line length, which
// Prettier leaves to strings and comments.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/out/**',
      '**/generated/**',
      'server/src/service/formats/mof/data/motTables.ts',
      'node_modules/**',
      '.scratch/**',
      '.vscode-test/**',
      'test-results/**',
      'test/fixtures/**',
      'examples/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `import x = require(…)` keeps CommonJS packages out of esbuild's ES-module wrapper.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      // Control characters are exactly what the input guards and the escaping tests look for.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'bin/**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
