/**
 * Page reading on the crawled security-news pages of ../shared/fixtures/pages/secnews: title, date and
 * whether text of other stories (teasers, "latest posts", related lists) leaks into the main text.
 *
 *   npx tsx scripts/eval/secnews-pages.ts [--verbose]
 *
 * - title exact: `detectArticle(...).title` against `pages.jsonl`'s `title` (the headline a reader
 *   sees), both through `titleKey`; articles with a title only.
 * - date: the day of `published` (its first ten characters, as the page wrote it) against
 *   `pages.jsonl`'s `published`; articles with a date only. "±1 day" also counts a metadata time in
 *   UTC that falls on the next or previous day of the one the page shows.
 * - leaks: secnews-leaks.jsonl (labelled here, by reading the pages) lists, for some pages, strings
 *   that belong to other stories on the page and must NOT be in the main text, and strings of the
 *   story that MUST be; a page leaks when any must-not string is found.
 *
 * Held out: the pages whose line number in pages.jsonl (from 0) is 2 mod 3 were set aside before any
 * rule was tuned on this set, and were not read while tuning; every figure is given for the tuning
 * two thirds and the held-out third separately.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { detectArticle, titleKey } from '../../lib/page/detect';

const DIR = resolve(import.meta.dirname, '../../../shared/fixtures/pages/secnews');
const LEAKS = resolve(import.meta.dirname, 'secnews-leaks.jsonl');

interface Row {
  file: string;
  url: string;
  kind: string;
  title: string | null;
  published: string | null;
}
interface LeakRow {
  file: string;
  /** Text of other stories on the page. */
  not: string[];
  /** Text of the story itself (so that dropping everything cannot pass). */
  must: string[];
}

function isHeldOut(index: number): boolean {
  return index % 3 === 2;
}

function dayDiff(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

interface Result {
  file: string;
  half: 'tune' | 'heldout';
  titleOk?: boolean;
  title?: string;
  goldTitle?: string | null;
  dateOk?: boolean;
  dateNear?: boolean;
  date?: string;
  goldDate?: string | null;
  leaked?: string[];
  missing?: string[];
}

function summarise(results: Result[]): Record<string, number> {
  const titled = results.filter((r) => r.titleOk !== undefined);
  const dated = results.filter((r) => r.dateOk !== undefined);
  const labelled = results.filter((r) => r.leaked !== undefined);
  const share = (xs: Result[], f: (r: Result) => boolean) => (xs.length === 0 ? 0 : xs.filter(f).length / xs.length);
  return {
    title_exact: share(titled, (r) => r.titleOk === true),
    titles: titled.length,
    date_exact: share(dated, (r) => r.dateOk === true),
    date_within_1d: share(dated, (r) => r.dateNear === true),
    date_missing: share(dated, (r) => r.date === undefined),
    dates: dated.length,
    leak_pages: share(labelled, (r) => (r.leaked ?? []).length > 0),
    story_missing_pages: share(labelled, (r) => (r.missing ?? []).length > 0),
    leak_labelled: labelled.length,
  };
}

export async function runSecnewsPagesEval(opts: { verbose?: boolean } = {}): Promise<Record<string, number>> {
  const rows = readFileSync(resolve(DIR, 'pages.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
  const leaks = new Map<string, LeakRow>();
  if (existsSync(LEAKS)) {
    for (const l of readFileSync(LEAKS, 'utf8').split('\n'))
      if (l.trim()) {
        const row = JSON.parse(l) as LeakRow;
        leaks.set(row.file, row);
      }
  }
  const results: Result[] = [];
  rows.forEach((row, index) => {
    if (row.kind !== 'article') return;
    const html = gunzipSync(readFileSync(resolve(DIR, row.file))).toString('utf8');
    const { document } = parseHTML(html);
    const info = detectArticle(document as unknown as Document, row.url);
    const r: Result = { file: row.file, half: isHeldOut(index) ? 'heldout' : 'tune' };
    if (row.title) {
      r.title = info.title;
      r.goldTitle = row.title;
      r.titleOk = !!info.title && titleKey(info.title) === titleKey(row.title);
    }
    if (row.published) {
      r.date = info.published?.slice(0, 10);
      r.goldDate = row.published;
      r.dateOk = r.date === row.published;
      r.dateNear = r.date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(r.date) && dayDiff(r.date, row.published) <= 1;
    }
    const leak = leaks.get(row.file);
    if (leak) {
      const text = info.text.replace(/\s+/g, ' ');
      r.leaked = leak.not.filter((s) => text.includes(s));
      r.missing = leak.must.filter((s) => !text.includes(s));
    }
    results.push(r);
  });

  const tune = summarise(results.filter((r) => r.half === 'tune'));
  const held = summarise(results.filter((r) => r.half === 'heldout'));
  console.log('\n## Security-news pages (../shared/fixtures/pages/secnews): titles, dates, other stories leaking in');
  console.log(`${'figure'.padEnd(24)} ${'tuning'.padStart(8)} ${'held-out'.padStart(9)}`);
  for (const key of Object.keys(tune)) {
    const f = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(3));
    console.log(`${key.padEnd(24)} ${f(tune[key]).padStart(8)} ${f(held[key]).padStart(9)}`);
  }
  if (opts.verbose) {
    for (const r of results) {
      if (r.half === 'heldout') continue; // held out: not read while tuning
      if (r.titleOk === false) console.log(`  title  ${r.file}: ${JSON.stringify(r.title)} ≠ ${JSON.stringify(r.goldTitle)}`);
      if (r.dateOk === false) console.log(`  date   ${r.file}: ${String(r.date)} ≠ ${String(r.goldDate)}`);
      if (r.leaked?.length) console.log(`  leak   ${r.file}: ${r.leaked.join(' | ')}`);
      if (r.missing?.length) console.log(`  lost   ${r.file}: ${r.missing.join(' | ')}`);
    }
  }
  const figures: Record<string, number> = {};
  for (const [k, v] of Object.entries(tune)) figures[`secnews.tune.${k}`] = v;
  for (const [k, v] of Object.entries(held)) figures[`secnews.heldout.${k}`] = v;
  return figures;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await runSecnewsPagesEval({ verbose: process.argv.includes('--verbose') });
}
