// @ts-check
import { readdirSync } from 'node:fs';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** File names are kebab-case (`message-list.tsx`); route files follow TanStack's own naming. */
const kebabCaseFiles = {
  meta: { type: 'suggestion', messages: { name: 'File name "{{name}}" must be kebab-case.' }, schema: [] },
  create(context) {
    return {
      Program(node) {
        const path = context.filename.replaceAll('\\', '/');
        if (path.includes('/src/routes/') || path.endsWith('.gen.ts')) return;
        const name = path.split('/').pop() ?? '';
        const stem = name.replace(/(\.(test|spec|config|d))?\.(ts|tsx|js)$/, '');
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(stem)) context.report({ node, messageId: 'name', data: { name } });
      },
    };
  },
};

const feature = (name) => `./src/features/${name}`;
const featureNames = readdirSync('src/features', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

// The import directions of docs/architecture.md, enforced so nobody has to remember them.
const zones = [
  { target: './src/contract', from: './src', except: ['./contract'], message: 'The contract imports nothing but zod.' },
  // …and the English catalogs, plain data, where a rule the server runs words something in English (prompt-changes.ts).
  { target: './src/domain', from: './src', except: ['./domain', './contract', './locales/en'], message: 'The domain rules import only the contract (and the English catalogs).' },
  { target: './src/server', from: './src', except: ['./server', './contract', './domain'], message: 'Server code imports only server, domain and contract code.' },
  { target: './src/mocks', from: './src', except: ['./mocks', './contract', './domain'], message: 'Mocks import only the domain and the contract.' },
  {
    target: ['./src/lib', './src/components', './src/hooks'],
    from: ['./src/features', './src/routes', './src/server', './src/mocks'],
    message: 'Shared code must not depend on features, routes, server or mocks.',
  },
  { target: './src/features', from: ['./src/routes', './src/server', './src/mocks'], message: 'Features must not import routes, server or mocks.' },
  ...featureNames.map((name) => ({
    target: feature(name),
    from: './src/features',
    except: [`./${name}`],
    message: 'Features never import each other; compose them in routes.',
  })),
  { target: './src/routes', from: ['./src/server', './src/mocks'], message: 'Browser code never imports server code.' },
];

// Tests may answer the app's requests with the mock API (src/mocks), as `npm run dev:mock` does.
const testZones = zones.map((zone) => (Array.isArray(zone.from) ? { ...zone, from: zone.from.filter((from) => from !== './src/mocks') } : zone));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'src/routeTree.gen.ts', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks, local: { rules: { 'kebab-case-files': kebabCaseFiles } } },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      // no-cycle follows imports into these files, parsed as TypeScript.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      'local/kebab-case-files': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-restricted-paths': ['error', { zones }],
    },
  },
  {
    files: ['src/**/*.test.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: testZones }] },
  },
  {
    // A cycle makes the load order decide what is defined; none is allowed in the app's own modules.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/server/**', 'src/contract/**', 'tests/**', 'bench/**', '*.config.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Node itself loads these (Playwright's and the bench's loaders, tsx): its ESM loader refuses a JSON
    // import without the attribute, where Vite and Vitest let it pass.
    files: ['src/server/**', 'src/domain/**', 'src/contract/**', 'tests/**', 'bench/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value=/\\.json$/]:not([attributes.length>0])",
          message: "Node loads this file: import JSON with { type: 'json' }.",
        },
      ],
    },
  },
);
