// ESLint for the extension, the CLI, the webview and the tests: typescript-eslint's recommended
// rules (syntax-only, so `npm run lint` stays fast on 2 cores) plus a few that catch real bugs here.
// Formatting is Prettier's job (`npm run format`), not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.test-results/**', 'media/console/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-control-regex': 'off', // the SASL and terminal code matches control bytes on purpose
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: globals.node,
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  // Functions of the UI bridge run inside the browser page (Playwright's evaluate).
  { files: ['scripts/vscode/uiBridge.js'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  { files: ['src/**/*.ts', 'test/**/*.ts'], languageOptions: { globals: globals.node } },
);
