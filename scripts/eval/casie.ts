/**
 * Incidents on the CASIE dev set (../shared/eval/incidents/casie-dev.jsonl; how to score: the README
 * there): 851 news articles with human-labelled events, mapped to five of our types, and victims.
 *
 *   npx tsx scripts/eval/casie.ts [--misses] [--limit N]
 *
 * A third of the rows (FNV-1a hash of the id, divisible by 3) is held out: rules are read against the
 * other rows only. Per half: type precision/recall/F1 per type and micro over the five types (our other
 * types are neither right nor wrong: CASIE has no label for them), macro F1; victim match (articles with
 * a named victim where one of ours meets one of the labelled victims) and victim precision (our victims,
 * one per article and name, that meet any labelled victim); the keyword baseline of incidents.ts beside
 * the engine.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeText } from '../../lib/worker/engine';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { FIVE_TYPES } from './incidents';
import { isHeldOut, namesMeet, prf, type Counts } from './victim-match';

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
  victims: string[][];
}

const KEYWORDS: [string, RegExp][] = [
  ['ransomware', /ransomware/i],
  ['data-breach', /breach|leak|stolen data/i],
  ['phishing', /phishing/i],
  ['patch', /patch|update|fixed/i],
  ['vulnerability-disclosure', /vulnerabilit|flaw|CVE-/i],
];

function score(rows: Row[], preds: Pred[], withVictims: boolean) {
  const micro: Counts = { tp: 0, fp: 0, fn: 0 };
  const per = new Map<string, Counts>(FIVE_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let vPages = 0;
  let vMatched = 0;
  let ours = 0;
  let oursRight = 0;
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
    if (row.victims_named.length > 0) {
      vPages++;
      if (p.victims.some((v) => namesMeet(v, row.victims_named))) vMatched++;
      else notes.push(`victim missed: ${row.victims_named.join('|')}`);
    }
    for (const v of new Map(p.victims.map((names) => [names[0], names])).values()) {
      ours++;
      if (namesMeet(v, row.victims)) oursRight++;
      else notes.push(`wrong victim: ${v[0]}`);
    }
    const extra = [...p.types].filter((t) => (FIVE_TYPES as readonly string[]).includes(t) && !row.types.includes(t));
    const missed = row.types.filter((t) => !p.types.has(t));
    if (extra.length) notes.unshift(`+${extra.join(',')}`);
    if (missed.length) notes.unshift(`-${missed.join(',')}`);
    if (notes.length) misses.push(`${row.id}: ${notes.join('; ')}`);
  });
  const macro = FIVE_TYPES.reduce((s, t) => s + prf(per.get(t)!).f1, 0) / FIVE_TYPES.length;
  return { micro, per, macro, vPages, vMatched, ours, oursRight, misses };
}

const f3 = (x: number) => x.toFixed(3);

export async function runCasieEval(opts: { misses?: boolean; limit?: number } = {}): Promise<Record<string, number>> {
  console.log('\n## CASIE dev: five incident types and victims on 851 labelled news articles (engine vs keyword baseline)');
  const matcher = compileMatcher(seedCatalogue());
  let rows = readFileSync(CASIE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
  if (opts.limit) rows = rows.slice(0, opts.limit);
  const engine: Pred[] = rows.map((r) => {
    const { incidents } = analyzeText(`${r.title}\n\n${r.text}`, matcher, { published: r.date });
    const text = `${r.title}\n\n${r.text}`;
    return {
      types: new Set(incidents.map((i) => i.type)),
      victims: incidents.flatMap((i) => (i.victim ? [[i.victim.name, text.slice(i.victim.start ?? 0, i.victim.end ?? 0)]] : [])),
    };
  });
  const baseline: Pred[] = rows.map((r) => ({
    types: new Set(KEYWORDS.filter(([, re]) => re.test(`${r.title}\n${r.text}`)).map(([t]) => t)),
    victims: [],
  }));
  const figures: Record<string, number> = {};
  for (const half of ['tuned', 'heldout'] as const) {
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
    for (const t of FIVE_TYPES)
      console.log(`  ${t.padEnd(26)} engine F1 ${f3(prf(e.per.get(t)!).f1)}  baseline F1 ${f3(prf(b.per.get(t)!).f1)}`);
    console.log(`victim match ${e.vMatched}/${e.vPages} ${f3(vm)}   victim precision ${e.oursRight}/${e.ours} ${f3(vp)}`);
    if (opts.misses && half === 'tuned') for (const m of e.misses) console.log(`  ${m}`);
    const k = `casie.${half}.`;
    Object.assign(figures, {
      [`${k}type_f1`]: em.f1,
      [`${k}type_p`]: em.p,
      [`${k}type_r`]: em.r,
      [`${k}macro_f1`]: e.macro,
      [`${k}baseline_type_f1`]: bm.f1,
      [`${k}victim_match`]: vm,
      [`${k}victim_precision`]: vp,
    });
    for (const t of FIVE_TYPES) figures[`${k}f1.${t}`] = prf(e.per.get(t)!).f1;
  }
  return figures;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { misses: { type: 'boolean' }, limit: { type: 'string' } } });
  await runCasieEval({ misses: values.misses, limit: values.limit ? Number(values.limit) : undefined });
}
