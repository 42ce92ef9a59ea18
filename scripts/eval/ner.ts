/**
 * Entities against human labels (../shared/eval/ner: AnnoCTR and CyNER; see the README there).
 *
 *   npx tsx scripts/eval/ner.ts [--catalogue PATH ...] [--misses TYPE] [--show TYPE] [--source annoctr|cyner] [--heldout]
 *
 * Per source and type — only the types a row's source labels — strict (same start and end) and lenient
 * (overlapping spans of the same type) precision, recall and F1, over all rows and over the two halves
 * of each set (even and odd row numbers), so that a rule fitted to some rows shows as a gap between them;
 * and, over both sources, a held-out third (an FNV-1a hash of the row id divisible by 3) beside the other
 * two thirds, which are the only rows `--misses` lists; and the even and odd halves of those tuned rows, to read
 * the errors of one half and check a change on the other without looking at the held-out third.
 * Run by itself it prints the tuned rows' tables only (the tuned rows, their even and odd halves): the tables over
 * all rows, their halves and the held-out third hold held-out rows, and print with `--heldout` (as `npm run eval`
 * prints them), so that reading figures while changing a rule never shows the held-out third by accident.
 * Our `vendor` is scored as `organization` (neither set has a vendor label; a vendor is a company).
 * `--misses TYPE` lists the most frequent false positives and misses of that type, to read before
 * changing a rule. `--show TYPE` prints each error of that type on the tuned rows, one a line with its
 * sentence: `miss` (no span of the type overlaps the label; `as=TYPE` when a span of another type does,
 * `known=TYPE` when the catalogue has the label's text as a name of that type),
 * `extra` (no label of the type overlaps it; `gold=TYPE` when a label of another type does) and `bound`
 * (overlaps a label but does not share its start and end); `rule=` says why the engine found a span
 * (its `why.rule`: cue, case, shape, sentence-says-so ...).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { extractEntities } from '../../lib/worker/extract/entities';
import { loadCatalogue } from '../../bench/lib/catalogue';
import type { EntityMatch } from '../../lib/shared/types';
import { isHeldOut } from './victim-match';

const NER_DIR = resolve(import.meta.dirname, '../../../shared/eval/ner');
const SOURCES = ['annoctr', 'cyner'] as const;

interface Span {
  type: string;
  start: number;
  end: number;
  text: string;
  /** Why the engine found it (its `why.rule`), for `--show`. */
  rule?: string;
}
interface Row {
  id: string;
  source: string;
  types: string[];
  text: string;
  entities: Span[];
}

/** Counts behind precision and recall, strict and lenient. */
interface Tally {
  pred: number;
  gold: number;
  strictTp: number;
  lenientPredOk: number;
  lenientGoldFound: number;
}
const emptyTally = (): Tally => ({ pred: 0, gold: 0, strictTp: 0, lenientPredOk: 0, lenientGoldFound: 0 });

function scoreType(t: Tally): Record<string, number> {
  const div = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
  const sp = div(t.strictTp, t.pred);
  const sr = div(t.strictTp, t.gold);
  const lp = div(t.lenientPredOk, t.pred);
  const lr = div(t.lenientGoldFound, t.gold);
  return {
    strict_p: sp,
    strict_r: sr,
    strict_f1: f1(sp, sr),
    lenient_p: lp,
    lenient_r: lr,
    lenient_f1: f1(lp, lr),
    gold: t.gold,
    pred: t.pred,
  };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function scoredType(m: EntityMatch): string {
  return m.type === 'vendor' ? 'organization' : m.type;
}

function readRows(source: string): Row[] {
  return readFileSync(resolve(NER_DIR, `${source}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
}

const half = (id: string) => (Number(/(\d+)$/.exec(id)?.[1] ?? 0) % 2 === 0 ? 'even' : 'odd');

interface Miss {
  fp: Map<string, number>;
  fn: Map<string, number>;
  /** Lines printed by `--show` (tuned rows only). */
  shown: string[];
}

/** The sentence around a span, the span in brackets, on one line. */
function inSentence(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf(' . ', start - 1) + 1, start - 200, 0);
  let to = text.indexOf(' . ', end);
  if (to < 0 || to > end + 200) to = Math.min(text.length, end + 200);
  return `${text.slice(from, start)}[[${text.slice(start, end)}]]${text.slice(end, to)}`.replace(/\s+/g, ' ').trim();
}

const ruleOf = (x: Span) => (x.rule ? ` rule=${x.rule}` : '');

/** One line per error of `type` in a tuned row (see the header: miss, extra, bound). */
function showErrors(row: Row, type: string, pred: Span[], gold: Span[], matcher: CompiledMatcher, out: string[]): void {
  const p = pred.filter((x) => x.type === type);
  const g = gold.filter((x) => x.type === type);
  const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;
  for (const y of g) {
    if (p.some((x) => same(x, y))) continue;
    const near = p.find((x) => overlaps(x, y));
    if (near) {
      out.push(`bound\t${row.id}\tgold "${y.text}" pred "${near.text}"${ruleOf(near)}\t${inSentence(row.text, y.start, y.end)}`);
      continue;
    }
    const other = pred.find((x) => x.type !== type && overlaps(x, y));
    // Whether the catalogue knows the name (as what): a rule's miss, not the catalogue's.
    const known = [...new Set(matcher.lookup(y.text).map((t) => matcher.termEntityInfo(t).type))].join('+');
    const as = other ? ` as=${other.type} "${other.text}"` : '';
    out.push(`miss\t${row.id}\t"${y.text}"${as}${known ? ` known=${known}` : ''}\t${inSentence(row.text, y.start, y.end)}`);
  }
  for (const x of p) {
    if (g.some((y) => overlaps(x, y))) continue;
    const other = row.entities.find((y) => y.type !== type && overlaps(x, y));
    out.push(
      `extra\t${row.id}\t"${x.text}"${ruleOf(x)}${other ? ` gold=${other.type} "${other.text}"` : ''}\t${inSentence(row.text, x.start, x.end)}`,
    );
  }
}

const emptyParts = (): Record<string, Record<string, Tally>> => ({
  all: {},
  even: {},
  odd: {},
  tuned: {},
  'tuned-even': {},
  'tuned-odd': {},
  heldout: {},
});

function tallyRows(rows: Row[], matcher: CompiledMatcher, missType: string | undefined, misses: Miss, showType?: string) {
  // tallies[part][type], part = 'all' | 'even' | 'odd' | 'tuned' | 'heldout' (a third by a hash of the id),
  // and the halves of the tuned rows ('tuned-even', 'tuned-odd') to check a change on rows whose errors were not read.
  const tallies: Record<string, Record<string, Tally>> = emptyParts();
  for (const row of rows) {
    const types = new Set(row.types);
    const pred = extractEntities(row.text, matcher)
      .filter((m) => types.has(scoredType(m)))
      .map((m) => ({ type: scoredType(m), start: m.start, end: m.end, text: m.text, rule: m.why?.rule }));
    const gold = row.entities.filter((g) => types.has(g.type));
    if (showType && types.has(showType) && !isHeldOut(row.id)) showErrors(row, showType, pred, gold, matcher, misses.shown);
    const held = isHeldOut(row.id);
    for (const part of ['all', half(row.id), held ? 'heldout' : 'tuned', ...(held ? [] : [`tuned-${half(row.id)}`])]) {
      for (const type of types) {
        const t = (tallies[part][type] ??= emptyTally());
        const p = pred.filter((x) => x.type === type);
        const g = gold.filter((x) => x.type === type);
        t.pred += p.length;
        t.gold += g.length;
        t.strictTp += p.filter((x) => g.some((y) => y.start === x.start && y.end === x.end)).length;
        t.lenientPredOk += p.filter((x) => g.some((y) => overlaps(x, y))).length;
        t.lenientGoldFound += g.filter((y) => p.some((x) => overlaps(x, y))).length;
        // Misses are listed from the tuned rows only: the held-out third is for measuring.
        if (part === 'tuned' && type === missType) {
          for (const x of p) if (!g.some((y) => overlaps(x, y))) misses.fp.set(x.text, (misses.fp.get(x.text) ?? 0) + 1);
          for (const y of g) if (!p.some((x) => overlaps(x, y))) misses.fn.set(y.text, (misses.fn.get(y.text) ?? 0) + 1);
        }
      }
    }
  }
  return tallies;
}

const fmt = (n: number) => n.toFixed(3);

function printTable(title: string, rows: [string, Record<string, number>][]): void {
  console.log(`\n${title}`);
  console.log(`${'type'.padEnd(22)}  gold  pred  strict P  R      F1     lenient P  R      F1`);
  for (const [name, s] of rows) {
    console.log(
      `${name.padEnd(22)} ${String(s.gold).padStart(5)} ${String(s.pred).padStart(5)}  ${fmt(s.strict_p)}  ${fmt(s.strict_r)}  ${fmt(s.strict_f1)}  ${fmt(s.lenient_p)}      ${fmt(s.lenient_r)}  ${fmt(s.lenient_f1)}`,
    );
  }
}

export interface NerEvalOptions {
  /** Catalogue files or folders added to the seed (MISP galaxy clusters, ATT&CK STIX, KEV). */
  catalogue?: string[];
  /** Print the most frequent false positives and misses of this type. */
  misses?: string;
  /** Print every error of this type on the tuned rows, with its sentence. */
  show?: string;
  sources?: string[];
  /** Print the tables that hold held-out rows too (all rows, their halves, the held-out third). */
  heldout?: boolean;
}

export async function runNerEval(opts: NerEvalOptions = {}): Promise<Record<string, number>> {
  const t0 = performance.now();
  const { entries, via } = await loadCatalogue(opts.catalogue ?? []);
  const matcher = compileMatcher(entries);
  console.log(
    `catalogue: ${entries.length} entries, ${matcher.termCount} names (${via}), built in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  const figures: Record<string, number> = {};
  const sum: Record<string, Record<string, Tally>> = emptyParts();
  const misses: Miss = { fp: new Map(), fn: new Map(), shown: [] };
  for (const source of opts.sources ?? SOURCES) {
    const tallies = tallyRows(readRows(source), matcher, opts.misses, misses, opts.show);
    for (const part of ['all', 'even', 'odd']) {
      const table: [string, Record<string, number>][] = [];
      for (const [type, t] of Object.entries(tallies[part]).sort()) {
        const s = scoreType(t);
        table.push([type, s]);
        const prefix = part === 'all' ? `ner.${source}.${type}` : `ner.${source}.${part}.${type}`;
        for (const k of ['strict_p', 'strict_r', 'strict_f1', 'lenient_p', 'lenient_r', 'lenient_f1']) figures[`${prefix}.${k}`] = s[k];
        const acc = (sum[part][type] ??= emptyTally());
        for (const k of Object.keys(t) as (keyof Tally)[]) acc[k] += t[k];
      }
      if (opts.heldout) printTable(`${source} (${part === 'all' ? 'all rows' : `${part} rows`})`, table);
    }
    for (const part of ['tuned', 'tuned-even', 'tuned-odd', 'heldout'])
      for (const [type, t] of Object.entries(tallies[part])) {
        const acc = (sum[part][type] ??= emptyTally());
        for (const k of Object.keys(t) as (keyof Tally)[]) acc[k] += t[k];
      }
  }
  for (const part of ['all', 'even', 'odd', 'tuned', 'tuned-even', 'tuned-odd', 'heldout']) {
    const table: [string, Record<string, number>][] = [];
    for (const [type, t] of Object.entries(sum[part]).sort()) {
      const s = scoreType(t);
      table.push([type, s]);
      const prefix = part === 'all' ? `ner.${type}` : `ner.${part}.${type}`;
      for (const k of ['strict_p', 'strict_r', 'strict_f1', 'lenient_p', 'lenient_r', 'lenient_f1']) figures[`${prefix}.${k}`] = s[k];
    }
    if (opts.heldout || part.startsWith('tuned')) printTable(`both sources (${part === 'all' ? 'all rows' : `${part} rows`})`, table);
  }
  if (opts.show) console.log(`\nerrors (${opts.show}, tuned rows):\n${misses.shown.join('\n')}`);
  if (opts.misses) {
    const top = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 60)
        .map(([k, v]) => `${k}×${v}`)
        .join(', ');
    console.log(`\nfalse positives (${opts.misses}): ${top(misses.fp)}`);
    console.log(`\nmisses (${opts.misses}): ${top(misses.fn)}`);
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('scripts/eval/ner.ts')) {
  const { values } = parseArgs({
    options: {
      catalogue: { type: 'string', multiple: true, default: [] },
      misses: { type: 'string' },
      show: { type: 'string' },
      source: { type: 'string', multiple: true },
      heldout: { type: 'boolean', default: false },
    },
  });
  await runNerEval({
    catalogue: values.catalogue,
    misses: values.misses,
    show: values.show,
    sources: values.source,
    heldout: values.heldout,
  });
}
