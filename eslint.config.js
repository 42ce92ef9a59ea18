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
 * Where code runs, by folder. The lint walls below are made from this table alone; lib/ is arranged by it:
 * - page: the content script, what it renders, and lib/page (the engine parts that need a page's DOM:
 *   article detection, highlighting);
 * - worker: the service worker and lib/worker, what runs in the extension's own origin (the database, the
 *   sync and its clustering, the search index, exports, the analysis service, the catalogue and the matcher
 *   it compiles, the message guard); extension pages (popup, options, collection) may use it too;
 * - node: lib/node (catalogue files, word-list generation), the CLI, scripts, benchmarks, tests: they may
 *   import anything;
 * - shared: lib/shared (types, messages, settings, sites, labels, the analysis protocol ...) runs in all
 *   three and imports only shared code. A file put straight in lib/ is held to the same wall.
 */
const RUNTIMES = {
  page: ['entrypoints/content', 'components', 'lib/page'],
  worker: ['entrypoints/background', 'lib/worker'],
  node: ['lib/node', 'cli', 'scripts', 'bench', 'tests'],
  shared: ['lib/shared'],
};

const WHY = {
  page: 'Page code runs in the page: it asks the worker by message and carries no worker or Node code.',
  worker: 'Worker code has no page (no DOM of its own) and no Node: it cannot import page or Node code.',
  shared: 'Shared lib/ code runs in the page, the worker and Node alike: it imports only shared code.',
  ui: 'lib/ is the engine: plain TypeScript that runs in the worker, the page and Node, without UI.',
};

/**
 * Import specifiers that reach a folder of the table: by alias, or by a relative path from a neighbour
 * (`../../page/detect` from lib/worker/db, `../../lib/worker/db` from components/card, `../background/inject`
 * from entrypoints/content).
 */
function specifiers(folder) {
  const tail = folder.slice(folder.indexOf('/') + 1);
  return [`@/${folder}`, `@/${folder}/**`, `~/${folder}`, `~/${folder}/**`, `**/${tail}`, `**/${tail}/**`];
}

const UI = ['**/entrypoints/**', '@/entrypoints/**', '**/components/**', '@/components/**', 'preact', 'preact/*'];
const OUTSIDE = {
  worker: [...RUNTIMES.worker.flatMap(specifiers), 'dexie', 'dexie/*'],
  page: RUNTIMES.page.flatMap(specifiers),
  node: [...RUNTIMES.node.flatMap(specifiers), 'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'zlib', 'linkedom'],
};

/**
 * No-restricted-imports blocks (type-only imports pass: they carry no code into the other runtime) for the
 * files of `folders`, banning `banned`; the folders inside lib/ also ban UI.
 */
function wall(folders, banned, message) {
  const block = (paths, patterns) => ({
    files: paths.map((p) => `${p}/**`),
    rules: { '@typescript-eslint/no-restricted-imports': patterns.length ? ['error', { patterns }] : 'off' },
  });
  const rule = banned.length ? [{ group: [...new Set(banned)], message, allowTypeImports: true }] : [];
  const ui = { group: UI, message: WHY.ui, allowTypeImports: true };
  const inLib = folders.filter((f) => f === 'lib' || f.startsWith('lib/'));
  const outside = folders.filter((f) => !inLib.includes(f));
  return [...(outside.length ? [block(outside, rule)] : []), ...(inLib.length ? [block(inLib, [...rule, ui])] : [])];
}

/** The walls, general first: a later block's list replaces an earlier one's for the files both name. */
const WALLS = [
  // Shared lib/ (and any file put straight in lib/): neither page, nor worker, nor Node code; no UI.
  ...wall(['lib', ...RUNTIMES.shared], [...OUTSIDE.page, ...OUTSIDE.worker, ...OUTSIDE.node], WHY.shared),
  ...wall(RUNTIMES.page, [...OUTSIDE.worker, ...OUTSIDE.node], WHY.page),
  ...wall(RUNTIMES.worker, [...OUTSIDE.page, ...OUTSIDE.node, '**/components/**', '@/components/**'], WHY.worker),
  // Node code may import anything; lib/node still carries no UI.
  ...wall(RUNTIMES.node, [], ''),
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
      'lib/shared/analysis/**/*.ts',
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
