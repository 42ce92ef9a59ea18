// Lint for the whole repository. Besides typescript-eslint's recommended rules it enforces two walls
// that review alone would not keep standing:
// 1. runtimes stay apart (RUNTIMES below): page code never imports worker code (the database, the sync,
//    the analysis service and its catalogue) or Node code; worker code never imports page code; shared
//    lib/ code imports neither; lib/ (the engine) never imports UI or entry points;
// 2. no markup from strings: innerHTML & co., document.write, eval and new Function are banned outside
//    tests.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const NO_MARKUP_FROM_STRINGS = 'Build DOM from elements and text (Preact or createElement/textContent), never from HTML strings.';

const markupRules = {
  'no-restricted-properties': [
    'error',
    { property: 'innerHTML', message: NO_MARKUP_FROM_STRINGS },
    { property: 'outerHTML', message: NO_MARKUP_FROM_STRINGS },
    { property: 'insertAdjacentHTML', message: NO_MARKUP_FROM_STRINGS },
    { property: 'createContextualFragment', message: NO_MARKUP_FROM_STRINGS },
    { property: 'setHTMLUnsafe', message: NO_MARKUP_FROM_STRINGS },
    { object: 'document', property: 'write', message: NO_MARKUP_FROM_STRINGS },
    { object: 'document', property: 'writeln', message: NO_MARKUP_FROM_STRINGS },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: NO_MARKUP_FROM_STRINGS },
    { selector: "Property[key.name='dangerouslySetInnerHTML']", message: NO_MARKUP_FROM_STRINGS },
  ],
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
};

/**
 * Where code runs, by folder (or file, where a folder still mixes runtimes). The lint walls below are made
 * from this table alone, so that moving lib/ files into runtime folders changes only these lists.
 * - page: the content script, what it renders, and the engine parts that need a page's DOM;
 * - worker: the service worker and what runs in the extension's own origin (the database, the sync and its
 *   clustering, the search index, exports, the analysis service, the catalogue and the matcher it
 *   compiles, the message guard); extension pages (popup, options, collection) may use it too;
 * - node: file loading and generation, the CLI, scripts, benchmarks (they may import anything);
 * - the rest of lib/ (types, messages, settings, sites, labels ...) is shared and runs everywhere.
 */
const RUNTIMES = {
  page: ['entrypoints/content', 'components', 'lib/page/detect', 'lib/page/highlight'],
  worker: [
    'entrypoints/background',
    'lib/worker/db',
    'lib/worker/sync',
    'lib/worker/cluster',
    'lib/worker/search',
    'lib/worker/export',
    'lib/worker/analysis/service',
    'lib/worker/analysis/facts',
    'lib/worker/knowledge',
    'lib/worker/extract',
    'lib/worker/engine',
    'lib/worker/messaging-guard',
  ],
  node: ['lib/node/load-catalogues', 'lib/node/generate-common-words', 'cli', 'scripts', 'bench', 'tests'],
};

const WHY = {
  page: 'Page code runs in the page: it asks the worker by message and carries no worker or Node code.',
  worker: 'Worker code has no page (no DOM of its own) and no Node: it cannot import page or Node code.',
  shared: 'Shared lib/ code runs in the page, the worker and Node alike: it imports only shared code.',
};

/**
 * Import specifiers that reach a folder or file of the table: by alias, or by a relative path from a
 * neighbour (`../db` from lib/, `../background/inject` from entrypoints/). Not from its own folder: a
 * folder that mixes runtimes (lib/worker/analysis) has to be split for that.
 */
function specifiers(path) {
  const tail = path.includes('/') ? path.slice(path.indexOf('/') + 1) : path;
  return [`@/${path}`, `@/${path}/**`, `~/${path}`, `~/${path}/**`, `**/${tail}`, `**/${tail}/**`];
}

const OUTSIDE = {
  worker: [...RUNTIMES.worker.flatMap(specifiers), 'dexie', 'dexie/*'],
  page: RUNTIMES.page.flatMap(specifiers),
  node: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'zlib', 'linkedom'],
};

/** A no-restricted-imports block (type-only imports pass) for the files of `paths` (folders or files), banning the other runtimes. */
function wall(paths, banned, message) {
  return {
    files: paths.flatMap((p) => [`${p}/**`, `${p}.ts`, `${p}.tsx`]),
    rules: {
      // typescript-eslint's form of the rule: a type-only import carries no code into the other runtime.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...new Set(banned)], message, allowTypeImports: true },
            {
              group: ['**/entrypoints/**', '@/entrypoints/**', 'preact', 'preact/*'],
              message: 'lib/ is the engine: plain TypeScript that runs in the worker, the page and Node, without UI.',
              allowTypeImports: true,
            },
          ].filter((p, i) => i === 0 || paths.every((x) => x.startsWith('lib/'))),
        },
      ],
    },
  };
}

/** The walls, general first: a later block's list replaces an earlier one's for the files both name. */
const WALLS = [
  // Shared lib/: neither page, nor worker, nor Node code; no UI.
  wall(['lib'], [...OUTSIDE.page, ...OUTSIDE.worker, ...OUTSIDE.node, '**/components/**', '@/components/**'], WHY.shared),
  wall(RUNTIMES.page, [...OUTSIDE.worker, ...OUTSIDE.node], WHY.page),
  wall(RUNTIMES.worker, [...OUTSIDE.page, ...OUTSIDE.node, '**/components/**', '@/components/**'], WHY.worker),
  // Node code may import anything; Node files inside lib/ still carry no UI.
  {
    files: RUNTIMES.node.flatMap((p) => [`${p}/**`, `${p}.ts`]),
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  wall(
    RUNTIMES.node.filter((p) => p.startsWith('lib/')),
    ['**/components/**', '@/components/**'],
    'lib/ is the engine: plain TypeScript that runs in the worker, the page and Node, without UI.',
  ),
];

export default defineConfig(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'dist/**', 'coverage/**', 'test-results/**', 'bench/tmp/**', 'tmp/**'],
  },
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      ...markupRules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  ...WALLS,
  {
    // Type-aware: a promise nobody awaits, returns or marks `void` is an error that vanishes unseen (where
    // it does not matter, `void` says so). Page code and the reading view's engine parts for now; the
    // rest of the tree follows as its owners take it up.
    files: [
      'entrypoints/content/**/*.{ts,tsx}',
      'components/sidebar/**/*.{ts,tsx}',
      'components/card/**/*.{ts,tsx}',
      'lib/page/highlight/**/*.ts',
      'lib/worker/analysis/**/*.ts',
      'lib/shared/labels.ts',
    ],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    // Tests may build fixture DOM from strings.
    files: ['tests/**'],
    rules: {
      'no-restricted-properties': 'off',
      'no-restricted-syntax': 'off',
    },
  },
);
