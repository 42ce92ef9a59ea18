/**
 * An item that reports no incident (a denial, a hypothetical, a commentary) is still about the
 * organisations its headline names (lib/worker/cluster/features.ts's headlineSubjects): they count as its
 * victims in the evidence two items share, never in a guard (lib/worker/cluster/rule.ts).
 */
import { describe, expect, it } from 'vitest';
import { itemFeatures } from '../../lib/worker/cluster/features';
import { bagOf, distinctiveWords, pairScore, similarity, TUNED, type ItemFeatures, type Rarity } from '../../lib/worker/cluster/rule';
import type { AnalysedArticle } from '../../lib/shared/analysis/protocol';
import type { Incident } from '../../lib/shared/types';

const T0 = Date.parse('2024-03-01T00:00:00Z');
const HOUR = 3_600_000;
const CIA = { key: 'organization:cia', name: 'CIA' };

function hand(f: Partial<ItemFeatures>): ItemFeatures {
  return { t: T0, victims: [], actors: [], anchors: [], words: [], extra: [], ...f };
}

function rarityOf(items: ItemFeatures[]): Rarity {
  const df = new Map<string, number>();
  for (const f of items) for (const k of bagOf(f).keys()) df.set(k, (df.get(k) ?? 0) + 1);
  return { n: items.length, df: (k) => df.get(k) ?? 0 };
}

/** An analysed article whose text is its title, a blank line and its summary, with entities at their offsets. */
function article(title: string, summary: string, names: { name: string; key: string }[], incidents: Incident[] = []) {
  const text = `${title}\n\n${summary}`;
  const entities: AnalysedArticle['entities'] = [];
  for (const { name, key } of names)
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1))
      entities.push({ key, name, type: key.slice(0, key.indexOf(':')) as never, start: at, end: at + name.length });
  return { title, summary, published: new Date(T0).toISOString(), entities, incidents };
}

describe('an item without an incident: its headline’s organisations as its subject', () => {
  const names = [CIA, { key: 'organization:wikileaks', name: 'WikiLeaks' }, { key: 'product:tor', name: 'Tor' }];

  it('takes the organisations of the headline only, and only when the engine read no incident', () => {
    const denial = article(
      'Expert: Haven’t Seen CIA Hacking Tools for Sale on Tor',
      'Julian Assange claimed WikiLeaks’ release showed the tools were lost.',
      names,
    );
    expect(itemFeatures(denial, T0).subjects).toEqual([CIA]);
    // An item that reports an incident has its victims: no subject.
    const incident: Incident = { type: 'data-breach', summary: 'Data breach', confidence: 0.8, spans: [] };
    expect(itemFeatures({ ...denial, incidents: [incident] }, T0).subjects).toBeUndefined();
    // Entities without offsets (rows stored by older versions) give none.
    const stored = { ...denial, entities: denial.entities.map((e) => ({ ...e, start: 0, end: 0 })) };
    expect(itemFeatures(stored, T0).subjects).toBeUndefined();
  });

  it('weighs a subject as a victim in the evidence: the same victim 3 points, not the organisation’s 2', () => {
    const leak = hand({
      type: 'data-breach',
      family: 'attack',
      victims: [CIA],
      anchors: [CIA.key],
      words: distinctiveWords('WikiLeaks publishes CIA hacking tools'),
    });
    const denial = hand({ t: T0 + HOUR, anchors: [CIA.key], words: distinctiveWords('Expert has not seen CIA tools on black market') });
    const withSubject = hand({ ...denial, subjects: [CIA] });
    const rarity = rarityOf([leak, denial]);
    const evidence = (x: ItemFeatures) => pairScore(x, leak, rarity) - similarity(x, leak, rarity);
    expect(evidence(withSubject)).toBeCloseTo(evidence(denial) + TUNED.evidence, 9);
    // Two items without incidents whose headlines name one organisation meet as victims do too.
    const other = hand({ t: T0 + 2 * HOUR, subjects: [CIA], anchors: [CIA.key], words: distinctiveWords('Spy agency CIA warns on dump') });
    const bare = hand({ ...other, subjects: undefined });
    const evidenceTo = (x: ItemFeatures) => pairScore(x, withSubject, rarity) - similarity(x, withSubject, rarity);
    expect(evidenceTo(other)).toBeCloseTo(evidenceTo(bare) + TUNED.evidence, 9);
  });

  it('lets no subject veto a pair: two different organisations headlined are no victims guard', () => {
    const acme = { key: 'organization:acme', name: 'Acme' };
    const globex = { key: 'organization:globex', name: 'Globex' };
    const words = ['lockbit', 'leak', 'site'];
    const attack = hand({ type: 'ransomware', family: 'attack', victims: [acme], anchors: [acme.key], words });
    const commentary = hand({ t: T0 + HOUR, subjects: [globex], anchors: [globex.key], words });
    const victim = hand({ ...commentary, type: 'ransomware', family: 'attack', subjects: undefined, victims: [globex] });
    const rarity: Rarity = { n: 1000, df: () => 1 };
    expect(pairScore(commentary, attack, rarity)).toBeGreaterThan(0);
    expect(pairScore(victim, attack, rarity)).toBe(0);
  });
});
