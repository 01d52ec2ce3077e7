// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const browserApiMessage =
  'Only lib/platform/ may touch browser APIs (DESIGN §2): take what you need as an argument.';

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'coverage/**', '.bench/**', 'tests/e2e/fixtures/editors/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Render text, never HTML.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
      ],
    },
  },
  {
    // The domain core is pure: no browser APIs, no UI, no entrypoints.
    files: ['lib/**/*.{ts,tsx}'],
    ignores: ['lib/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['wxt/browser', 'webextension-polyfill', '@wxt-dev/*', 'wxt/utils/*'], message: browserApiMessage },
            { group: ['**/platform/*', '**/platform'], message: browserApiMessage },
            { group: ['**/components/*', '**/entrypoints/*'], message: 'lib/ must not depend on the UI.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: browserApiMessage },
        { name: 'chrome', message: browserApiMessage },
        { name: 'document', message: 'lib/ takes its DOM root as an argument.' },
        { name: 'fetch', message: 'Network access goes through lib/platform or lib/api.' },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}', 'scripts/**', 'tests/e2e/**', 'tests/bench/**'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        // Functions passed to page.evaluate() run in the browser.
        document: 'readonly',
        performance: 'readonly',
        indexedDB: 'readonly',
        requestAnimationFrame: 'readonly',
        PerformanceObserver: 'readonly',
      },
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.test.{ts,tsx}', 'tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
);
