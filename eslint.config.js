import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The registry's bounded contexts and what each may import (besides `common/`,
 * which every context may import and which imports none). The list is the
 * dependency order: a context only imports contexts above it, so no cycle can
 * form. Change it deliberately; registry/README.md draws the same map.
 */
const CONTEXTS = {
  audit: [],
  auth: ['audit'],
  publish: ['audit', 'auth'],
  contracts: ['publish'],
  products: ['publish', 'contracts', 'audit', 'auth'],
  lineage: ['publish', 'products', 'contracts', 'audit', 'auth'],
  sla: ['products', 'audit', 'auth'],
  governance: ['publish', 'products', 'lineage', 'audit', 'auth'],
  discovery: ['publish', 'products', 'contracts', 'sla', 'auth'],
  seed: ['publish', 'governance', 'auth'],
};
const ROOT = dirname(fileURLToPath(import.meta.url));
const SRC = './registry/src';

/** A context's private parts: its operations (one query each) and its tables' row types and entities. */
const privateParts = (context) => [`${SRC}/${context}/operations/**`, `${SRC}/${context}/**/*.entity.ts`];

function contextZones() {
  const names = Object.keys(CONTEXTS);
  const zones = [
    {
      target: `${SRC}/common`,
      from: names.map((n) => `${SRC}/${n}`),
      message: 'common/ is the base every context builds on: it imports no context.',
    },
  ];
  for (const [context, allowed] of Object.entries(CONTEXTS)) {
    const forbidden = names.filter((n) => n !== context && !allowed.includes(n));
    if (forbidden.length)
      zones.push({
        target: `${SRC}/${context}`,
        from: forbidden.map((n) => `${SRC}/${n}`),
        message: `${context}/ may import only ${['common', ...allowed].join(', ')} (see CONTEXTS in eslint.config.js).`,
      });
    zones.push({
      // database/ registers entities and runs migrations; bench/ times each operation's own SQL as its raw baseline.
      target: `${SRC}/!(${context}|database|bench)/**`,
      from: privateParts(context),
      message: `${context}'s operations and tables are private: call its exported service instead.`,
    });
  }
  return zones;
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.generated.ts', '**/generated/**', '**/*.js', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: [`${ROOT}/*/tsconfig.json`], noWarnOnMultipleProjects: true }),
      ],
    },
  },
  {
    // Registry and contracts: no import cycle at all, contexts in their dependency order, private parts private.
    files: ['registry/src/**/*.ts', 'contracts/src/**/*.ts'],
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: contextZones() }],
    },
  },
  {
    // The SDK: a pure core, I/O adapters around it, the CLI on top.
    files: ['sdk/src/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: ROOT,
          zones: [
            {
              target: './sdk/src/core',
              from: ['./sdk/src/io', './sdk/src/cli'],
              message: 'core/ is pure: files, network and process live in io/ and cli/.',
            },
            { target: './sdk/src/io', from: './sdk/src/cli', message: 'io/ adapters do not depend on the CLI.' },
          ],
        },
      ],
    },
  },
  {
    // The web catalog (React): the rules of hooks and their dependency lists, as React's own lint preset has them.
    files: ['registry/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Judged after prettier; a longer function says why next to an eslint-disable comment.
    files: ['registry/src/**/*.ts', 'contracts/src/**/*.ts', 'sdk/src/**/*.ts', 'registry/web/src/**/*.{ts,tsx}'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
);
