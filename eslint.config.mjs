import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', 'node_modules/**', '.data/**', 'infra/cdk.out/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through lib/env.ts.',
        },
      ],
    },
  },
  {
    // The env module, build/test tooling and infrastructure code legitimately read process.env.
    files: ['lib/env.ts', 'instrumentation.ts', '*.config.*', 'e2e/**', 'db/testing/**', 'scripts/**', 'bench/**', 'infra/**', '**/*.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Layering: pages and components reach data only through lib/<domain>.
    files: ['app/**/*.tsx', 'components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/db', '@/db/*'], message: 'Go through lib/<domain>.' }] }],
    },
  },
];

export default config;
