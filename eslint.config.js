import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** src/domain may not depend on the layers above it. */
const DOMAIN_LAYERS = {
  regex: '(^|/)(features|db|http)(/|$)',
  message: 'src/domain is pure: it may not import from src/features, src/db or src/http.',
};
/** Node modules that do I/O. */
const NODE_IO = {
  regex:
    '^(node:)?(fs|fs/promises|net|http|https|http2|tls|dgram|dns|dns/promises|child_process|cluster|worker_threads|readline|repl)$',
  message: 'src/domain does no I/O: pass data in and out instead.',
};
const CONTRACT_ONLY = 'src/contract may import only @sinclair/typebox and src/domain.';

export default tseslint.config(
  { ignores: ['node_modules', 'web/dist', 'data', 'test-results', 'src/db/migrations', 'bin'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // ---- layering: who may import whom ----
  {
    // The domain is pure: no services, database or HTTP.
    files: ['src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [DOMAIN_LAYERS] }] },
  },
  {
    // ... and no I/O (its tests may read fixtures).
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [DOMAIN_LAYERS, NODE_IO] }] },
  },
  {
    // The API contract is schemas over domain types: TypeBox and src/domain only.
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!\\.|@sinclair/typebox(/|$))', message: CONTRACT_ONLY },
            // Up and out of src/contract to anything but src/domain.
            { regex: '^(\\.\\./)+(?!\\.\\./|domain(/|$))', message: CONTRACT_ONLY },
          ],
        },
      ],
    },
  },
  {
    // The web reaches the server's code only through web/src/shared/*.ts.
    files: ['web/src/**/*.{ts,tsx}'],
    ignores: ['web/src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src(/|$)',
              message: 'Import server modules through web/src/shared/*.ts, not from src/ directly.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
