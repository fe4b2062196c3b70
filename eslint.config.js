// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

// Module boundaries from ARCHITECTURE.md, as lint errors: contract imports only zod; web and server
// import contract and never each other; features are reached through their entry file; only
// widget-preview imports recharts and only dashboard-grid imports react-grid-layout.
// A feature's entry file is the file named after the folder (`filter-builder/filter-builder.tsx`).
// From outside a feature only that file may be imported; pure helpers beside it stay private.
const features = [
  'connection',
  'dashboards',
  'dashboard-view',
  'dashboard-grid',
  'widget-editor',
  'filter-builder',
  'widget-preview',
  'trash',
  'version-history',
];
// Sub-folders of a feature (`widget-editor/draft/…`) are as private as the files beside the entry.
const entryOnly = features.map((f) => ({
  regex: `(^|/)(features|\\.\\.)/${f}/(?!${f}(\\.tsx?)?$).+$`,
  message: `Import feature '${f}' through its entry file ${f}/${f}.tsx.`,
}));
/** Features that import no other feature (ARCHITECTURE.md). */
const leafFeatureRule = {
  regex: `(^|/)(features|\\.\\.)/(${features.join('|')})/`,
  message: 'filter-builder and widget-preview import no other feature.',
};

/** @type {import('eslint').Linter.RulesRecord['no-restricted-imports']} */
const contractRule = [
  'error',
  {
    patterns: [
      { regex: '^(?!zod$|\\.{1,2}/).*', message: 'src/contract imports only zod and its own files.' },
      { group: ['**/server/**', '**/web/**'], message: 'src/contract imports only zod and its own files.' },
    ],
  },
];

const webRestrictions = {
  patterns: [
    ...entryOnly,
    { group: ['**/server/**', '**/server'], message: 'src/web never imports src/server (use the HTTP API).' },
    {
      group: ['node:*', 'better-sqlite3', 'kysely', 'hono', 'hono/*'],
      message: 'Node/server-only module in the SPA.',
    },
    { group: ['recharts', 'recharts/*'], message: 'Only features/widget-preview imports recharts.' },
    {
      group: ['react-grid-layout', 'react-grid-layout/*'],
      message: 'Only features/dashboard-grid imports react-grid-layout.',
    },
  ],
};

const serverNoWeb = { group: ['**/web/**', '**/web'], message: 'src/server never imports src/web.' };
const serverNoTestSupport = {
  group: ['**/test-support/**', '**/test-support'],
  message: 'Production server code never imports test-support/ (test-only code).',
};
const serverNoRoutes = {
  group: ['**/routes/**', '**/routes'],
  message: 'Only app.ts imports routes/: the other rooms sit below it.',
};
const serverRoomsBelowRoutes = [
  'http',
  'store',
  'history',
  'forwarding',
  'engine',
  'analytics',
  'db',
  'ingest',
  'sync',
  'seed',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-bench/**',
      'dist-server/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'data/**',
      'bench/results/**',
      'bench/tmp/**',
      'eslint.config.js',
      'scripts/**/*.mjs',
      'public/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.web.json',
          './tsconfig.node.json',
          './tsconfig.test.json',
          './tsconfig.tools.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-assertions': [
        'error',
        { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-floating-promises': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    // A cycle makes load order decide what a module sees (an import read as undefined at start-up) and
    // turns "dependencies point one way" into a hope; the feature and room rules above cannot see one
    // inside a folder. ADR 0022.
    files: ['src/**/*.{ts,tsx}', 'bench/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      // Without it the imported files are parsed as plain JavaScript, fail, and no cycle is ever seen.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@tanstack/query/exhaustive-deps': 'error',
      '@tanstack/query/no-rest-destructuring': 'warn',
      '@tanstack/query/stable-query-client': 'error',
      'no-restricted-imports': ['error', webRestrictions],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No dangerouslySetInnerHTML.',
        },
      ],
    },
  },
  {
    // Components are wired to the in-memory Hono app in tests: test files may import the server.
    files: ['src/web/**/*.test.{ts,tsx}', 'src/web/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: webRestrictions.patterns
            .filter((p) => !String(p.message).startsWith('src/web never'))
            .filter((p) => !String(p.message).startsWith('Node/server-only')),
        },
      ],
    },
  },
  {
    files: ['src/web/features/widget-preview/**', 'src/web/features/filter-builder/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...webRestrictions.patterns, leafFeatureRule],
        },
      ],
    },
  },
  {
    files: ['src/web/features/widget-preview/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...webRestrictions.patterns.filter((p) => !String(p.message).includes('recharts')),
            leafFeatureRule,
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/features/dashboard-grid/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: webRestrictions.patterns.filter((p) => !String(p.message).includes('react-grid-layout')),
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { patterns: [serverNoWeb] }] },
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/server/test-support/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [serverNoWeb, serverNoTestSupport] }] },
  },
  {
    // The rooms below the routes (docs/architecture.md, Layout): only app.ts wires routes/ in.
    files: serverRoomsBelowRoutes.map((room) => `src/server/${room}/**/*.ts`),
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [serverNoWeb, serverNoTestSupport, serverNoRoutes] }],
    },
  },
  {
    files: ['src/contract/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': contractRule },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'e2e/**', 'bench/**', 'scripts/**', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
