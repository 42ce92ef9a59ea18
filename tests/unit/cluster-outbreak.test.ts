/**
 * Outbreaks (lib/worker/cluster/rule.ts, outbreakPair): reports of one widespread attack with many
 * victims are one event whatever their victims, while two attacks by one ransomware gang stay two. Feed
 * items of real shape go through the engine (seed catalogue) as the sync reads them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { prepareFeedItem } from '../../lib/worker/sync/ingest-items';
import { itemFeatures } from '../../lib/worker/cluster/features';
import { Clusterer } from '../../lib/worker/cluster/assign';
import { distinctiveWords, outbreakPair, pairScore, saysOutbreak, type ItemFeatures } from '../../lib/worker/cluster/rule';
import type { FeedItem } from '../../lib/worker/sync/item';
import { item, BOEING_1, ICBC } from '../support/feed-items';

let matcher: CompiledMatcher;
beforeAll(() => {
  matcher = compileMatcher(seedCatalogue());
});

function features(i: FeedItem): ItemFeatures {
  return itemFeatures(prepareFeedItem(i, matcher).article, Date.parse(i.published!));
}

function cluster(items: FeedItem[]): string[] {
  const c = new Clusterer([]);
  return items.map((i) => c.add({ url: i.url, title: i.title, site: 'example.com', entityKeys: [], features: features(i) }));
}

// One outbreak told by three publishers from three of its victims, on two days.
const NHS = item(
  'bbc.example',
  'nhs-wannacry',
  '2017-05-12T18:00:00Z',
  'NHS hospitals turn patients away after WannaCry ransomware attack',
  'Hospitals of the NHS in England cancelled operations after the WannaCry ransomware locked their computers, in a global cyber-attack that is spreading fast.',
);
const TELEFONICA = item(
  'reuters.example',
  'telefonica-wannacry',
  '2017-05-12T20:00:00Z',
  'Telefonica among victims as WannaCry spreads to dozens of countries',
  'Spanish telecoms giant Telefonica said the WannaCry ransomware had hit computers on its internal network.',
);
const FEDEX = item(
  'theverge.example',
  'fedex-wannacry',
  '2017-05-13T09:00:00Z',
  'FedEx confirms WannaCry infection as worldwide attack grows',
  'FedEx said some of its Windows computers were infected by the WannaCry ransomware that has hit organisations in more than 100 countries.',
);
// A LockBit story that says the gang operates worldwide: that is no outbreak.
const LOCKBIT_WORLD = item(
  'securityweek.example',
  'lockbit-dental',
  '2023-11-12T09:00:00Z',
  'LockBit ransomware hits dental insurer Acme Dental',
  'Acme Dental said LockBit, a gang that has hit organisations around the world, encrypted its claims servers.',
);

describe('outbreaks: one widespread attack, many victims', () => {
  it('reads the cue words of a widespread attack, not of a gang that operates widely', () => {
    expect(saysOutbreak(NHS.summary!)).toBe(true);
    expect(saysOutbreak(TELEFONICA.title)).toBe(true);
    expect(saysOutbreak('infected organisations in more than 100 countries')).toBe(true);
    expect(saysOutbreak('A new wave of powerful cyberattacks hit Europe')).toBe(true);
    expect(saysOutbreak(LOCKBIT_WORLD.summary!)).toBe(false);
    expect(saysOutbreak(`${BOEING_1.title} ${BOEING_1.summary}`)).toBe(false);
    expect(saysOutbreak('A global bank was hit by LockBit ransomware')).toBe(false);
  });

  it('joins an outbreak’s reports though each names another victim', () => {
    const [nhs, telefonica, fedex] = [NHS, TELEFONICA, FEDEX].map(features);
    // Three victims, and the guard that keeps two victims apart would veto every pair of them...
    const victims = [nhs, telefonica, fedex].map((f) => f.victims.map((v) => v.key));
    expect(victims.every((v) => v.length > 0)).toBe(true);
    expect(new Set(victims.flat()).size).toBeGreaterThanOrEqual(3);
    // ...but they are one outbreak: WannaCry, widespread, within a day.
    expect(outbreakPair(telefonica, nhs)).toBe(true);
    expect(pairScore(fedex, telefonica, { n: 1000, df: () => 500 })).toBeGreaterThan(0);
    const ids = cluster([NHS, TELEFONICA, FEDEX]);
    expect(new Set(ids).size).toBe(1);
  });

  it('keeps two LockBit victims apart, even when one report says the gang hits organisations worldwide', () => {
    const [boeing, icbc, dental] = [BOEING_1, ICBC, LOCKBIT_WORLD].map(features);
    expect(outbreakPair(icbc, boeing)).toBe(false);
    expect(outbreakPair(dental, icbc)).toBe(false);
    expect(pairScore(dental, icbc, { n: 1000, df: () => 1 })).toBe(0);
    const ids = cluster([BOEING_1, ICBC, LOCKBIT_WORLD]);
    expect(new Set(ids).size).toBe(3);
  });

  it('joins a fix published after the outbreak began to it; a patch before it stays its own event', () => {
    const nhs = features(NHS);
    expect(nhs.family).toBe('attack');
    // The vendor's patch, as the engine would type it, naming the malware and its spread.
    const patch = (published: string): ItemFeatures => ({
      t: Date.parse(published),
      type: 'patch',
      family: 'flaw',
      outbreak: true,
      victims: [],
      actors: [],
      anchors: ['malware:wannacry', 'vendor:microsoft', 'product:windows-xp'],
      words: distinctiveWords('Microsoft patches Windows XP against WannaCry'),
      extra: distinctiveWords('An emergency security update for Windows XP to stop the ransomware spreading worldwide'),
    });
    const rarity = { n: 1000, df: () => 500 };
    expect(pairScore(patch('2017-05-13T06:00:00Z'), nhs, rarity)).toBeGreaterThan(0);
    expect(pairScore(patch('2017-05-11T06:00:00Z'), nhs, rarity)).toBe(0);
  });

  it('keeps an outbreak’s reports apart once they are more than a week apart', () => {
    const late = item(
      'bbc.example',
      'late',
      '2017-05-22T09:00:00Z',
      'Hospital counts the cost of WannaCry outbreak',
      'A hospital trust said the WannaCry outbreak cost it £1m.',
    );
    expect(outbreakPair(features(late), features(NHS))).toBe(false);
  });
});
