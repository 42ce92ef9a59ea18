/**
 * The engine's golden check: its full output (every entity with offsets, type, key and why; every
 * incident with every field) over a large, varied corpus read in place from ../shared, recorded once and
 * compared after a change that must not change what the engine says (a speed-up).
 *
 *   npx tsx scripts/engine-golden.ts --record /tmp/engine-golden.jsonl    # on the code to compare with
 *   npx tsx scripts/engine-golden.ts --compare /tmp/engine-golden.jsonl   # after the change: 0 differences?
 *
 * The record is written outside the project (it holds text from ../shared); exit status 1 on a difference.
 * The corpus: CASIE dev articles (seed catalogue, and the fixture catalogues; the engine's victim floor and
 * none), the same articles as feed items (title, summary and content, as the sync reads them), the items
 * of every feed under ../shared/fixtures/feeds, the saved secnews pages' main text (as the content script
 * reads it, with its site), the article-detection set's main texts (news of every kind), and the NER
 * sentences (AnnoCTR, CyNER).
 *
 * A difference in a document that an eval keeps as held-out (the CASIE third and the clustering's
 * never-tuned halves, also as feed items; the secnews pages set aside for incidents or for titles; the
 * article set's third; the NER rows' third) is counted but not shown: a speed-up must change none, and a
 * rule's author must not read held-out text while changing it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { analyzeText, type AnalyzeOptions } from '../lib/worker/engine';
import { compileMatcher, type CompiledMatcher } from '../lib/worker/extract/matcher';
import { seedCatalogue } from '../lib/worker/knowledge/seed';
import { detectArticle } from '../lib/page/detect';
import { loadMatcherFor } from '../cli/matcher-cache';
import { benchItems } from '../bench/sync/items';
import { readFeedItems } from './eval/feed-items';
import { isHeldOut } from './eval/victim-match';

const SHARED = resolve(import.meta.dirname, '../../shared');
/** What scripts/eval reads with (its FIXTURE_CATALOGUES; importing that module would run the eval). */
const FIXTURE_CATALOGUES = [
  resolve(SHARED, 'fixtures/misp-galaxy/clusters'),
  resolve(SHARED, 'fixtures/kev/known_exploited_vulnerabilities.json'),
];

interface Doc {
  id: string;
  text: string;
  opts: AnalyzeOptions;
}

const jsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);

function casieDocs(): Doc[] {
  const rows = jsonl<{ id: string; date?: string; title: string; text: string }>(resolve(SHARED, 'eval/incidents/casie-dev.jsonl'));
  return rows.map((r) => ({ id: r.id, text: `${r.title}\n\n${r.text}`, opts: { published: r.date } }));
}

/** The bench's feed items (CASIE articles as a feed gives them), joined as the sync's prepareFeedItem joins them. */
function feedItemDocs(): Doc[] {
  return benchItems(851).map((item) => {
    const text = [item.title.trim(), item.summary?.trim().slice(0, 1000) || undefined, item.content?.slice(0, 20_000)]
      .filter(Boolean)
      .join('\n\n');
    return { id: item.guid!, text, opts: { published: item.published } };
  });
}

function feedFileDocs(): Doc[] {
  const docs: Doc[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = resolve(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(?:xml|rss|rdf|atom)$/.test(e.name))
        for (const item of readFeedItems(p))
          docs.push({ id: `${p.slice(SHARED.length)}#${item.index}`, text: item.text, opts: { published: item.published } });
    }
  };
  walk(resolve(SHARED, 'fixtures/feeds'));
  return docs;
}

function secnewsDocs(): Doc[] {
  const dir = resolve(SHARED, 'fixtures/pages/secnews');
  const docs: Doc[] = [];
  for (const { file, url } of jsonl<{ file: string; url: string }>(resolve(dir, 'pages.jsonl'))) {
    let bytes = readFileSync(resolve(dir, file));
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    const { document } = parseHTML(bytes.toString('utf8'));
    const info = detectArticle(document as unknown as Document, url);
    if (info.isArticle) docs.push({ id: file, text: info.text, opts: { published: info.published, site: url } });
  }
  return docs;
}

function articleSetDocs(): Doc[] {
  const rows = jsonl<{ id: string; main_content?: string | null; publish_date?: string | null; url: string }>(
    resolve(SHARED, 'eval/article/pages.jsonl'),
  );
  return rows
    .filter((r) => r.main_content)
    .map((r) => ({ id: `article-${r.id}`, text: r.main_content!, opts: { published: r.publish_date ?? undefined, site: r.url } }));
}

function nerDocs(): Doc[] {
  return ['annoctr', 'cyner'].flatMap((s) =>
    jsonl<{ id: string; text: string }>(resolve(SHARED, `eval/ner/${s}.jsonl`)).map((r) => ({ id: r.id, text: r.text, opts: {} })),
  );
}

/** The documents each eval keeps held-out, as `pass-group id` (the group is the pass name's first part). */
function heldOutKeys(): Set<string> {
  const keys = new Set<string>();
  const clusterHeldOut = new Set(
    jsonl<{ id: string; split: string }>(resolve(import.meta.dirname, '../tests/fixtures/clusters/labels.jsonl'))
      .filter((r) => r.split.startsWith('heldout'))
      .map((r) => r.id),
  );
  for (const d of casieDocs()) if (isHeldOut(d.id) || clusterHeldOut.has(d.id)) keys.add(`casie ${d.id}`);
  for (const d of feedItemDocs()) if (keys.has(`casie ${d.id.split('#')[0]}`)) keys.add(`feed-items ${d.id}`);
  const secnews = resolve(SHARED, 'fixtures/pages/secnews');
  // secnews-pages.ts sets aside every third page for titles and dates; secnews.ts's labels set aside their own third.
  jsonl<{ file: string }>(resolve(secnews, 'pages.jsonl')).forEach(({ file }, i) => {
    if (i % 3 === 2) keys.add(`secnews ${file}`);
  });
  for (const l of jsonl<{ file: string; split: string }>(resolve(import.meta.dirname, '../tests/fixtures/secnews-labels.jsonl')))
    if (l.split === 'heldout') keys.add(`secnews ${l.file}`);
  for (const d of articleSetDocs()) if (Number(d.id.slice('article-'.length)) % 3 === 0) keys.add(`articles ${d.id}`);
  for (const d of nerDocs()) if (isHeldOut(d.id)) keys.add(`ner ${d.id}`);
  return keys;
}

interface Pass {
  name: string;
  matcher: CompiledMatcher;
  docs: Doc[];
  extra?: AnalyzeOptions;
}

async function passes(): Promise<Pass[]> {
  const seed = compileMatcher(seedCatalogue());
  const { matcher: full } = await loadMatcherFor(FIXTURE_CATALOGUES);
  const casie = casieDocs();
  const ner = nerDocs();
  return [
    { name: 'casie/seed', matcher: seed, docs: casie },
    { name: 'casie/seed/no-floor', matcher: seed, docs: casie, extra: { victimMin: 0 } },
    { name: 'casie/full', matcher: full, docs: casie },
    { name: 'feed-items/full', matcher: full, docs: feedItemDocs() },
    { name: 'feeds/seed', matcher: seed, docs: feedFileDocs() },
    { name: 'secnews/full', matcher: full, docs: secnewsDocs() },
    { name: 'secnews/full/no-floor', matcher: full, docs: secnewsDocs(), extra: { victimMin: 0 } },
    { name: 'articles/full', matcher: full, docs: articleSetDocs() },
    { name: 'ner/seed', matcher: seed, docs: ner },
    { name: 'ner/full', matcher: full, docs: ner },
  ];
}

/** One output line per document and pass, keyed by both. */
function* outputs(all: Pass[]): Generator<[string, string]> {
  for (const p of all) {
    for (const d of p.docs) {
      const out = analyzeText(d.text, p.matcher, { ...d.opts, ...p.extra });
      yield [`${p.name} ${d.id}`, JSON.stringify(out)];
    }
  }
}

/** The first place two outputs differ, for the report. */
function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (JSON.stringify(a) === JSON.stringify(b)) return '';
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${path}: ${JSON.stringify(a)?.slice(0, 160)} → ${JSON.stringify(b)?.slice(0, 160)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return path;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { record: { type: 'string' }, compare: { type: 'string' }, show: { type: 'string' } } });
  if (!values.record === !values.compare) throw new Error('usage: engine-golden.ts --record FILE | --compare FILE [--show N]');
  const all = await passes();
  const docs = all.reduce((n, p) => n + p.docs.length, 0);
  const chars = all.reduce((n, p) => n + p.docs.reduce((m, d) => m + d.text.length, 0), 0);
  console.log(`corpus: ${docs} analyses over ${all.length} passes, ${(chars / 1e6).toFixed(1)} M characters`);
  for (const p of all) console.log(`  ${p.name}: ${p.docs.length}`);
  const t0 = performance.now();
  if (values.record) {
    const lines: string[] = [];
    for (const [id, out] of outputs(all)) lines.push(JSON.stringify([id, out]));
    writeFileSync(values.record, `${lines.join('\n')}\n`);
    console.log(`recorded ${lines.length} outputs in ${((performance.now() - t0) / 1000).toFixed(1)} s to ${values.record}`);
    return;
  }
  const recorded = new Map(jsonl<[string, string]>(values.compare!));
  const show = Number(values.show ?? 20);
  const heldOut = heldOutKeys();
  let same = 0;
  let heldOutDiffs = 0;
  const diffs: string[] = [];
  const missing: string[] = [];
  for (const [id, out] of outputs(all)) {
    const old = recorded.get(id);
    if (old === undefined) missing.push(id);
    else if (old === out) same++;
    else if (heldOut.has(`${id.split('/')[0]} ${id.slice(id.indexOf(' ') + 1)}`)) heldOutDiffs++;
    else diffs.push(`${id}${firstDifference(JSON.parse(old), JSON.parse(out))}`);
    recorded.delete(id);
  }
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `${same} identical, ${diffs.length + heldOutDiffs} different (${heldOutDiffs} of them in held-out documents, not shown), ${missing.length} not recorded, ${recorded.size} recorded but not produced (${seconds} s)`,
  );
  for (const d of diffs.slice(0, show)) console.log(`  ${d}`);
  if (diffs.length > show) console.log(`  ... ${diffs.length - show} more`);
  for (const id of [...missing, ...recorded.keys()].slice(0, show)) console.log(`  unmatched: ${id}`);
  if (diffs.length || heldOutDiffs || missing.length || recorded.size) process.exitCode = 1;
}

await main();
