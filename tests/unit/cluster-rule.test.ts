/**
 * The clustering rule (lib/worker/cluster/rule.ts) on small hand-written items: what joins, what stays apart,
 * and why. Feed items go through the engine (seed catalogue) as the sync reads them; the features of the
 * last tests are written by hand to isolate one part of the rule.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { prepareFeedItem } from '../../lib/worker/sync/ingest-items';
import { itemFeatures } from '../../lib/worker/cluster/features';
import {
  distinctiveWords,
  JOIN_SCORE,
  JOIN_SIMILARITY,
  sameEvent,
  similarity,
  type ItemFeatures,
  type Rarity,
} from '../../lib/worker/cluster/rule';
import type { FeedItem } from '../../lib/worker/sync/item';
import { NOW, item, BOEING_1, BOEING_2, ICBC, CITRIX_PATCH, CITRIX_EXPLOITED, CITRIX_EXPLOITED_2 } from '../support/feed-items';

let matcher: CompiledMatcher;
beforeAll(() => {
  matcher = compileMatcher(seedCatalogue());
});

function features(i: FeedItem): ItemFeatures {
  return itemFeatures(prepareFeedItem(i, matcher).article, NOW);
}

const T0 = Date.parse('2024-03-01T00:00:00Z');
function hand(f: Partial<ItemFeatures>): ItemFeatures {
  return { t: T0, victims: [], actors: [], anchors: [], words: [], extra: [], ...f };
}

describe('clustering rule: real-shaped items through the engine', () => {
  it('joins two publishers’ reports of one victim’s attack', () => {
    expect(sameEvent(features(BOEING_2), features(BOEING_1))).toBeGreaterThanOrEqual(JOIN_SCORE);
  });

  it('keeps two LockBit attacks on two different victims apart, whatever else they share', () => {
    const boeing = features(BOEING_1);
    const icbc = features(ICBC);
    expect(boeing.victims.map((v) => v.key)).toContain('organization:boeing');
    expect(icbc.victims.length).toBeGreaterThan(0);
    expect(sameEvent(icbc, boeing)).toBe(0);
    // Even told in the same words: the victims decide.
    const rarity: Rarity = { n: 1000, df: () => 1 };
    expect(sameEvent(icbc, boeing, rarity)).toBe(0);
  });

  it('keeps a vendor’s patch apart from the exploitation of that CVE, and joins the exploitation reports', () => {
    const patch = features(CITRIX_PATCH);
    const exploited = features(CITRIX_EXPLOITED);
    expect(patch.family).toBe('flaw');
    expect(exploited.family).toBe('attack');
    expect(sameEvent(exploited, patch)).toBe(0);
    expect(sameEvent(exploited, patch, { n: 1000, df: () => 1 })).toBe(0);
    expect(sameEvent(features(CITRIX_EXPLOITED_2), exploited)).toBeGreaterThanOrEqual(JOIN_SCORE);
  });

  it('keeps the same event apart when its reports are more than the window apart', () => {
    const late = item('securityweek.example', 'boeing-late', '2024-01-20T10:00:00Z', BOEING_2.title, BOEING_2.summary!);
    expect(sameEvent(features(late), features(BOEING_1))).toBe(0);
  });
});

describe('clustering rule: its parts, on hand-written features', () => {
  it('compares words by their stems, stop words out in every form', () => {
    expect(distinctiveWords('Cellebrite confirms breach')).toEqual(distinctiveWords('Cellebrite confirmed the breaches'));
    expect(distinctiveWords('Hackers attacked and leaked data')).toEqual([]);
  });

  it('counts a shared anchor that one headline names as headline-level evidence', () => {
    // "Charger" in one headline, in the other's text only; the store and the firm quoted by both.
    const anchors = ['malware:charger', 'vendor:check-point', 'product:google-play'];
    const names = { 'malware:charger': 'Charger', 'vendor:check-point': 'Check Point', 'product:google-play': 'Google Play' };
    const a = hand({ anchors, names, words: distinctiveWords('Charger mobile ransomware steals contacts') });
    const b = hand({ t: T0 + 86_400_000, anchors, names, words: distinctiveWords('Malware creeps into an app shop again') });
    expect(sameEvent(b, a)).toBeGreaterThanOrEqual(JOIN_SCORE);
    // The same entities named by neither headline: a topic shared, not an event.
    const c = hand({ ...a, words: distinctiveWords('Weekly roundup of Android threats') });
    expect(sameEvent(b, c)).toBe(0);
  });

  it('lets a cue-word hint of the kind veto only against a typed item', () => {
    const shared = { anchors: ['vulnerability:cve-2024-0001'], words: distinctiveWords('Fortinet FortiOS CVE-2024-0001') };
    const exploitedHint = hand({ ...shared, family: 'attack' });
    const patchedHint = hand({ ...shared, family: 'flaw' });
    const patchedTyped = hand({ ...shared, family: 'flaw', type: 'patch' });
    expect(sameEvent(exploitedHint, patchedHint)).toBeGreaterThan(0);
    expect(sameEvent(exploitedHint, patchedTyped)).toBe(0);
  });

  it('joins items told in the same rare words, not in the same common ones (rule 5)', () => {
    const a = hand({
      words: distinctiveWords('HR managers beware: ransomware could be your next job applicant'),
      extra: distinctiveWords('GoldenEye variant targets German speakers'),
    });
    const b = hand({
      words: distinctiveWords('Ransomware masquerades as CV'),
      extra: distinctiveWords('Fake job applications carry GoldenEye to German HR departments'),
    });
    // No entity, no word of both titles: rule 4 does not join them.
    expect(sameEvent(b, a)).toBe(0);
    const rare: Rarity = { n: 200, df: () => 2 };
    const common: Rarity = { n: 200, df: () => 150 };
    expect(similarity(a, b, rare)).toBeGreaterThanOrEqual(JOIN_SIMILARITY);
    expect(sameEvent(b, a, rare)).toBe(JOIN_SCORE);
    // Rarity decides: words every other story of the window has weigh little against the rest.
    const everywhere = new Set(distinctiveWords('job applicant GoldenEye German'));
    const mixed: Rarity = { n: 200, df: (k) => (everywhere.has(k) ? 150 : 2) };
    expect(similarity(a, b, mixed)).toBeLessThan(JOIN_SIMILARITY);
    expect(sameEvent(b, a, mixed)).toBe(0);
    expect(similarity(a, b, common)).toBeGreaterThan(0);
  });

  it('does not count words the summaries share towards rule 4: a headline word and a product are a topic', () => {
    const a = hand({
      anchors: ['product:outlook'],
      names: { 'product:outlook': 'Outlook' },
      words: distinctiveWords('Spies target Norway ministry'),
      extra: distinctiveWords('Analysts said the intrusion began with Outlook invitations resembling election interference operations'),
    });
    const b = hand({
      anchors: ['product:outlook'],
      names: { 'product:outlook': 'Outlook' },
      words: distinctiveWords('Norway police warn of tax refund scam'),
      extra: distinctiveWords('Analysts describe Outlook invitations, election interference operations and intrusion tooling'),
    });
    // "norway" in both headlines (1) and Outlook in both texts (1): 2. The summaries' shared words
    // (analysts, intrusion, invitations, election, interference, operations) add nothing to rule 4.
    expect(sameEvent(b, a)).toBe(0);
  });
});
