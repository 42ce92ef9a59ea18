/**
 * The clustering eval's band table (scripts/eval/cluster-bands.ts): which pairs of a half it counts, and
 * how it tells their day gap and site.
 */
import { describe, expect, it } from 'vitest';
import { candidatePairs, showBands } from '../../scripts/eval/cluster-bands';
import type { ReadHalf } from '../../scripts/eval/clusters';
import type { ItemFeatures } from '../../lib/worker/cluster/rule';

const T0 = Date.parse('2024-03-01T12:00:00Z');
const DAY = 86_400_000;
function hand(f: Partial<ItemFeatures>): ItemFeatures {
  return { t: T0, victims: [], actors: [], anchors: [], words: [], extra: [], ...f };
}
const victim = (name: string) => ({ key: `organization:${name.toLowerCase()}`, name });

/** A half of four items: two reports of Acme's breach, a third site's on Globex, and an unrelated story. */
function half(): ReadHalf {
  const acme = victim('Acme');
  const globex = victim('Globex');
  return {
    split: 'tune',
    items: ['https://www.a.example/1', 'https://b.example/2', 'https://a.example/3', 'https://c.example/4'].map((url) => ({
      sourceId: 'feed:x',
      url,
      title: url,
    })),
    events: ['acme', 'acme', 'globex', 'other'],
    features: [
      hand({ victims: [acme], anchors: [acme.key], words: ['acme', 'breach'] }),
      hand({ t: T0 + DAY, victims: [acme], anchors: [acme.key], words: ['acme', 'confirm'] }),
      // Another victim, one word in common with both: the victims guard vetoes it.
      hand({ t: T0 + 3 * DAY, victims: [globex], anchors: [globex.key], words: ['globex', 'acme'] }),
      // Nothing in common with the others: no candidate.
      hand({ t: T0 + 4 * DAY, words: ['weather'] }),
    ],
  };
}

describe('cluster bands', () => {
  it('counts the pairs that share a match key and no guard vetoes, with their day gap and site', () => {
    const pairs = candidatePairs(half());
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ same: true, days: 1, sameSite: false });
    expect(pairs[0].score).toBeGreaterThan(0);
  });

  it('tells one site under "www." and without it as one', () => {
    const h = half();
    // The third item on another victim's story, from the first's site: no longer vetoed once its victim is Acme's.
    h.features[2] = hand({ t: T0 + 3 * DAY, victims: [victim('Acme')], anchors: ['organization:acme'], words: ['acme'] });
    const pairs = candidatePairs(h);
    expect(pairs.map((p) => p.sameSite)).toEqual([false, true, false]);
    const lines: string[] = [];
    showBands([h], (l) => lines.push(l));
    expect(lines.at(-1)).toMatch(/^all\s+1\/2\s+same site 0\/1$/);
  });
});
