/**
 * Clustering quality against our labels (tests/fixtures/clusters/labels.jsonl): which real news items
 * report the same event. Texts are read in place from ../shared/eval/incidents/casie-dev.jsonl; each
 * item goes in as a feed would give it (title, and the first ~300 characters of the text as its summary),
 * in publication order, through the same ingest and clustering as the worker, on an in-memory store.
 *
 * Pairwise precision and recall: over the pairs of items that we put in one cluster and that the labels
 * put in one event. Beside it, in the same run, the baseline the issue names: TF-IDF cosine over title +
 * summary with single-link grouping, its threshold tuned on each set itself (the best F1 it can reach),
 * and on the pooled lines also at the one threshold best on the tuning halves.
 * Every half is reported: `tune` (January 2017), `tune-mar` (1–26 March 2017), `tune-apr-jun` (13 April
 * – June 2017) and `tune-2018` (January–September 2018), looked at while writing the rule; `heldout` (27 March – 12 April 2017), `heldout-feb`
 * (February 2017), `heldout-may` (May 2017) and `heldout-q4-2018` (October–December 2018), never looked at
 * while tuning; then the tuning halves pooled, the earlier three held-out halves pooled (as in earlier
 * rounds) and all four.
 *
 *   npx tsx scripts/eval/clusters.ts [--tune] [--cv] [--bands] [--show tune|tune-mar|tune-apr-jun|tune-2018] [--misses HALF] [--cost] [--content [--lede N]]
 *
 * `--tune` scores the tuning halves only (what tuning runs; the held-out halves are scored only to report).
 * `--cv` scores the rule as a rule chosen on data would be judged: leave one tuning half out (scripts/eval/
 * cluster-cv.ts). It reads the tuning halves only.
 * `--bands` counts the tuning halves' candidate pairs by score band, same-event or not, by day gap and site
 * (scripts/eval/cluster-bands.ts): where the score separates events and what could separate them more.
 * `--content` gives each item its whole text as content too (as a feed with content:encoded does), `--lede N`
 * has the ingest read N characters of it in context (IngestItemsOptions.lede; default the sync's, `--lede
 * Infinity` all of it): the depth's effect on clustering; `--show` and `--misses` read the items so too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MemoryStore } from '../../lib/worker/cluster/memory-store';
import type { CompiledMatcher } from '../../lib/worker/extract/matcher';
import { ingestFeedItemsInto, prepareFeedItem } from '../../lib/worker/sync/ingest-items';
import { Clusterer } from '../../lib/worker/cluster/assign';
import { cachedBag, scoreParts, TUNED, vetoOf, WINDOW_DAYS, type ItemFeatures, type Rarity } from '../../lib/worker/cluster/rule';
import { itemFeatures } from '../../lib/worker/cluster/features';
import type { ClusterMember } from '../../lib/worker/cluster/summarise';
import type { FeedItem } from '../../lib/worker/sync/item';
import { crossValidate } from './cluster-cv';
import { showBands } from './cluster-bands';
import { siteOf } from '../../lib/shared/sites';

const ROOT = resolve(import.meta.dirname, '../..');
const LABELS = resolve(ROOT, 'tests/fixtures/clusters/labels.jsonl');
const CASIE = resolve(ROOT, '../shared/eval/incidents/casie-dev.jsonl');
const SUMMARY_CHARS = 300;

interface LabelledItem {
  item: FeedItem;
  event: string;
  split: Split;
}

/** The labelled halves (tests/fixtures/clusters/README.md): tuning looks at the `tune*` halves only. */
export const TUNE = ['tune', 'tune-mar', 'tune-apr-jun', 'tune-2018'] as const;
/** The held-out halves of earlier rounds (pooled as before) and October–December 2018, labelled in issue 10's third round. */
const HELDOUT_EARLIER = ['heldout', 'heldout-feb', 'heldout-may'] as const;
const HELDOUT = [...HELDOUT_EARLIER, 'heldout-q4-2018'] as const;
const SPLITS = [...TUNE, ...HELDOUT] as const;
type Split = (typeof SPLITS)[number];

/** "Title | Site | Tagline" and "Title - Site" as pages title themselves: the headline a feed would give. */
export function headline(title: string): string {
  return title
    .split(/\s+\|\s+/)[0]
    .replace(/\s+[-–—•]\s+[^-–—•]{2,40}$/u, '')
    .trim();
}

function isoDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, day, 12)).toISOString();
}

/** `content`: each item also carries its whole text as content (a feed with content:encoded, as the ingest bench's). */
export function loadLabelled(content = false): LabelledItem[] {
  const texts = new Map<string, { url: string; date: string; title: string; text: string }>();
  for (const line of readFileSync(CASIE, 'utf8').split('\n'))
    if (line.trim()) {
      const r = JSON.parse(line) as { id: string; url: string; date: string; title: string; text: string };
      texts.set(r.id, r);
    }
  const out: LabelledItem[] = [];
  for (const line of readFileSync(LABELS, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const l = JSON.parse(line) as { id: string; event: string; split: Split };
    const r = texts.get(l.id);
    if (!r) throw new Error(`${l.id}: not in ${CASIE}`);
    // One CASIE item's link lacks its scheme ("www.infoq.com/news/..."): a feed's would have it.
    const url = /^https?:\/\//.test(r.url) ? r.url : `https://${r.url}`;
    const summary = r.text.slice(0, SUMMARY_CHARS).replace(/\s+\S*$/, '');
    const title = headline(r.title) || summary.split(/(?<=[.!?])\s/)[0];
    out.push({
      item: {
        sourceId: `feed:${new URL(url).hostname}`,
        guid: l.id,
        url,
        title,
        summary,
        published: isoDate(r.date),
        ...(content ? { content: r.text } : {}),
      },
      event: l.event,
      split: l.split,
    });
  }
  return out.sort((a, b) => (a.item.published ?? '').localeCompare(b.item.published ?? ''));
}

export interface PairScores {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
}

/** Pairwise scores of a grouping (null = alone) against the labelled events. */
function pairScores(events: string[], predicted: (string | null)[]): PairScores {
  let tp = 0;
  let pp = 0;
  let tpairs = 0;
  for (let i = 0; i < events.length; i++)
    for (let j = i + 1; j < events.length; j++) {
      const same = events[i] === events[j];
      const pred = predicted[i] !== null && predicted[i] === predicted[j];
      if (same) tpairs++;
      if (pred) pp++;
      if (same && pred) tp++;
    }
  const precision = pp ? tp / pp : 1;
  const recall = tpairs ? tp / tpairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePairs: tpairs, predictedPairs: pp };
}

/** Our clustering: the worker's ingest over an in-memory store, items in publication order. */
async function clusterWithIngest(items: FeedItem[], matcher: CompiledMatcher, lede?: number): Promise<(string | null)[]> {
  const store = new MemoryStore();
  const now = Math.max(...items.map((i) => Date.parse(i.published ?? ''))) + 86_400_000;
  // One item at a time, as a sync would meet them; the order is the publication order.
  for (const item of items) await ingestFeedItemsInto(store, [item], { matcher, now, retentionDays: 100_000, lede });
  const counts = new Map<string, number>();
  for (const r of store.items.values()) if (r.clusterId) counts.set(r.clusterId, (counts.get(r.clusterId) ?? 0) + 1);
  return items.map((i) => {
    const id = store.items.get(i.url)?.clusterId;
    return id && (counts.get(id) ?? 0) > 1 ? id : null;
  });
}

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];
}

/** The pairs of a set's items with a TF-IDF cosine above 0.05 (title + summary, IDF over the set). */
const SIMS = new WeakMap<FeedItem[], { i: number; j: number; s: number }[]>();
function tfidfSims(items: FeedItem[]): { i: number; j: number; s: number }[] {
  const cached = SIMS.get(items);
  if (cached) return cached;
  const docs = items.map((i) => tokens(`${i.title} ${i.summary ?? ''}`));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const vecs = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, n] of tf) {
      const w = (1 + Math.log(n)) * Math.log(docs.length / (df.get(t) ?? 1));
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
  const sims: { i: number; j: number; s: number }[] = [];
  for (let i = 0; i < vecs.length; i++)
    for (let j = i + 1; j < vecs.length; j++) {
      let s = 0;
      const [a, b] = vecs[i].size < vecs[j].size ? [vecs[i], vecs[j]] : [vecs[j], vecs[i]];
      for (const [t, w] of a) s += w * (b.get(t) ?? 0);
      if (s > 0.05) sims.push({ i, j, s });
    }
  SIMS.set(items, sims);
  return sims;
}

export const THRESHOLDS = Array.from({ length: 33 }, (_, k) => Math.round((0.1 + k * 0.025) * 1000) / 1000);

/** TF-IDF cosine single-link at one threshold. */
export function tfidfAt({ items, events }: { items: FeedItem[]; events: string[] }, th: number): PairScores {
  const parent = items.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (const { i, j, s } of tfidfSims(items)) if (s >= th) parent[find(i)] = find(j);
  const groups = items.map((_, i) => String(find(i)));
  const sizes = new Map<string, number>();
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  return pairScores(
    events,
    groups.map((g) => ((sizes.get(g) ?? 0) > 1 ? g : null)),
  );
}

/** TF-IDF cosine single-link at each threshold: the best F1 (threshold tuned on the set itself). */
function tfidfBaseline(items: FeedItem[], events: string[]): PairScores & { threshold: number } {
  let best: PairScores & { threshold: number } = {
    ...pairScores(
      events,
      events.map(() => null),
    ),
    threshold: 1,
  };
  for (const th of THRESHOLDS) {
    const scores = tfidfAt({ items, events }, th);
    if (scores.f1 > best.f1) best = { ...scores, threshold: th };
  }
  return best;
}

/** Pairwise counts of a half, to pool halves (pairs never cross halves: each is clustered on its own). */
export interface PairCounts {
  tp: number;
  pp: number;
  tpairs: number;
}

export function pooled(counts: PairCounts[]): PairScores {
  const c = counts.reduce((a, b) => ({ tp: a.tp + b.tp, pp: a.pp + b.pp, tpairs: a.tpairs + b.tpairs }), { tp: 0, pp: 0, tpairs: 0 });
  const precision = c.pp ? c.tp / c.pp : 1;
  const recall = c.tpairs ? c.tp / c.tpairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePairs: c.tpairs, predictedPairs: c.pp };
}

export function countsOf(s: PairScores): PairCounts {
  return { tp: Math.round(s.precision * s.predictedPairs), pp: s.predictedPairs, tpairs: s.truePairs };
}

export const fmt = (s: PairScores) => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`;

/**
 * Figures for every half, ours and the baseline's, as flat ids; then the pooled tuning halves and the
 * pooled held-out halves (heldout + heldout-feb + heldout-may). The baseline is given twice there: with
 * its threshold tuned on each half itself (the best it could ever do) and with the one threshold that is
 * best on the pooled tuning halves (what it would do on unseen items, like ours).
 */
export async function clusterFigures(
  matcher: CompiledMatcher,
  log: (line: string) => void = console.log,
  { tuneOnly = false, ...read }: { tuneOnly?: boolean; content?: boolean; lede?: number } = {},
): Promise<Record<string, number>> {
  const all = loadLabelled(read.content);
  const figures: Record<string, number> = {};
  /** Our figures and the baseline's for one half (or pooled line) under `clusters.<id>.*`. */
  const record = (
    id: string,
    o: { precision: number; recall: number; f1: number },
    t: { precision: number; recall: number; f1: number },
  ) => {
    Object.assign(figures, {
      [`clusters.${id}.precision`]: o.precision,
      [`clusters.${id}.recall`]: o.recall,
      [`clusters.${id}.f1`]: o.f1,
      [`clusters.${id}.tfidf_precision`]: t.precision,
      [`clusters.${id}.tfidf_recall`]: t.recall,
      [`clusters.${id}.tfidf_f1`]: t.f1,
    });
  };
  const ours = new Map<Split, PairScores>();
  const base = new Map<Split, PairScores & { threshold: number }>();
  const sims = new Map<Split, { items: FeedItem[]; events: string[] }>();
  for (const split of tuneOnly ? TUNE : SPLITS) {
    const set = all.filter((l) => l.split === split);
    const events = set.map((l) => l.event);
    const items = set.map((l) => l.item);
    sims.set(split, { items, events });
    const o = pairScores(events, await clusterWithIngest(items, matcher, read.lede));
    const b = tfidfBaseline(items, events);
    ours.set(split, o);
    base.set(split, b);
    const sites = new Set(set.map((l) => new URL(l.item.url).hostname)).size;
    log(
      `${split.padEnd(11)} ${set.length} items, ${sites} sites, ${o.truePairs} same-event pairs | ours ${fmt(o)} (${o.predictedPairs} pairs) | TF-IDF single-link @${b.threshold} ${fmt(b)}`,
    );
    record(split, o, b);
  }
  // The baseline's one threshold, chosen on the tuning halves pooled.
  let tuned = { th: 1, f1: -1 };
  for (const th of THRESHOLDS) {
    const f1 = pooled(TUNE.map((s) => countsOf(tfidfAt(sims.get(s)!, th)))).f1;
    if (f1 > tuned.f1) tuned = { th, f1 };
  }
  const lines: [string, string, readonly Split[]][] = [['tune*', 'tune_pooled', TUNE]];
  if (!tuneOnly) lines.push(['heldout*', 'heldout_pooled', HELDOUT_EARLIER], ['heldout**', 'heldout_all_pooled', HELDOUT]);
  for (const [name, id, halves] of lines) {
    const o = pooled(halves.map((s) => countsOf(ours.get(s)!)));
    const self = pooled(halves.map((s) => countsOf(base.get(s)!)));
    const fixed = pooled(halves.map((s) => countsOf(tfidfAt(sims.get(s)!, tuned.th))));
    log(
      `${name.padEnd(11)} pooled (${halves.join(' ')}), ${o.truePairs} same-event pairs | ours ${fmt(o)} (${o.predictedPairs} pairs) | TF-IDF self-tuned ${fmt(self)} | TF-IDF @${tuned.th} (tuned on the tuning halves) ${fmt(fixed)}`,
    );
    record(id, o, fixed);
  }
  return figures;
}

const DAY = 86_400_000;

/**
 * What clustering costs an item, the engine's reading and the store left out (Node, same code): a stream of
 * items made of our labelled items' features (each text again under a new link once the stream has gone
 * through them all), `perDay` a day, ingested in batches of 50 as the sync does: each batch builds a
 * Clusterer from the stored items of its window (newest first, as IndexedDB gives them), then adds its
 * items. Measured over the second half of the stream (the window full), in the process's CPU time (on a
 * shared machine the wall clock counts the other processes' turns too). Median of `runs` after a warm-up:
 * ms an item, the Clusterer's building included, and the `add` alone.
 */
export function clusterCost(
  matcher: CompiledMatcher,
  { items = 10_000, perDay = 33, runs = 3 } = {},
): { perItemMs: number; addMs: number; window: number } {
  const base = loadLabelled().map((l) => itemFeatures(prepareFeedItem(l.item, matcher).article, Date.parse(l.item.published!)));
  const T0 = Date.UTC(2024, 0, 1);
  const stream = (): ClusterMember[] =>
    Array.from({ length: items }, (_, i) => ({
      url: `https://bench.example/${i}`,
      title: '',
      site: 'bench.example',
      entityKeys: [],
      features: { ...base[i % base.length], t: T0 + (i * DAY) / perDay },
    }));
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const once = () => {
    let total = 0;
    let adds = 0;
    let window = 0;
    const all = stream();
    const stored: ClusterMember[] = [];
    for (let b = 0; b < all.length; b += 50) {
      const batch = all.slice(b, b + 50);
      const from = batch[0].features.t - 10 * DAY;
      const t0 = cpu();
      const earlier: ClusterMember[] = [];
      for (let i = stored.length - 1; i >= 0 && stored[i].features.t >= from; i--) earlier.push(stored[i]);
      const c = new Clusterer(earlier);
      const t1 = cpu();
      for (const m of batch) c.add(m);
      const t2 = cpu();
      if (b >= all.length / 2) {
        total += t2 - t0;
        adds += t2 - t1;
        window = Math.max(window, earlier.length);
      }
      stored.push(...batch);
    }
    const n = all.length - Math.ceil(all.length / 2 / 50) * 50;
    return { perItemMs: total / n, addMs: adds / n, window };
  };
  once();
  const results = Array.from({ length: runs }, once);
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { perItemMs: med(results.map((r) => r.perItemMs)), addMs: med(results.map((r) => r.addMs)), window: results[0].window };
}

/** A half read once: its items in publication order, their events and their clustering features. */
export interface ReadHalf {
  split: string;
  items: FeedItem[];
  events: string[];
  features: ItemFeatures[];
}

/** The tuning halves, each read once through the engine (as the ingest reads an item) into its features. */
function readTuningHalves(matcher: CompiledMatcher, read: { content?: boolean; lede?: number } = {}): ReadHalf[] {
  const all = loadLabelled(read.content);
  return TUNE.map((split) => {
    const set = all.filter((l) => l.split === split);
    return {
      split,
      items: set.map((l) => l.item),
      events: set.map((l) => l.event),
      features: set.map((l) => itemFeatures(prepareFeedItem(l.item, matcher, read.lede).article, Date.parse(l.item.published!))),
    };
  });
}

/**
 * A half's pairwise counts under the rule as it stands (TUNED included): its items added one by one, in
 * publication order, to one Clusterer, as the ingest does without its store (the same clusters: the eval
 * checks it, see cluster-cv.ts).
 */
export function countsOfHalf(h: ReadHalf): PairCounts {
  const c = new Clusterer([]);
  const members: ClusterMember[] = h.features.map((features, i) => ({
    url: h.items[i].url,
    title: '',
    site: siteOf(h.items[i].url),
    entityKeys: [],
    features,
  }));
  for (const m of members) c.add(m);
  const sizes = new Map<string, number>();
  for (const m of members) sizes.set(m.clusterId!, (sizes.get(m.clusterId!) ?? 0) + 1);
  return countsOf(
    pairScores(
      h.events,
      members.map((m) => ((sizes.get(m.clusterId!) ?? 0) > 1 ? m.clusterId! : null)),
    ),
  );
}

/** Our clustering of a tuning half through the worker's ingest (to check countsOfHalf against). */
export async function ingestCountsOfHalf(h: ReadHalf, matcher: CompiledMatcher, lede?: number): Promise<PairCounts> {
  return countsOf(pairScores(h.events, await clusterWithIngest(h.items, matcher, lede)));
}

/** A tuning half's misses and mixes (held-out halves are scored, never shown). */
async function showSplit(split: string, matcher: CompiledMatcher, read: { content?: boolean; lede?: number } = {}): Promise<void> {
  if (!(TUNE as readonly string[]).includes(split))
    throw new Error(`--show ${split}: only the tuning halves (${TUNE.join(', ')}) are shown`);
  const set = loadLabelled(read.content).filter((l) => l.split === split);
  const pred = await clusterWithIngest(
    set.map((l) => l.item),
    matcher,
    read.lede,
  );
  const byEvent = new Map<string, number[]>();
  set.forEach((l, i) => byEvent.set(l.event, [...(byEvent.get(l.event) ?? []), i]));
  for (const [ev, idx] of byEvent)
    if (idx.length > 1) console.log(ev, idx.map((i) => `${set[i].item.guid}→${pred[i]?.slice(-4) ?? '-'}`).join(' '));
  const byPred = new Map<string, number[]>();
  pred.forEach((p, i) => p && byPred.set(p, [...(byPred.get(p) ?? []), i]));
  for (const [p, idx] of byPred) {
    const evs = new Set(idx.map((i) => set[i].event));
    if (evs.size > 1)
      console.log('MIXED', p.slice(-4), idx.map((i) => `${set[i].item.guid}:${set[i].item.title.slice(0, 50)}`).join(' || '));
  }
}

/**
 * The rarity the Clusterer weighs item `j` of a half by: counted over the half's items of its time window
 * up to it (items in publication order).
 */
export function rarityBefore(fs: readonly ItemFeatures[], j: number): Rarity {
  const df = new Map<string, number>();
  let n = 0;
  for (let i = 0; i <= j; i++)
    if (fs[j].t - fs[i].t <= WINDOW_DAYS * DAY) {
      n++;
      for (const k of cachedBag(fs[i]).keys()) df.set(k, (df.get(k) ?? 0) + 1);
    }
  return { n, df: (k) => df.get(k) ?? 0, version: j };
}

/**
 * Why a tuning half's same-event pairs are missed and its other pairs joined: per pair, the guard that
 * vetoes it, else its score's parts (cosine, entity evidence) against JOIN, the rarity counted over the
 * half's items of the later one's time window as the Clusterer would. A pair that scores JOIN or more
 * and is still missed was kept apart at the cluster level (a cluster's victims, half its members vetoing
 * it, too few members scoring JOIN with it, or a better cluster).
 */
async function showMisses(split: string, matcher: CompiledMatcher, read: { content?: boolean; lede?: number } = {}): Promise<void> {
  if (!(TUNE as readonly string[]).includes(split))
    throw new Error(`--misses ${split}: only the tuning halves (${TUNE.join(', ')}) are shown`);
  const set = loadLabelled(read.content).filter((l) => l.split === split);
  const pred = await clusterWithIngest(
    set.map((l) => l.item),
    matcher,
    read.lede,
  );
  const fs = set.map((l) => itemFeatures(prepareFeedItem(l.item, matcher, read.lede).article, Date.parse(l.item.published!)));
  const rarityAt = (j: number) => rarityBefore(fs, j);
  const tally = new Map<string, number>();
  for (let j = 0; j < set.length; j++)
    for (let i = 0; i < j; i++) {
      const same = set[i].event === set[j].event;
      const joined = pred[i] !== null && pred[i] === pred[j];
      if (same === joined) continue;
      const veto = vetoOf(fs[j], fs[i]);
      const p = scoreParts(fs[j], fs[i], rarityAt(j));
      const score = p.cosine + p.evidence;
      const kind = same ? `missed: ${veto ? `veto ${veto}` : score >= TUNED.join ? 'cluster level' : 'score < JOIN'}` : 'wrongly joined';
      tally.set(kind, (tally.get(kind) ?? 0) + 1);
      console.log(
        `${kind.padEnd(22)} cos ${p.cosine.toFixed(2)} ev ${p.evidence.toFixed(2)} | ${set[i].item.guid} ${set[i].item.title.slice(0, 60)} || ${set[j].item.guid} ${set[j].item.title.slice(0, 60)}`,
      );
    }
  console.log([...tally].map(([k, n]) => `${k}: ${n}`).join('; '));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      show: { type: 'string' },
      misses: { type: 'string' },
      cost: { type: 'boolean' },
      tune: { type: 'boolean' },
      cv: { type: 'boolean' },
      bands: { type: 'boolean' },
      content: { type: 'boolean' },
      lede: { type: 'string' },
    },
  });
  const { loadMatcherFor } = await import('../../cli/matcher-cache');
  const { matcher } = await loadMatcherFor([
    resolve(ROOT, '../shared/fixtures/misp-galaxy/clusters'),
    resolve(ROOT, '../shared/fixtures/kev/known_exploited_vulnerabilities.json'),
  ]);
  if (process.env.C12_SET) Object.assign(TUNED, JSON.parse(process.env.C12_SET));
  const read = { content: values.content, lede: values.lede ? Number(values.lede) : undefined };
  if (values.cv) {
    await crossValidate(readTuningHalves(matcher, read), matcher);
  } else if (values.bands) showBands(readTuningHalves(matcher, read));
  else if (values.show) await showSplit(values.show, matcher, read);
  else if (values.misses) await showMisses(values.misses, matcher, read);
  else if (values.cost) {
    for (const [label, opts] of [
      ['the ingest bench’s 33 items a day', { items: 10_000, perDay: 33 }],
      ['a busy 300 items a day', { items: 4_000, perDay: 300 }],
    ] as const) {
      const c = clusterCost(matcher, opts);
      console.log(
        `clustering, ${label} (windows of up to ${c.window} stored items): ${c.perItemMs.toFixed(3)} ms an item, of which add ${c.addMs.toFixed(3)} ms`,
      );
    }
  } else
    await clusterFigures(matcher, console.log, {
      tuneOnly: !!values.tune,
      content: values.content,
      lede: values.lede ? Number(values.lede) : undefined,
    });
}
