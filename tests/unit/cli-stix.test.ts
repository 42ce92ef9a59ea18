/** `cli stix` as a user runs it: a real process, a saved page in, a bundle out (DESIGN.md, "The CLI"). */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateBundle } from '../support/stix-schemas';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = resolve(ROOT, '../shared/fixtures/pages');

function stix(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'cli/index.ts'), 'stix', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

type Obj = Record<string, unknown> & { type: string; id: string; name?: string };

describe('cli stix', () => {
  it('prints the seed article as a valid, deterministic bundle: a report naming the ICC, The Hague and Russia', () => {
    const page = resolve(PAGES, 'icc-espionage.html');
    const first = stix([page]);
    expect(first.code).toBe(0);
    const bundle = JSON.parse(first.out) as { type: string; objects: Obj[] };
    expect(validateBundle(bundle)).toEqual({ valid: true, errors: [] });
    const report = bundle.objects.find((o) => o.type === 'report')!;
    expect(report).toMatchObject({
      name: 'War crimes tribunal says September cyberattack was act of espionage',
      published: '2023-10-20T14:05:00.000Z',
    });
    const names = bundle.objects.map((o) => `${o.type}:${o.name}`);
    expect(names).toEqual(expect.arrayContaining(['identity:International Criminal Court', 'location:The Hague', 'location:Russia']));
    expect(bundle.objects.find((o) => o.name === 'Russia')).toMatchObject({ country: 'RU' });
    // Same page, same bytes.
    expect(stix([page]).out).toBe(first.out);
    // --url names the article: the report's id and reference follow it.
    const withUrl = JSON.parse(stix([page, '--url', 'https://therecord.media/icc-espionage#x']).out) as { objects: Obj[] };
    const r2 = withUrl.objects.find((o) => o.type === 'report')!;
    expect(r2.id).not.toBe(report.id);
    expect(r2.external_references).toEqual([expect.objectContaining({ url: 'https://therecord.media/icc-espionage' })]);
  });

  it('every page of the shared fixtures gives a valid bundle', () => {
    // The shared pages of our own, and three real security-news pages about named groups and ransomware.
    const real = [
      'blog.trendmicro.com--gamaredon-apt-group-use-covid-19-lure-in-campaigns.html.gz',
      'news.sophos.com--inside-a-new-ryuk-ransomware-attack.html.gz',
      'blog.intel471.com--revil-ransomware-as-a-service-an-analysis-of-a-ransomware.html.gz',
    ];
    const files = [
      ...readdirSync(PAGES)
        .filter((f) => f.endsWith('.html'))
        .map((f) => resolve(PAGES, f)),
      ...real.map((f) => resolve(PAGES, 'secnews', f)),
    ];
    expect(files).toHaveLength(5);
    let relationships = 0;
    for (const file of files) {
      const { code, out, err } = stix([file]);
      expect(code, `${file}: ${err}`).toBe(0);
      const bundle = JSON.parse(out) as { objects: Obj[] };
      expect(validateBundle(bundle), file).toEqual({ valid: true, errors: [] });
      expect(bundle.objects.filter((o) => o.type === 'report')).toHaveLength(1);
      relationships += bundle.objects.filter((o) => o.type === 'relationship').length;
    }
    expect(relationships).toBeGreaterThan(0);
  }, 240_000);

  it('says what is wrong with its arguments', () => {
    expect(stix([]).code).toBe(2);
    const missing = stix([resolve(PAGES, 'no-such-page.html')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no-such-page\.html/);
  });
});
