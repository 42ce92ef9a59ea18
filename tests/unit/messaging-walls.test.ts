/**
 * The lint rules that keep the contexts apart (eslint.config.js) are what stops page code from
 * reaching the database by accident; check that they still bite.
 */
import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '../..') });

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint walls between contexts', () => {
  it('keeps the database, the sync, Dexie and worker code out of page code', async () => {
    for (const file of ['entrypoints/content/probe.ts', 'components/Probe.tsx']) {
      for (const source of ['@/lib/db', '../../lib/db/schema', 'dexie', '@/lib/sync/feeds', '../background/inject', '@/lib/messaging-guard']) {
        expect(await problems(`import * as m from '${source}';\nexport default m;\n`, file), `${source} in ${file}`).toContain(
          'no-restricted-imports',
        );
      }
      expect(await problems(`import * as m from '@/lib/messaging';\nexport default m;\n`, file)).toEqual([]);
    }
  }, 60_000);

  it('keeps UI out of lib/', async () => {
    expect(await problems(`import * as m from '../components/format';\nexport default m;\n`, 'lib/probe.ts')).toContain(
      'no-restricted-imports',
    );
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
