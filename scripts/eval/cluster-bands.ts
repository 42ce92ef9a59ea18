/**
 * Where the clustering rule's pair score separates one event's reports from other stories, on the tuning
 * halves only (`scripts/eval/clusters.ts --bands`): every candidate pair (the two share a match key, as
 * the Clusterer finds candidates, and no guard vetoes them), counted by score band as same-event or not,
 * and within each band by how far apart the two were published and whether one site wrote both. A band
 * just below JOIN with many same-event pairs and few others is recall a new kind of evidence could win;
 * a part of the pair that splits a band (the day gap, the site) is that kind of evidence.
 */
import { matchKeys, outbreakPair, scoreParts, TUNED, vetoOf } from '../../lib/worker/cluster/rule';
import { siteOf } from '../../lib/shared/sites';
import { rarityBefore, type ReadHalf } from './clusters';

const DAY = 86_400_000;
const BANDS = [0, 0.2, 0.3, 0.35, 0.4, 0.43, 0.46, 0.5, 0.6, 0.8, Infinity];
/** Day gaps: one news cycle, the rest of a week, the rest of the window. */
const GAPS = [1.5, 6.5, Infinity];

export interface BandPair {
  score: number;
  same: boolean;
  days: number;
  sameSite: boolean;
}

/** The candidate pairs of a half that no guard vetoes, each with its score (outbreak included) and parts. */
export function candidatePairs(h: ReadHalf): BandPair[] {
  const fs = h.features;
  const out: BandPair[] = [];
  for (let j = 0; j < fs.length; j++) {
    const rarity = rarityBefore(fs, j);
    const keys = new Set(matchKeys(fs[j]));
    for (let i = 0; i < j; i++) {
      if (!matchKeys(fs[i]).some((k) => keys.has(k)) || vetoOf(fs[j], fs[i])) continue;
      const p = scoreParts(fs[j], fs[i], rarity);
      out.push({
        score: p.cosine + p.evidence + (outbreakPair(fs[j], fs[i]) ? TUNED.join : 0),
        same: h.events[i] === h.events[j],
        days: (fs[j].t - fs[i].t) / DAY,
        sameSite: siteOf(h.items[i].url) === siteOf(h.items[j].url),
      });
    }
  }
  return out;
}

/** "same/other" of some pairs. */
const count = (ps: BandPair[]) => `${ps.filter((p) => p.same).length}/${ps.filter((p) => !p.same).length}`;

/** The table, one line a band, logged. */
export function showBands(halves: readonly ReadHalf[], log: (line: string) => void = console.log): void {
  const pairs = halves.flatMap(candidatePairs);
  log(`candidate pairs of ${halves.map((h) => h.split).join(' ')} that no guard vetoes, same-event/other (JOIN ${TUNED.join}):`);
  log(`score band   all      ${GAPS.map((g) => `≤${g === Infinity ? 'window' : `${g} days`}`.padEnd(12)).join('')}same site`);
  for (let b = 0; b + 1 < BANDS.length; b++) {
    const inBand = pairs.filter((p) => p.score >= BANDS[b] && p.score < BANDS[b + 1]);
    const gaps = GAPS.map((g, i) => inBand.filter((p) => p.days <= g && (i === 0 || p.days > GAPS[i - 1])));
    const band = `${BANDS[b]}–${BANDS[b + 1] === Infinity ? '' : BANDS[b + 1]}`;
    log(
      `${band.padEnd(12)} ${count(inBand).padEnd(8)} ${gaps.map((g) => count(g).padEnd(12)).join('')}${count(inBand.filter((p) => p.sameSite))}`,
    );
  }
  log(`all          ${count(pairs).padEnd(8)} same site ${count(pairs.filter((p) => p.sameSite))}`);
}
