/**
 * Incidents on the CASIE dev set (../shared/eval/incidents/casie-dev.jsonl; how to score: the README
 * there): 851 news articles with human-labelled events, mapped to five of our types, and victims.
 *
 *   npx tsx scripts/eval/casie.ts [--misses] [--type TYPE] [--show-victims] [--limit N] [--split tuned|heldout]
 *     [--fold a|b] [--found | --found-misses] [--victim-scores] [--calibrate] [--page-title]
 *
 * `--split tuned` scores the tuned rows only (what to run while tuning: the held-out figures are for
 * reporting, a few times in all). `--fold a|b` keeps one of the tuned rows' two folds (implies `--split tuned`):
 * read the errors of one fold and check a change on the other. `--type TYPE` lists, for the tuned rows only, the articles where the engine misses TYPE or names it
 * wrongly (title, the engine's types, the lede): what the type rules are read against.
 *
 * A third of the rows (FNV-1a hash of the id, divisible by 3) is held out: rules are read against the
 * other rows only. Per half: type precision/recall/F1 per type and micro over the five types (our other
 * types are neither right nor wrong: CASIE has no label for them), macro F1; victim match (articles with
 * a named victim where one of ours meets one of the labelled victims) and victim precision (our victims,
 * one per article and name, that meet any labelled victim); the keyword baseline of incidents.ts beside
 * the engine. `--show-victims` lists, for the tuned rows only, each article whose victim is missed or
 * wrong: the labels, and each of our victims (all confidences) with the words around it. `--found` prints
 * only how often the labelled victim is among the names the engine finds anywhere in the text (the ceiling
 * of victim match); `--found-misses` also lists the tuned rows where it is not (read fold a's only).
 * `--victim-scores` prints only the tuned folds' victims by the evidence the chooser had, and the
 * abstentions tried (victim-scores.ts). `--calibrate` refits the victim confidence on fold a and checks
 * it on fold b (victim-calibration.ts). `--page-title` reads each article as a page is read (the title
 * given as the page's headline, AnalyzeOptions.title, not as the text's first line; no lede readings).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeText } from '../../lib/worker/engine';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { describedOrganizations } from '../../lib/worker/extract/described-orgs';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { FIVE_TYPES } from './incidents';
import { VICTIM_MIN_CONFIDENCE, VICTIM_TYPES } from '../../lib/worker/extract/incidents/roles';
import { VICTIM_SWEEP, inFold, isHeldOut, namesMeet, prf, victimNames, type Counts, type Victim } from './victim-match';
import { showVictimScores } from './victim-scores';
import { showCalibration } from './victim-calibration';

/** Depths of the text read in context, as the sync reads a feed item's content (see lib/worker/sync/ingest-items.ts). */
const LEDES = [800, 1500, 2500];
const CASIE = resolve(import.meta.dirname, '../../../shared/eval/incidents/casie-dev.jsonl');

interface Row {
  id: string;
  date?: string;
  title: string;
  text: string;
  types: string[];
  victims: string[];
  victims_named: string[];
}

interface Pred {
  types: Set<string>;
  victims: Victim[];
}

const KEYWORDS: [string, RegExp][] = [
  ['ransomware', /ransomware/i],
  ['data-breach', /breach|leak|stolen data/i],
  ['phishing', /phishing/i],
  ['patch', /patch|update|fixed/i],
  ['vulnerability-disclosure', /vulnerabilit|flaw|CVE-/i],
];

function score(rows: Row[], preds: Pred[], withVictims: boolean, floor = 0) {
  const micro: Counts = { tp: 0, fp: 0, fn: 0 };
  const per = new Map<string, Counts>(FIVE_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let vPages = 0;
  let vMatched = 0;
  let ours = 0;
  let oursRight = 0;
  // Our victims in articles where the annotators marked any victim (a third of ours sit in articles they left without one).
  let oursLabelled = 0;
  let oursLabelledRight = 0;
  const misses: string[] = [];
  rows.forEach((row, i) => {
    const p = preds[i];
    for (const t of FIVE_TYPES) {
      const g = row.types.includes(t);
      const o = p.types.has(t);
      const c = per.get(t)!;
      const cell = g && o ? 'tp' : o ? 'fp' : g ? 'fn' : undefined;
      if (cell) {
        c[cell]++;
        micro[cell]++;
      }
    }
    if (!withVictims) return;
    const notes: string[] = [];
    const victims = p.victims.filter((v) => v.confidence >= floor);
    if (row.victims_named.length > 0) {
      vPages++;
      if (victims.some((v) => namesMeet(v.names, row.victims_named, v))) vMatched++;
      else notes.push(`victim missed: ${row.victims_named.join('|')}`);
    }
    for (const v of new Map(victims.map((v) => [v.names[0], v])).values()) {
      ours++;
      const right = namesMeet(v.names, row.victims, v);
      if (right) oursRight++;
      else notes.push(`wrong victim: ${v.names[0]}`);
      if (row.victims.length > 0) {
        oursLabelled++;
        if (right) oursLabelledRight++;
      }
    }
    const extra = [...p.types].filter((t) => (FIVE_TYPES as readonly string[]).includes(t) && !row.types.includes(t));
    const missed = row.types.filter((t) => !p.types.has(t));
    if (extra.length) notes.unshift(`+${extra.join(',')}`);
    if (missed.length) notes.unshift(`-${missed.join(',')}`);
    if (notes.length) misses.push(`${row.id}: ${notes.join('; ')}`);
  });
  const macro = FIVE_TYPES.reduce((s, t) => s + prf(per.get(t)!).f1, 0) / FIVE_TYPES.length;
  return { micro, per, macro, vPages, vMatched, ours, oursRight, oursLabelled, oursLabelledRight, misses };
}

const f3 = (x: number) => x.toFixed(3);

/** What the engine reads of a row: the title as the text's first line (a feed item), or as a page's headline (`--page-title`). */
function reading(r: Row, pageTitle: boolean): { text: string; title?: string } {
  return pageTitle ? { text: r.text, title: r.title } : { text: `${r.title}\n\n${r.text}` };
}

/** The tuned rows whose victim is missed or wrong, with the words around each of ours. Never called on held-out rows. */
function showVictimErrors(rows: Row[], matcher: ReturnType<typeof compileMatcher>, pageTitle: boolean): void {
  console.log('\n#### victims missed or wrong (tuned; every confidence, "below" under the floor)');
  for (const r of rows) {
    const { text, title } = reading(r, pageTitle);
    const { incidents, entities } = analyzeText(text, matcher, { published: r.date, victimMin: 0, title });
    const ours = incidents.flatMap((i) => (i.victim ? [{ i, v: victimNames(text, i.victim, entities, i.victimConfidence) }] : []));
    const shown = ours.filter((x) => x.v.confidence >= VICTIM_MIN_CONFIDENCE);
    const matched = shown.some((x) => namesMeet(x.v.names, r.victims_named, x.v));
    const wrong = shown.some((x) => !namesMeet(x.v.names, r.victims, x.v));
    if (!wrong && (matched || r.victims_named.length === 0)) continue;
    console.log(`- ${r.id} [${r.types.join(',')}] ${r.title}\n    labelled: ${r.victims.join(' | ') || '(none)'}`);
    for (const { i, v } of ours) {
      const at = i.victim!.start;
      const near = at === undefined ? `(in the headline) ${title}` : text.slice(Math.max(0, at - 100), at + 100).replace(/\s+/g, ' ');
      const verdict = namesMeet(v.names, r.victims, v) ? 'right' : 'wrong';
      console.log(
        `    ours ${i.type} "${v.names[0]}" ${v.confidence}${v.confidence < VICTIM_MIN_CONFIDENCE ? ' below' : ''} ${verdict}: …${near}…`,
      );
    }
  }
}

/**
 * Whether each article's labelled victim is among the names the engine finds anywhere in the text (as an
 * organisation, vendor or place: what the victim rules choose from; or as an entity of any type): the
 * ceiling of victim match. `misses` lists the tuned rows whose victim is not found as a possible victim,
 * with the entities that touch its words and the words around its first mention.
 */
function showFound(rows: Row[], matcher: ReturnType<typeof compileMatcher>, misses: boolean): void {
  for (const half of ['tuned', 'heldout'] as const) {
    const part = rows.filter((r) => isHeldOut(r.id) === (half === 'heldout') && r.victims_named.length > 0);
    if (part.length === 0) continue;
    let asVictim = 0;
    let asAny = 0;
    const lines: string[] = [];
    for (const r of part) {
      const text = `${r.title}\n\n${r.text}`;
      const { entities: named } = analyzeText(text, matcher, { published: r.date });
      // With what the text describes without a name ("an Indiana hospital"), which the victim rules also read.
      const entities = [...named, ...describedOrganizations(text, named)];
      const meets = (types?: ReadonlySet<string>) =>
        entities.some(
          (e) =>
            (!types || types.has(e.type)) &&
            namesMeet(victimNames(text, e, entities).names, r.victims_named, { place: e.type === 'location' }),
        );
      const v = meets(VICTIM_TYPES);
      if (v) asVictim++;
      if (v || meets()) asAny++;
      if (!misses || half !== 'tuned' || v) continue;
      const lower = text.toLowerCase();
      const at = r.victims_named.map((n) => lower.indexOf(n.toLowerCase())).find((i) => i >= 0) ?? -1;
      const near = at < 0 ? '(not in the text as written)' : `…${text.slice(Math.max(0, at - 90), at + 90).replace(/\s+/g, ' ')}…`;
      const touching = entities
        .filter((e) =>
          r.victims_named.some((n) => e.text.toLowerCase().includes(n.toLowerCase()) || n.toLowerCase().includes(e.text.toLowerCase())),
        )
        .map((e) => `${e.type}:${e.text}`);
      lines.push(
        `- ${r.id} ${r.title}\n    labelled: ${r.victims_named.join(' | ')}  touching: ${[...new Set(touching)].join(', ') || '-'}\n    ${near}`,
      );
    }
    const f = (x: number) => `${x}/${part.length} ${f3(x / part.length)}`;
    console.log(`CASIE ${half}: labelled victim found as an organisation/vendor/place ${f(asVictim)}; as any entity ${f(asAny)}`);
    for (const l of lines) console.log(l);
  }
}

/** Five-type counts of one article's prediction. */
function cellsOf(row: Row, p: Pred): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const t of FIVE_TYPES) {
    const g = row.types.includes(t);
    const o = p.types.has(t);
    if (g && o) c.tp++;
    else if (o) c.fp++;
    else if (g) c.fn++;
  }
  return c;
}

/**
 * Micro F1 of `b` minus that of `a` on the same articles, with a paired bootstrap's 95% interval (1,000
 * resamples of the articles, a fixed seed), and how many articles' types differ (better: more right minus
 * wrong in `b`).
 */
function pairedDelta(rows: Row[], a: Pred[], b: Pred[]) {
  const ca = rows.map((r, i) => cellsOf(r, a[i]));
  const cb = rows.map((r, i) => cellsOf(r, b[i]));
  const f1 = (cs: Counts[], idx: number[]) => {
    let tp = 0;
    let wrong = 0;
    for (const i of idx) {
      tp += cs[i].tp;
      wrong += cs[i].fp + cs[i].fn;
    }
    return tp + wrong === 0 ? 0 : (2 * tp) / (2 * tp + wrong);
  };
  let differ = 0;
  let better = 0;
  let worse = 0;
  rows.forEach((_, i) => {
    const x = ca[i];
    const y = cb[i];
    if (x.tp === y.tp && x.fp === y.fp && x.fn === y.fn) return;
    differ++;
    const gain = y.tp - y.fp - y.fn - (x.tp - x.fp - x.fn);
    if (gain > 0) better++;
    else if (gain < 0) worse++;
  });
  const all = rows.map((_, i) => i);
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const deltas = Array.from({ length: 1000 }, () => {
    const idx = all.map(() => Math.floor(rnd() * all.length));
    return f1(cb, idx) - f1(ca, idx);
  }).sort((x, y) => x - y);
  return { differ, better, worse, delta: f1(cb, all) - f1(ca, all), low: deltas[25], high: deltas[974] };
}

/** The tuned rows where the engine misses `type` (FN) or names it wrongly (FP). Never called on held-out rows. */
function showTypeErrors(type: string, rows: Row[], preds: Pred[]): void {
  for (const kind of ['FN', 'FP'] as const) {
    console.log(`\n#### ${type} ${kind} (tuned)`);
    rows.forEach((r, i) => {
      const gold = r.types.includes(type);
      const ours = preds[i].types.has(type);
      if (kind === 'FN' ? gold && !ours : ours && !gold) {
        const lede = r.text.replace(/\s+/g, ' ').slice(0, 300);
        console.log(`- ${r.id} [gold ${r.types.join(',')}] [ours ${[...preds[i].types].join(',')}] ${r.title}\n    ${lede}`);
      }
    });
  }
}

export async function runCasieEval(
  opts: {
    misses?: boolean;
    limit?: number;
    type?: string;
    split?: string;
    fold?: 'a' | 'b';
    showVictims?: boolean;
    found?: boolean;
    foundMisses?: boolean;
    victimScores?: boolean;
    calibrate?: boolean;
    pageTitle?: boolean;
  } = {},
): Promise<Record<string, number>> {
  console.log('\n## CASIE dev: five incident types and victims on 851 labelled news articles (engine vs keyword baseline)');
  const matcher = compileMatcher(seedCatalogue());
  let rows = readFileSync(CASIE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
  if (opts.limit) rows = rows.slice(0, opts.limit);
  const pageTitle = opts.pageTitle === true;
  const run = (r: Row, victimMin?: number, lede?: number): Pred => {
    const { text, title } = reading(r, pageTitle);
    // `lede`: as the sync reads a feed item, the text's first `lede` characters in context (AnalyzeOptions.depth).
    const depth = lede === undefined ? undefined : r.title.length + 2 + lede;
    const { incidents, entities } = analyzeText(text, matcher, { published: r.date, victimMin, depth, title });
    return {
      types: new Set(incidents.map((i) => i.type)),
      victims: incidents.flatMap((i) => (i.victim ? [victimNames(text, i.victim, entities, i.victimConfidence)] : [])),
    };
  };
  // The engine as it ships (its own victim floor); and, on the tuned rows only, every victim with its
  // confidence, to sweep the floor (a victim below the floor can make room for one next door, which a
  // filtered sweep does not see: the sweep approximates, the figures above it are exact).
  // The found-rate reads the tuned rows unless the held-out ones are asked for by name.
  if (opts.fold || opts.victimScores || opts.calibrate || (opts.found && !opts.split)) opts = { ...opts, split: 'tuned' };
  if (opts.split) rows = rows.filter((r) => isHeldOut(r.id) === (opts.split === 'heldout'));
  const fold = opts.fold;
  if (fold) rows = rows.filter((r) => inFold(r.id, fold));
  if (opts.found) {
    showFound(rows, matcher, opts.foundMisses === true);
    return {};
  }
  if (opts.victimScores) {
    showVictimScores(rows, matcher, fold !== undefined);
    return {};
  }
  if (opts.calibrate) {
    showCalibration(rows, matcher);
    return {};
  }
  const engine: Pred[] = rows.map((r) => run(r));
  const ledes = pageTitle ? [] : LEDES.map((n) => ({ n, preds: rows.map((r) => run(r, undefined, n)) }));
  const unfloored: Pred[] = rows.map((r) => (isHeldOut(r.id) ? engine[0] : run(r, 0)));
  const baseline: Pred[] = rows.map((r) => ({
    types: new Set(KEYWORDS.filter(([, re]) => re.test(`${r.title}\n${r.text}`)).map(([t]) => t)),
    victims: [],
  }));
  const figures: Record<string, number> = {};
  for (const half of ['tuned', 'heldout'] as const) {
    if (opts.split && opts.split !== half) continue;
    const idx = rows.map((r, i) => [r, i] as const).filter(([r]) => isHeldOut(r.id) === (half === 'heldout'));
    const part = idx.map(([r]) => r);
    const e = score(
      part,
      idx.map(([, i]) => engine[i]),
      true,
    );
    const b = score(
      part,
      idx.map(([, i]) => baseline[i]),
      false,
    );
    const em = prf(e.micro);
    const bm = prf(b.micro);
    const vm = e.vPages === 0 ? 0 : e.vMatched / e.vPages;
    const vp = e.ours === 0 ? 0 : e.oursRight / e.ours;
    console.log(`\n### CASIE ${half}: ${part.length} articles, ${e.vPages} with a named victim`);
    console.log(`engine    micro P ${f3(em.p)} R ${f3(em.r)} F1 ${f3(em.f1)}  macro F1 ${f3(e.macro)}`);
    console.log(`baseline  micro P ${f3(bm.p)} R ${f3(bm.r)} F1 ${f3(bm.f1)}  macro F1 ${f3(b.macro)}`);
    for (const t of FIVE_TYPES) {
      const o = prf(e.per.get(t)!);
      const k = prf(b.per.get(t)!);
      console.log(`  ${t.padEnd(26)} engine P ${f3(o.p)} R ${f3(o.r)} F1 ${f3(o.f1)}  baseline P ${f3(k.p)} R ${f3(k.r)} F1 ${f3(k.f1)}`);
    }
    console.log(
      `victim match ${e.vMatched}/${e.vPages} ${f3(vm)}   victim precision ${e.oursRight}/${e.ours} ${f3(vp)}   (victim confidence ≥ ${VICTIM_MIN_CONFIDENCE})`,
    );
    console.log(
      `  victim precision in articles with any labelled victim ${e.oursLabelledRight}/${e.oursLabelled} ${f3(e.oursLabelled ? e.oursLabelledRight / e.oursLabelled : 0)} (${e.ours - e.oursLabelled} of ours sit in articles labelled with none)`,
    );
    for (const { n, preds } of ledes) {
      const l = score(
        part,
        idx.map(([, i]) => preds[i]),
        true,
      );
      const lm = prf(l.micro);
      const d = pairedDelta(
        part,
        idx.map(([, i]) => engine[i]),
        idx.map(([, i]) => preds[i]),
      );
      console.log(
        `  lede ${n} (as the sync reads an item): micro F1 ${f3(lm.f1)}  macro F1 ${f3(l.macro)}  victim match ${l.vMatched}/${l.vPages} ${f3(l.vPages ? l.vMatched / l.vPages : 0)}  precision ${l.oursRight}/${l.ours} ${f3(l.ours ? l.oursRight / l.ours : 0)}`,
      );
      console.log(
        `    vs the whole reading: types differ on ${d.differ} articles (${d.better} better, ${d.worse} worse); micro F1 ${d.delta >= 0 ? '+' : ''}${f3(d.delta)}, paired bootstrap 95% [${f3(d.low)}, ${f3(d.high)}]`,
      );
      Object.assign(figures, {
        [`casie.${half}.lede${n}.type_f1`]: lm.f1,
        [`casie.${half}.lede${n}.victim_match`]: l.vPages ? l.vMatched / l.vPages : 0,
        [`casie.${half}.lede${n}.victim_precision`]: l.ours ? l.oursRight / l.ours : 0,
      });
    }
    if (half === 'tuned')
      for (const floor of VICTIM_SWEEP) {
        const x = score(
          part,
          idx.map(([, i]) => unfloored[i]),
          true,
          floor,
        );
        console.log(
          `  at confidence ≥ ${floor.toFixed(2)}: victim match ${f3(x.vMatched / x.vPages)}  precision ${x.oursRight}/${x.ours} ${f3(x.ours ? x.oursRight / x.ours : 0)}`,
        );
      }
    if (opts.misses && half === 'tuned') for (const m of e.misses) console.log(`  ${m}`);
    if (opts.showVictims && half === 'tuned') showVictimErrors(part, matcher, pageTitle);
    if (opts.type && half === 'tuned')
      showTypeErrors(
        opts.type,
        part,
        idx.map(([, i]) => engine[i]),
      );
    const k = `casie.${half}.`;
    Object.assign(figures, {
      [`${k}type_f1`]: em.f1,
      [`${k}type_p`]: em.p,
      [`${k}type_r`]: em.r,
      [`${k}macro_f1`]: e.macro,
      [`${k}baseline_type_f1`]: bm.f1,
      [`${k}victim_match`]: vm,
      [`${k}victim_precision`]: vp,
      [`${k}victim_precision_labelled`]: e.oursLabelled ? e.oursLabelledRight / e.oursLabelled : 0,
    });
    for (const t of FIVE_TYPES) figures[`${k}f1.${t}`] = prf(e.per.get(t)!).f1;
  }
  return figures;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      misses: { type: 'boolean' },
      limit: { type: 'string' },
      type: { type: 'string' },
      split: { type: 'string' },
      fold: { type: 'string' },
      'show-victims': { type: 'boolean' },
      found: { type: 'boolean' },
      'found-misses': { type: 'boolean' },
      'victim-scores': { type: 'boolean' },
      calibrate: { type: 'boolean' },
      'page-title': { type: 'boolean' },
    },
  });
  await runCasieEval({
    misses: values.misses,
    limit: values.limit ? Number(values.limit) : undefined,
    type: values.type,
    split: values.split,
    fold: values.fold === 'a' || values.fold === 'b' ? values.fold : undefined,
    showVictims: values['show-victims'],
    found: values.found || values['found-misses'],
    foundMisses: values['found-misses'],
    victimScores: values['victim-scores'],
    calibrate: values.calibrate,
    pageTitle: values['page-title'],
  });
}
