/**
 * CASIE's victims by the evidence the chooser had (`casie.ts --victim-scores`): per fold of the tuned rows,
 * the precision of the victims named on each kind of evidence (roles.ts's VictimEvidence), by the
 * incident's weight, and over a floor of confidence, with the match and F1 each floor gives; then what
 * match and precision would be if the engine said nothing for one kind (the abstentions tried). With one
 * fold asked for (`--fold a`), each victim's line too: read fold a's only.
 *
 * Every victim is read without the engine's floor (victimMin 0), as the floor sweep of casie.ts does:
 * a victim left out can make room for one from the next sentence, which this does not see.
 */
import { extractEntities } from '../../lib/worker/extract/entities';
import { extractIncidents } from '../../lib/worker/extract/incidents';
import type { CompiledMatcher } from '../../lib/worker/extract/matcher';
import { VICTIM_MIN_CONFIDENCE, type VictimEvidence } from '../../lib/worker/extract/incidents/roles';
import { VICTIM_SWEEP, inFold, namesMeet, victimNames } from './victim-match';

export interface Row {
  id: string;
  date?: string;
  title: string;
  text: string;
  victims: string[];
  victims_named: string[];
}

export interface Named {
  id: string;
  name: string;
  evidence: VictimEvidence | 'none';
  score: number;
  confidence: number;
  /** The incident's weight: the sum of its sentences' scores (its confidence is this over 12). */
  weight: number;
  /** Meets a labelled victim (precision); meets a labelled victim that names someone (match). */
  right: boolean;
  matches: boolean;
  /** The article has any labelled victim. */
  labelled: boolean;
  /** Its place among the article's victims at the engine's floor, strongest incident first. */
  order: number;
}

const KINDS: (VictimEvidence | 'none')[] = ['cue', 'users', 'reference', 'position', 'none'];
const f3 = (x: number) => x.toFixed(3);
const ratio = (a: number, b: number) => `${a}/${b} ${f3(b ? a / b : 0)}`;

/** Every victim the engine names on a row (one per name, the strongest incident's), at any confidence. */
export function victimsOf(r: Row, matcher: CompiledMatcher): Named[] {
  const text = `${r.title}\n\n${r.text}`;
  const entities = extractEntities(text, matcher);
  const out = new Map<string, Named>();
  extractIncidents(text, entities, {
    published: r.date,
    victimMin: 0,
    onVictim: (victim, incident, weight) => {
      const v = victimNames(text, incident.victim!, entities, incident.victimConfidence);
      if (out.has(v.names[0])) return;
      out.set(v.names[0], {
        id: r.id,
        name: v.names[0],
        evidence: victim.evidence ?? 'none',
        score: victim.score,
        confidence: incident.victimConfidence ?? 0,
        weight,
        right: namesMeet(v.names, r.victims, v),
        matches: namesMeet(v.names, r.victims_named, v),
        labelled: r.victims.length > 0,
        order: [...out.values()].filter((o) => o.confidence >= VICTIM_MIN_CONFIDENCE).length,
      });
    },
  });
  return [...out.values()];
}

/** Match, precision and their F1 when only the victims that `keep` holds are named. */
function figures(rows: Row[], named: Named[], keep: (n: Named) => boolean): string {
  const kept = named.filter(keep);
  const pages = rows.filter((r) => r.victims_named.length > 0);
  const matched = pages.filter((r) => kept.some((n) => n.id === r.id && n.matches)).length;
  const right = kept.filter((n) => n.right).length;
  const m = pages.length ? matched / pages.length : 0;
  const p = kept.length ? right / kept.length : 0;
  return `match ${ratio(matched, pages.length)}  precision ${ratio(right, kept.length)}  F1 ${f3(m + p ? (2 * m * p) / (m + p) : 0)}`;
}

export function showVictimScores(rows: Row[], matcher: CompiledMatcher, listEach: boolean): void {
  const all = rows.map((r) => ({ r, named: victimsOf(r, matcher) }));
  for (const fold of ['a', 'b'] as const) {
    const part = all.filter(({ r }) => inFold(r.id, fold));
    if (part.length === 0) continue;
    const fr = part.map(({ r }) => r);
    const named = part.flatMap(({ named: n }) => n);
    const shown = (n: Named) => n.confidence >= VICTIM_MIN_CONFIDENCE;
    console.log(`\n#### victims by evidence, fold ${fold} (${fr.length} tuned articles; right/named, precision)`);
    for (const kind of KINDS) {
      const k = named.filter((n) => n.evidence === kind);
      if (k.length === 0) continue;
      const s = k.filter(shown);
      console.log(
        `  ${kind.padEnd(10)} any confidence ${ratio(k.filter((n) => n.right).length, k.length)}   at ≥ ${VICTIM_MIN_CONFIDENCE}: ${ratio(s.filter((n) => n.right).length, s.length)}`,
      );
    }
    const bands: [string, (n: Named) => boolean][] = [
      ['incident weight < 10', (n) => n.weight < 10],
      ['incident weight ≥ 10', (n) => n.weight >= 10],
      ['in articles labelled with no victim', (n) => !n.labelled],
    ];
    for (const [label, band] of bands) {
      const s = named.filter((n) => shown(n) && band(n));
      console.log(`  ${label} (at ≥ ${VICTIM_MIN_CONFIDENCE}): ${ratio(s.filter((n) => n.right).length, s.length)}`);
    }
    for (const floor of VICTIM_SWEEP)
      console.log(`  at confidence ≥ ${floor.toFixed(2)}: ${figures(fr, named, (n) => n.confidence >= floor)}`);
    const abstain: [string, (n: Named) => boolean][] = [
      ['the engine as it ships', () => true],
      ['nothing on position alone', (n) => n.evidence !== 'position'],
      ['nothing for a weak incident (weight < 10)', (n) => n.weight >= 10],
      ['nothing for a weak incident below a score of 4', (n) => n.weight >= 10 || n.score >= 4],
      ['nothing on position alone after the lede (score < 3)', (n) => n.evidence !== 'position' || n.score >= 3],
      ["only the article's first victim", (n) => n.order === 0],
    ];
    for (const [label, keep] of abstain) console.log(`  ${label}: ${figures(fr, named, (n) => shown(n) && keep(n))}`);
    if (listEach)
      for (const n of named)
        console.log(
          `    ${n.right ? 'right' : n.labelled ? 'wrong' : 'nolabel'} ${n.id} score ${n.score} conf ${n.confidence} ${n.evidence} weight ${n.weight.toFixed(1)} "${n.name}"`,
        );
  }
}
