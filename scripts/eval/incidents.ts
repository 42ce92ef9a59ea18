/**
 * Incidents against labels, beside a keyword baseline measured in the same run.
 *
 *   npx tsx scripts/eval/incidents.ts [--misses]
 *
 * Two sets: (a) tests/fixtures/incidents, the texts the rules were tuned on (entities as the unit tests
 * give them), so its figures say little; (b) the held-out labels in tests/fixtures/incidents-heldout:
 * real feed items and article pages read in place from ../shared/fixtures with the bundled seed catalogue.
 * Figures: document-level type F1, micro over (document, type) pairs, over all incident types and over
 * the five types of the project's held-out measure; and the victim-named rate (a labelled victim counts
 * when one of our incidents names it: equal or overlapping on word boundaries, case and diacritics
 * ignored, or one of the label's aliases). `--misses` lists per document what differs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeText } from '../../lib/worker/engine';
import { extractIncidents } from '../../lib/worker/extract/incidents';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { findOrganizations } from '../../lib/worker/extract/orgs';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import type { EntityMatch, Incident } from '../../lib/shared/types';
import { readPage } from '../../cli/page';
import { readFeedItems } from './feed-items';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED_FIXTURES = resolve(ROOT, '../shared/fixtures');
const TUNED_DIR = resolve(ROOT, 'tests/fixtures/incidents');
const HELDOUT_LABELS = resolve(ROOT, 'tests/fixtures/incidents-heldout/labels.json');

/** The types of the project's held-out measure. */
export const FIVE_TYPES = ['data-breach', 'ransomware', 'phishing', 'vulnerability-disclosure', 'patch'] as const;

interface Doc {
  id: string;
  text: string;
  published?: string;
  types: Set<string>;
  victims: { name: string; aliases: string[] }[];
  /** Entities as the unit tests give them (tuned set); otherwise the engine finds them itself. */
  entities?: EntityMatch[];
}

interface Prediction {
  types: Set<string>;
  /** Per victim we name: its canonical name, then the words the text used for it ("DOJ"). */
  victims: string[][];
}

// ---- the sets ----

interface TunedCase {
  published: string;
  text: string;
  entities: { type: EntityMatch['type']; subtype?: string; text: string; key: string }[];
  expect: { type: string; victim?: string | null }[];
}

/** The same entities the unit tests build: whole-word occurrences of the listed names, then organisations. */
function tunedEntities(c: TunedCase): EntityMatch[] {
  const out: EntityMatch[] = [];
  const word = /\w/;
  for (const e of c.entities) {
    for (let i = c.text.indexOf(e.text); i >= 0; i = c.text.indexOf(e.text, i + 1)) {
      if (word.test(c.text[i - 1] ?? ' ') || word.test(c.text[i + e.text.length] ?? ' ')) continue;
      out.push({ type: e.type, subtype: e.subtype, start: i, end: i + e.text.length, text: e.text, key: e.key, name: e.text });
    }
  }
  return [...out, ...findOrganizations(c.text, out)].sort((a, b) => a.start - b.start);
}

function tunedDocs(): Doc[] {
  return readdirSync(TUNED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const c = JSON.parse(readFileSync(resolve(TUNED_DIR, f), 'utf8')) as TunedCase;
      const victims = [...new Set(c.expect.flatMap((e) => (e.victim ? [e.victim] : [])))].map((name) => ({ name, aliases: [] }));
      return {
        id: f.replace(/\.json$/, ''),
        text: c.text,
        published: c.published,
        types: new Set(c.expect.map((e) => e.type)),
        victims,
        entities: tunedEntities(c),
      };
    });
}

interface HeldoutLabel {
  source: string;
  index?: number;
  guid?: string;
  page?: boolean;
  /** id of a row of a JSON-lines file with a main_content (../eval/article/pages.jsonl). */
  row?: string;
  types: string[];
  victim?: string;
  aliases?: string[];
}

interface ArticleRow {
  id: string;
  main_content: string;
  publish_date?: string | null;
}

async function heldoutDocs(matcher: CompiledMatcher): Promise<Doc[]> {
  const { items } = JSON.parse(readFileSync(HELDOUT_LABELS, 'utf8')) as { items: HeldoutLabel[] };
  const feeds = new Map<string, ReturnType<typeof readFeedItems>>();
  const rows = new Map<string, ArticleRow[]>();
  const docs: Doc[] = [];
  for (const label of items) {
    const file = resolve(SHARED_FIXTURES, label.source);
    let text: string;
    let published: string | undefined;
    if (label.row !== undefined) {
      if (!rows.has(file))
        rows.set(
          file,
          readFileSync(file, 'utf8')
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as ArticleRow),
        );
      const row = rows.get(file)?.find((r) => r.id === label.row);
      if (!row) throw new Error(`${label.source}: no row ${label.row}`);
      text = row.main_content;
      published = row.publish_date ?? undefined;
    } else if (label.page) {
      // What the content script analyses: the main text the article detector returns.
      const page = await readPage(file, undefined, matcher);
      text = page.text;
      published = page.published ?? undefined;
    } else {
      if (!feeds.has(file)) feeds.set(file, readFeedItems(file));
      const item = feeds.get(file)?.[label.index ?? -1];
      if (!item) throw new Error(`${label.source}: no item ${label.index}`);
      if (label.guid !== undefined && item.guid !== label.guid)
        throw new Error(`${label.source}[${label.index}]: guid ${item.guid}, label says ${label.guid}`);
      text = item.text;
      published = item.published;
    }
    const id = label.row !== undefined ? `${label.source}#${label.row}` : label.page ? label.source : `${label.source}#${label.index}`;
    const victims = label.victim ? [{ name: label.victim, aliases: label.aliases ?? [] }] : [];
    docs.push({ id, text, published, types: new Set(label.types), victims });
  }
  return docs;
}

// ---- the systems ----

function engine(matcher: CompiledMatcher) {
  return (doc: Doc): Prediction => {
    const incidents: Incident[] = doc.entities
      ? extractIncidents(doc.text, doc.entities, { published: doc.published })
      : analyzeText(doc.text, matcher, { published: doc.published }).incidents;
    const victims = incidents.flatMap((i) =>
      i.victim?.name ? [[i.victim.name, doc.text.slice(i.victim.start ?? 0, i.victim.end ?? 0)]] : [],
    );
    return { types: new Set(incidents.map((i) => i.type)), victims };
  };
}

/** A document gets a type when one of a few keywords for it appears anywhere. */
const BASELINE_KEYWORDS: [string, RegExp][] = [
  ['ransomware', /ransomware/i],
  ['data-breach', /breach|leak|stolen data/i],
  ['phishing', /phishing/i],
  ['patch', /patch|update|fixed/i],
  ['vulnerability-disclosure', /vulnerabilit|flaw|CVE-/i],
];
function baseline(doc: Doc): Prediction {
  return { types: new Set(BASELINE_KEYWORDS.filter(([, re]) => re.test(doc.text)).map(([t]) => t)), victims: [] };
}

// ---- scoring ----

/** Lower case, no diacritics, words split by anything that is not a letter or digit. */
function norm(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
function nameMatches(ours: string[], gold: { name: string; aliases: string[] }): boolean {
  return ours.some((o) => {
    const a = ` ${norm(o)} `;
    if (a.trim() === '') return false;
    return [gold.name, ...gold.aliases].some((g) => {
      const b = ` ${norm(g)} `;
      return b.trim() !== '' && (a.includes(b) || b.includes(a));
    });
  });
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  victims: number;
  victimsNamed: number;
  /** Victims we named (one per document and name) and how many of them are a labelled victim. */
  ourVictims: number;
  ourVictimsRight: number;
  perType: Map<string, { tp: number; fp: number; fn: number }>;
  misses: string[];
}

function score(docs: Doc[], predict: (d: Doc) => Prediction, only?: readonly string[]): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, victims: 0, victimsNamed: 0, ourVictims: 0, ourVictimsRight: 0, perType: new Map(), misses: [] };
  const keep = (t: string) => only === undefined || only.includes(t);
  for (const doc of docs) {
    const p = predict(doc);
    const gold = [...doc.types].filter(keep);
    const ours = [...p.types].filter(keep);
    const row = (t: string) => {
      let r = s.perType.get(t);
      if (!r) s.perType.set(t, (r = { tp: 0, fp: 0, fn: 0 }));
      return r;
    };
    for (const t of ours) {
      if (doc.types.has(t)) {
        s.tp++;
        row(t).tp++;
      } else {
        s.fp++;
        row(t).fp++;
      }
    }
    for (const t of gold) {
      if (p.types.has(t)) continue;
      s.fn++;
      row(t).fn++;
    }
    for (const v of doc.victims) {
      s.victims++;
      if (p.victims.some((name) => nameMatches(name, v))) s.victimsNamed++;
    }
    const ourVictims = [...new Map(p.victims.map((names) => [names[0], names])).values()];
    for (const names of ourVictims) {
      s.ourVictims++;
      if (doc.victims.some((v) => nameMatches(names, v))) s.ourVictimsRight++;
    }
    const extra = ours.filter((t) => !doc.types.has(t));
    const missed = gold.filter((t) => !p.types.has(t));
    const victimMiss = doc.victims.filter((v) => !p.victims.some((name) => nameMatches(name, v))).map((v) => v.name);
    const wrongVictims = ourVictims.filter((names) => !doc.victims.some((v) => nameMatches(names, v))).map((names) => names[0]);
    if (extra.length || missed.length || victimMiss.length || wrongVictims.length)
      s.misses.push(
        `${doc.id}: ${extra.length ? `+${extra.join(',')} ` : ''}${missed.length ? `-${missed.join(',')} ` : ''}` +
          `${victimMiss.length ? `victim missed: ${victimMiss.join('|')} ` : ''}${wrongVictims.length ? `wrong victims: ${wrongVictims.join('|')}` : ''}`,
      );
  }
  return s;
}

const prf = (tp: number, fp: number, fn: number) => {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};
const f3 = (x: number) => x.toFixed(3);

function report(name: string, docs: Doc[], systems: [string, (d: Doc) => Prediction][], showMisses: boolean): Record<string, number> {
  const figures: Record<string, number> = {};
  const nVictims = docs.reduce((n, d) => n + d.victims.length, 0);
  console.log(
    `\n### ${name}: ${docs.length} texts, ${docs.reduce((n, d) => n + d.types.size, 0)} (text, type) labels, ${nVictims} named victims`,
  );
  console.log('system    | types  | P     | R     | F1    | victims named | our victims right');
  console.log('----------|--------|-------|-------|-------|---------------|------------------');
  const scores = new Map<string, Score>();
  for (const [sys, predict] of systems) {
    for (const [scope, only] of [
      ['all', undefined],
      ['five', FIVE_TYPES],
    ] as const) {
      const s = score(docs, predict, only);
      if (scope === 'all') scores.set(sys, s);
      const { p, r, f1 } = prf(s.tp, s.fp, s.fn);
      const vr = s.victims === 0 ? 0 : s.victimsNamed / s.victims;
      const vp = s.ourVictims === 0 ? 0 : s.ourVictimsRight / s.ourVictims;
      console.log(
        `${sys.padEnd(9)} | ${scope.padEnd(6)} | ${f3(p)} | ${f3(r)} | ${f3(f1)} | ${`${s.victimsNamed}/${s.victims} ${f3(vr)}`.padEnd(13)} | ${s.ourVictimsRight}/${s.ourVictims}`,
      );
      const prefix = `incidents.${name}.${sys === 'engine' ? '' : `${sys}_`}`;
      const suffix = scope === 'all' ? '' : '_five';
      figures[`${prefix}type_f1${suffix}`] = f1;
      figures[`${prefix}type_p${suffix}`] = p;
      figures[`${prefix}type_r${suffix}`] = r;
      if (sys === 'engine' && scope === 'all') {
        figures[`${prefix}victim_rate`] = vr;
        figures[`${prefix}victim_precision`] = vp;
      }
    }
  }
  const types = [...new Set([...scores.values()].flatMap((s) => [...s.perType.keys()]))].sort();
  console.log(`\nper type (F1 tp/fp/fn)     ${systems.map(([s]) => s.padEnd(20)).join(' ')}`);
  for (const t of types) {
    const cells = systems.map(([sys]) => {
      const c = scores.get(sys)?.perType.get(t) ?? { tp: 0, fp: 0, fn: 0 };
      return `${f3(prf(c.tp, c.fp, c.fn).f1)} ${c.tp}/${c.fp}/${c.fn}`.padEnd(20);
    });
    console.log(`${t.padEnd(27)}${cells.join(' ')}`);
  }
  if (showMisses) {
    console.log('\nengine differences:');
    for (const m of scores.get('engine')?.misses ?? []) console.log(`  ${m}`);
  }
  return figures;
}

export async function runIncidentEval(opts: { misses?: boolean } = {}): Promise<Record<string, number>> {
  console.log('\n## Incidents: document-level types and victims (engine vs keyword baseline, same run)');
  const matcher = compileMatcher(seedCatalogue());
  const run = engine(matcher);
  const systems: [string, (d: Doc) => Prediction][] = [
    ['engine', run],
    ['baseline', baseline],
  ];
  const heldout = await heldoutDocs(matcher);
  return {
    ...report('tuned', tunedDocs(), systems, opts.misses ?? false),
    ...report('heldout', heldout, systems, opts.misses ?? false),
    // The security news alone (feed items and article pages), without the general web pages.
    ...report(
      'heldout_news',
      heldout.filter((d) => !d.id.includes('../eval/')),
      systems,
      false,
    ),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { misses: { type: 'boolean' } } });
  const figures = await runIncidentEval({ misses: values.misses });
  console.log('\n' + JSON.stringify(figures, null, 1));
}
