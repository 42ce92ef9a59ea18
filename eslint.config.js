// Lint for the whole repository. Besides typescript-eslint's recommended rules it enforces two walls
// that review alone would not keep standing:
// 1. contexts stay apart: page code (the content script and the components it renders) never imports
//    the database, the sync, Dexie or worker code; lib/ (the engine) never imports UI or entry points;
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

/** What page code may not import: it runs in the page's origin and speaks to the worker by message. */
const PAGE_SIDE_FORBIDDEN = [
  {
    group: ['dexie', 'dexie/*'],
    message: 'The database lives in the extension origin only; ask the background by message.',
  },
  {
    group: ['**/lib/db', '**/lib/db/**', '@/lib/db', '@/lib/db/**', '~/lib/db', '~/lib/db/**'],
    message: 'Page code must not import the database; ask the background by message (lib/messaging.ts).',
  },
  {
    group: ['**/lib/sync', '**/lib/sync/**', '@/lib/sync', '@/lib/sync/**', '~/lib/sync', '~/lib/sync/**'],
    message: 'Page code must not import the sync; it runs in the worker.',
  },
  {
    group: ['**/background', '**/background/**', '**/messaging-guard'],
    message: 'Page code must not import worker code.',
  },
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
  {
    files: ['entrypoints/content/**', 'components/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: PAGE_SIDE_FORBIDDEN }],
    },
  },
  {
    files: ['lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/entrypoints/**', '@/entrypoints/**', '**/components/**', '@/components/**', 'preact', 'preact/*'],
              message: 'lib/ is the engine: plain TypeScript that runs in the worker, the page and Node, without UI.',
            },
          ],
        },
      ],
    },
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
