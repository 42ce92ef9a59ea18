/**
 * The lint rules that keep the contexts apart (eslint.config.js) are what stops page code from
 * reaching the database by accident; check that they still bite.
 */
import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { readdirSync } from 'node:fs';

// The probes below are files that do not exist: linted without type information (the project service
// knows only real files), which the walls do not need.
const eslint = new ESLint({
  cwd: resolve(import.meta.dirname, '../..'),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
});

const RULE = '@typescript-eslint/no-restricted-imports';

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint walls between contexts', () => {
  it('keeps the database, the sync, Dexie and worker code out of page code', async () => {
    for (const file of ['entrypoints/content/probe.ts', 'components/Probe.tsx']) {
      for (const source of [
        '@/lib/worker/db',
        '../../lib/worker/db/schema',
        'dexie',
        '@/lib/worker/sync/feeds',
        '../background/inject',
        '@/lib/worker/messaging-guard',
      ]) {
        expect(await problems(`import * as m from '${source}';\nexport default m;\n`, file), `${source} in ${file}`).toContain(RULE);
      }
      expect(await problems(`import * as m from '@/lib/shared/messaging';\nexport default m;\n`, file)).toEqual([]);
    }
  }, 60_000);

  it('follows the runtimes: page code takes no worker or Node code, worker code no page or Node code, shared lib/ neither', async () => {
    const banned = (source: string, file: string) => problems(`import * as m from '${source}';\nexport default m;\n`, file);
    // Page code: the analysis service pulls the whole seed catalogue in; the matcher and the catalogue live in the worker.
    for (const [file, sources] of [
      [
        'entrypoints/content/probe.ts',
        ['@/lib/worker/analysis/service', '@/lib/worker/extract/entities', '@/lib/worker/knowledge/seed', 'node:fs'],
      ],
      ['components/sidebar/Probe.tsx', ['../../lib/worker/analysis/service', '../../lib/worker/engine']],
      [
        'lib/page/highlight/probe.ts',
        ['@/lib/worker/analysis/service', '../../worker/analysis/service', '../../worker/db', '@/lib/worker/extract/matcher', 'node:path'],
      ],
      // lib/ is the engine: no UI, not even in the page's part of it.
      ['lib/page/detect/probe.ts', ['preact', '../../../components/card/why', '@/entrypoints/content/layout']],
      // Worker code: no page code, no Node.
      [
        'lib/worker/db/probe.ts',
        ['@/lib/page/highlight', '../../page/highlight', '../../page/detect/content', '../../../components/card/why', 'node:fs'],
      ],
      ['entrypoints/background/probe.ts', ['@/lib/page/highlight', '@/entrypoints/content/layout']],
      // Shared lib/: none of them.
      ['lib/probe.ts', ['@/lib/worker/db', './worker/analysis/service', './page/highlight/painter', 'node:fs', 'dexie']],
      [
        'lib/shared/analysis/probe.ts',
        ['../../worker/analysis/service', '../../page/highlight', '../../node/load-catalogues', 'node:fs', 'dexie'],
      ],
      ['lib/shared/probe.ts', ['../worker/db', '@/lib/page/detect', '../node/load-catalogues', '../../components/format', 'preact']],
    ] as const) {
      for (const source of sources) expect(await banned(source, file), `${source} in ${file}`).toContain(RULE);
    }
    // What each may use.
    for (const [file, source] of [
      ['entrypoints/content/probe.ts', '@/lib/page/detect'],
      ['entrypoints/content/probe.ts', '@/lib/shared/analysis/packed'],
      ['lib/worker/db/probe.ts', '../extract/entities'],
      ['lib/worker/db/probe.ts', '../../shared/types'],
      ['lib/page/highlight/probe.ts', '../../shared/analysis/packed'],
      ['lib/shared/analysis/probe.ts', '../types'],
      ['lib/probe.ts', './shared/types'],
      ['lib/node/load-catalogues.ts', 'node:fs'],
      ['cli/probe.ts', '../lib/worker/db'],
    ] as const) {
      expect(await banned(source, file), `${source} in ${file}`).toEqual([]);
    }
    // A type-only import carries no code across: the shared protocol may name the worker's shapes.
    expect(
      await problems(`import type { IncidentRow } from '@/lib/worker/db/schema';\nexport type T = IncidentRow;\n`, 'lib/probe.ts'),
    ).toEqual([]);
    expect(
      await problems(
        `import { type IncidentRow, ingestArticles } from '@/lib/worker/db';\nexport type T = IncidentRow;\nexport const f = ingestArticles;\n`,
        'lib/probe.ts',
      ),
    ).toContain(RULE);
  }, 60_000);

  it('finds a promise left floating in page code (type-aware, on a real file of the project)', async () => {
    const typed = new ESLint({ cwd: resolve(import.meta.dirname, '../..') });
    const code =
      "import { sendMessage } from '@/lib/shared/messaging';\nexport function f(): void {\n  sendMessage('isSaved', { url: 'https://a.example/' });\n}\n";
    const [result] = await typed.lintText(code, { filePath: 'entrypoints/content/layout.ts' });
    expect(result.messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-floating-promises');
  }, 60_000);

  it('arranges lib/ by runtime: the four folders the walls name, nothing beside them', () => {
    const lib = resolve(import.meta.dirname, '../../lib');
    expect(readdirSync(lib).sort()).toEqual(['node', 'page', 'shared', 'worker']);
  });

  it('keeps UI out of lib/', async () => {
    expect(await problems(`import * as m from '../components/format';\nexport default m;\n`, 'lib/probe.ts')).toContain(RULE);
  });

  it('bans markup from strings outside tests', async () => {
    const code = [
      'export function f(e: HTMLElement, html: string) {',
      '  e.innerHTML = html;',
      "  e.insertAdjacentHTML('beforeend', html);",
      '  document.write(html);',
      '  return new Function(html);',
      '}',
    ].join('\n');
    const found = await problems(code, 'lib/probe.ts');
    expect(found.filter((r) => r === 'no-restricted-properties')).toHaveLength(3);
    expect(found).toContain('no-new-func');
    expect(await problems('export const x = <div dangerouslySetInnerHTML={{ __html: "a" }} />;\n', 'components/Probe.tsx')).toContain(
      'no-restricted-syntax',
    );
    expect(await problems('export function f(e: HTMLElement) { e.innerHTML = "x"; }\n', 'tests/unit/probe.test.ts')).toEqual([]);
  });
});
