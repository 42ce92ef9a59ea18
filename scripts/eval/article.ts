/**
 * Article detection scored on ../shared/eval/article (600 WCXB pages, 300 articles), side by side with
 * the baselines in the same run: `isProbablyReaderable` alone, and Readability's parser.
 *
 *   npx tsx scripts/eval/article.ts [--limit N] [--dump FILE.jsonl]
 *
 * Scores, and how they are computed:
 * - accuracy / precision / recall of `isArticle` against `is_article`, over all pages;
 * - title exact match, on articles: both titles compared after `titleKey` (whitespace collapsed, lower
 *   case, curly quotes and dashes made plain, quotes and . : ! ? - trimmed at the ends);
 * - text F1, on articles: bag-of-words token F1 of the main text against `main_content`, tokens being
 *   the lower-cased text split on /\W+/ (each token counts as often as it occurs);
 * - the median time of `detectArticle` per page (parsing the HTML with linkedom not included).
 * Every figure is also given for the even and the odd ids separately: the weights were set looking at
 * the even half only, so the odd half is the held-out check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { detectArticle, titleKey } from '../../lib/page/detect';

const DIR = resolve(import.meta.dirname, '../../../shared/eval/article');

interface Row {
  id: string;
  url: string;
  page_type: string;
  is_article: boolean;
  title: string | null;
  publish_date: string | null;
  main_content: string | null;
  html: string;
}

interface Outcome {
  row: Row;
  predicted: boolean;
  readerable: boolean;
  titleOk?: boolean;
  /** Articles with a labelled date: is ours the same day; undefined when none is labelled. */
  dateOk?: boolean;
  dateMissing?: boolean;
  textF1?: number;
  baseTitleOk?: boolean;
  baseTextF1?: number;
  ms: number;
}

function tokens(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const t of text.toLowerCase().split(/\W+/)) if (t) bag.set(t, (bag.get(t) ?? 0) + 1);
  return bag;
}

function tokenF1(predicted: string, expected: string): number {
  const p = tokens(predicted);
  const e = tokens(expected);
  let overlap = 0;
  let np = 0;
  let ne = 0;
  for (const n of p.values()) np += n;
  for (const [t, n] of e) {
    ne += n;
    overlap += Math.min(n, p.get(t) ?? 0);
  }
  if (np === 0 && ne === 0) return 1;
  if (overlap === 0) return 0;
  const precision = overlap / np;
  const recall = overlap / ne;
  return (2 * precision * recall) / (precision + recall);
}

/**
 * The third set aside before the title and date rules of issue 8 were tuned (ids that are a multiple
 * of 3): its pages were not read while tuning. (The even/odd split is older: the detector's weights.)
 */
function isHeldOutThird(id: string): boolean {
  return Number(id) % 3 === 0;
}

function sameTitle(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && titleKey(a) === titleKey(b);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor((s.length - 1) / 2)];
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function summarise(outcomes: Outcome[]): Record<string, number> {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0,
    readerableOk = 0;
  for (const o of outcomes) {
    if (o.predicted && o.row.is_article) tp++;
    else if (o.predicted) fp++;
    else if (o.row.is_article) fn++;
    else tn++;
    if (o.readerable === o.row.is_article) readerableOk++;
  }
  const articles = outcomes.filter((o) => o.row.is_article);
  return {
    'article.accuracy': (tp + tn) / Math.max(outcomes.length, 1),
    'article.precision': tp / Math.max(tp + fp, 1),
    'article.recall': tp / Math.max(tp + fn, 1),
    'article.title_exact': mean(articles.map((o) => (o.titleOk ? 1 : 0))),
    'article.date_exact': mean(articles.filter((o) => o.dateOk !== undefined).map((o) => (o.dateOk ? 1 : 0))),
    'article.date_missing': mean(articles.filter((o) => o.dateOk !== undefined).map((o) => (o.dateMissing ? 1 : 0))),
    'article.text_f1': mean(articles.map((o) => o.textF1 ?? 0)),
    'article.baseline_readerable_accuracy': readerableOk / Math.max(outcomes.length, 1),
    'article.baseline_readability_title_exact': mean(articles.map((o) => (o.baseTitleOk ? 1 : 0))),
    'article.baseline_readability_text_f1': mean(articles.map((o) => o.baseTextF1 ?? 0)),
    'article.median_ms': median(outcomes.map((o) => o.ms)),
    'article.pages': outcomes.length,
  };
}

export async function runArticleEval(opts: { limit?: number; dump?: string } = {}): Promise<Record<string, number>> {
  let rows: Row[] = readFileSync(resolve(DIR, 'pages.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
  if (opts.limit !== undefined) rows = rows.slice(0, opts.limit);
  const outcomes: Outcome[] = [];
  const dump: string[] = [];
  for (const row of rows) {
    const html = gunzipSync(readFileSync(resolve(DIR, row.html))).toString('utf8');
    const { document } = parseHTML(html);
    const doc = document as unknown as Document;
    const t0 = performance.now();
    const info = detectArticle(doc, row.url);
    const ms = performance.now() - t0;
    const o: Outcome = { row, predicted: info.isArticle, readerable: isProbablyReaderable(doc), ms };
    if (row.is_article) {
      o.titleOk = sameTitle(info.title, row.title);
      if (row.publish_date) {
        o.dateOk = info.published?.slice(0, 10) === row.publish_date.slice(0, 10);
        o.dateMissing = info.published === undefined;
      }
      o.textF1 = tokenF1(info.text, row.main_content ?? '');
      let parsed: { title?: string | null; textContent?: string | null } | null = null;
      try {
        parsed = new Readability(doc.cloneNode(true) as Document).parse();
      } catch {
        parsed = null;
      }
      o.baseTitleOk = sameTitle(parsed?.title, row.title);
      o.baseTextF1 = tokenF1(parsed?.textContent ?? '', row.main_content ?? '');
    }
    outcomes.push(o);
    if (opts.dump) {
      dump.push(
        JSON.stringify({
          id: row.id,
          url: row.url,
          type: row.page_type,
          gold: row.is_article,
          predicted: info.isArticle,
          score: info.score,
          features: info.features,
          title: info.title,
          goldTitle: row.title,
          titleOk: o.titleOk,
          dateOk: o.dateOk,
          published: info.published,
          goldDate: row.publish_date,
          heldOut: isHeldOutThird(row.id),
          textF1: o.textF1,
          baseTextF1: o.baseTextF1,
          ms,
        }),
      );
    }
  }
  if (opts.dump) writeFileSync(opts.dump, dump.join('\n') + '\n');

  const all = summarise(outcomes);
  const even = summarise(outcomes.filter((o) => Number(o.row.id) % 2 === 0));
  const odd = summarise(outcomes.filter((o) => Number(o.row.id) % 2 === 1));
  const tune = summarise(outcomes.filter((o) => !isHeldOutThird(o.row.id)));
  const held = summarise(outcomes.filter((o) => isHeldOutThird(o.row.id)));
  console.log('\n## Article detection (WCXB dev, ../shared/eval/article)');
  console.log(
    `${'figure'.padEnd(44)} ${'all'.padStart(7)} ${'even'.padStart(7)} ${'odd'.padStart(7)} ${'2/3'.padStart(7)} ${'held'.padStart(7)}`,
  );
  for (const key of Object.keys(all)) {
    const f = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(3)).padStart(7);
    console.log(`${key.padEnd(44)} ${f(all[key])} ${f(even[key])} ${f(odd[key])} ${f(tune[key])} ${f(held[key])}`);
  }
  console.log(
    '(2/3: ids not a multiple of 3, the pages title and date rules were tuned on; held: ids that are a multiple of 3, set aside before)',
  );
  const figures: Record<string, number> = {};
  for (const key of [
    'article.accuracy',
    'article.precision',
    'article.recall',
    'article.title_exact',
    'article.text_f1',
    'article.baseline_readerable_accuracy',
    'article.baseline_readability_title_exact',
    'article.baseline_readability_text_f1',
    'article.median_ms',
  ])
    figures[key] = all[key];
  figures['article.accuracy_odd'] = odd['article.accuracy'];
  figures['article.text_f1_odd'] = odd['article.text_f1'];
  figures['article.title_exact_odd'] = odd['article.title_exact'];
  figures['article.date_exact'] = all['article.date_exact'];
  for (const key of ['article.title_exact', 'article.date_exact', 'article.text_f1', 'article.accuracy']) {
    figures[`${key}_tune`] = tune[key];
    figures[`${key}_heldout`] = held[key];
  }
  return figures;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const limit = arg('--limit');
  await runArticleEval({ limit: limit ? Number(limit) : undefined, dump: arg('--dump') });
}
