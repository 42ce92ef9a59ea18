/**
 * The CLI as its users run it: a real process, JSON in and out (DESIGN.md, "The CLI").
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared');
const SEED_PAGE = resolve(SHARED, 'fixtures/pages/icc-espionage.html');
const LISTING = resolve(SHARED, 'fixtures/pages/home-listing.html');

function cli(args: string[], input = '') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'cli/index.ts'), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const lines = (s: string) =>
  s
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));

describe('cli page', () => {
  it('annotates the seed article: one espionage incident against the ICC, detected in September 2023', () => {
    const { code, out } = cli(['page', SEED_PAGE]);
    expect(code).toBe(0);
    const page = JSON.parse(out);
    expect(page).toMatchObject({ isArticle: true, title: 'War crimes tribunal says September cyberattack was act of espionage' });
    expect(page.published).toMatch(/^2023-10-20/);
    expect(page.incidents).toHaveLength(1);
    expect(page.incidents[0]).toMatchObject({
      type: 'espionage',
      victim: { key: 'organization:international-criminal-court' },
      when: '2023-09',
    });
    // The "previous post" link about Casio is not part of the article.
    expect(page.text).not.toMatch(/Casio/);
    for (const e of page.entities) expect(page.text.slice(e.start, e.end)).toBe(e.text);
    const keys = new Set(page.entities.map((e: { key: string }) => e.key));
    expect(keys).toContain('location:the-hague');
    expect(keys).toContain('location:russia');
  });

  it('prints one JSON line per file, with "file", for several files and for --jsonl', () => {
    const many = cli(['page', SEED_PAGE, LISTING]);
    expect(many.code).toBe(0);
    const rows = lines(many.out);
    expect(rows.map((r) => [r.file, r.isArticle])).toEqual([
      [SEED_PAGE, true],
      [LISTING, false],
    ]);
    expect(rows[1].entities).toEqual([]);

    const jsonl = cli(['page', '--jsonl'], `${JSON.stringify({ file: LISTING, url: 'https://news.example/' })}\n`);
    expect(jsonl.code).toBe(0);
    expect(lines(jsonl.out)).toMatchObject([{ file: LISTING, isArticle: false, url: 'https://news.example/' }]);
  });

  it('reports an unreadable file clearly and exits non-zero, still answering for the others', () => {
    const r = cli(['page', '/nonexistent/page.html', LISTING]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\/nonexistent\/page\.html: ENOENT/);
    const rows = lines(r.out);
    expect(rows[0]).toMatchObject({ file: '/nonexistent/page.html', error: expect.stringMatching(/ENOENT/) });
    expect(rows[1]).toMatchObject({ file: LISTING, isArticle: false });
  });
});

describe('cli extract', () => {
  it('answers each line with entities and incidents, and flags a bad line without stopping', () => {
    const input = ['not json', JSON.stringify({ id: 'a', text: 'Fancy Bear used hxxps://evil[.]com/x and CVE\u20112023\u20114966.' })].join(
      '\n',
    );
    const r = cli(['extract'], input);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/stdin line 1: not JSON/);
    const [bad, good] = lines(r.out);
    expect(bad).toMatchObject({ id: null, error: 'not JSON' });
    expect(good.id).toBe('a');
    expect(good.entities.map((e: { key: string }) => e.key)).toEqual([
      'actor:apt28',
      'indicator:url:https://evil.com/x',
      'vulnerability:cve-2023-4966',
    ]);
    expect(Array.isArray(good.incidents)).toBe(true);
  });

  it('adds what --catalogue files know, and says which file it cannot read', () => {
    const text = JSON.stringify({ id: 1, text: 'Hive0117 sent lures to banks.' });
    const actors = resolve(SHARED, 'fixtures/misp-galaxy/clusters/threat-actor.json');
    const seedOnly = lines(cli(['extract'], text).out)[0];
    const synced = lines(cli(['extract', '--catalogue', actors], text).out)[0];
    expect(seedOnly.entities.filter((e: { type: string }) => e.type === 'actor')).toEqual([]);
    expect(synced.entities.filter((e: { type: string }) => e.type === 'actor').map((e: { text: string }) => e.text)).toEqual(['Hive0117']);

    const missing = cli(['extract', '--catalogue', '/nonexistent/kev.json'], text);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/\/nonexistent\/kev\.json: cannot read/);
  });

  it('refuses an unknown verb with the usage', () => {
    const r = cli(['bogus']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown verb "bogus"/);
    expect(r.err).toMatch(/usage:/);
  });
});
