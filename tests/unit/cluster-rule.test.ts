/**
 * The clustering rule (lib/worker/cluster/rule.ts) and the incremental clusterer (assign.ts) on small
 * items: what joins, what stays apart, and why. Feed items go through the engine (seed catalogue) as the
 * sync reads them; the features of the later tests are written by hand to isolate one part of the rule.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { prepareFeedItem } from '../../lib/worker/sync/ingest-items';
import { itemFeatures } from '../../lib/worker/cluster/features';
import { Clusterer } from '../../lib/worker/cluster/assign';
import {
  bagOf,
  clusterScore,
  distinctiveWords,
  familyOf,
  TUNED,
  pairScore,
  similarity,
  vetoOf,
  type ItemFeatures,
  type Rarity,
} from '../../lib/worker/cluster/rule';
import type { ClusterMember } from '../../lib/worker/cluster/summarise';
import type { FeedItem } from '../../lib/worker/sync/item';
import { NOW, item, BOEING_1, BOEING_2, ICBC, CITRIX_PATCH, CITRIX_EXPLOITED, CITRIX_EXPLOITED_2 } from '../support/feed-items';

let matcher: CompiledMatcher;
beforeAll(() => {
  matcher = compileMatcher(seedCatalogue());
});

function features(i: FeedItem): ItemFeatures {
  return itemFeatures(prepareFeedItem(i, matcher).article, NOW);
}

/** The rarity clustering would see with these items in its window (and nothing else). */
function rarityOf(items: ItemFeatures[]): Rarity {
  const df = new Map<string, number>();
  for (const f of items) for (const k of bagOf(f).keys()) df.set(k, (df.get(k) ?? 0) + 1);
  return { n: items.length, df: (k) => df.get(k) ?? 0 };
}

const T0 = Date.parse('2024-03-01T00:00:00Z');
const HOUR = 3_600_000;
function hand(f: Partial<ItemFeatures>): ItemFeatures {
  return { t: T0, victims: [], actors: [], anchors: [], words: [], extra: [], ...f };
}
function member(url: string, f: ItemFeatures, clusterId?: string): ClusterMember {
  const m: ClusterMember = { url, title: url, site: 'example.com', entityKeys: [], features: f };
  if (clusterId) m.clusterId = clusterId;
  return m;
}

describe('clustering rule: real-shaped items through the engine', () => {
  it('joins two publishers’ reports of one victim’s attack', () => {
    const a = features(BOEING_1);
    const b = features(BOEING_2);
    const rarity = rarityOf([a, b, features(ICBC), features(CITRIX_PATCH), features(CITRIX_EXPLOITED)]);
    expect(pairScore(b, a, rarity)).toBeGreaterThanOrEqual(TUNED.join);
  });

  it('keeps two LockBit attacks on two different victims apart, whatever else they share', () => {
    const boeing = features(BOEING_1);
    const icbc = features(ICBC);
    expect(boeing.victims.map((v) => v.key)).toContain('organization:boeing');
    expect(icbc.victims.length).toBeGreaterThan(0);
    // Even were every word of theirs the rarest there is: the victims decide.
    expect(pairScore(icbc, boeing, { n: 1000, df: () => 1 })).toBe(0);
    // And through the clusterer: a second report of Boeing's joins Boeing's cluster, ICBC starts its own.
    const c = new Clusterer([]);
    const first = c.add(member(BOEING_1.url, boeing));
    expect(c.add(member(BOEING_2.url, features(BOEING_2)))).toBe(first);
    expect(c.add(member(ICBC.url, icbc))).not.toBe(first);
  });

  it('keeps a vendor’s patch apart from the exploitation of that CVE, and joins the exploitation reports', () => {
    const patch = features(CITRIX_PATCH);
    const exploited = features(CITRIX_EXPLOITED);
    const exploited2 = features(CITRIX_EXPLOITED_2);
    expect(patch.family).toBe('flaw');
    expect(exploited.family).toBe('attack');
    expect(pairScore(exploited, patch, { n: 1000, df: () => 1 })).toBe(0);
    const rarity = rarityOf([patch, exploited, exploited2, features(BOEING_1), features(ICBC)]);
    expect(pairScore(exploited2, exploited, rarity)).toBeGreaterThanOrEqual(TUNED.join);
    const c = new Clusterer([]);
    const patched = c.add(member(CITRIX_PATCH.url, patch));
    const wave = c.add(member(CITRIX_EXPLOITED.url, exploited));
    expect(wave).not.toBe(patched);
    expect(c.add(member(CITRIX_EXPLOITED_2.url, exploited2))).toBe(wave);
  });

  it('keeps the same event apart when its reports are more than the window apart', () => {
    const late = item('securityweek.example', 'boeing-late', '2024-01-20T10:00:00Z', BOEING_2.title, BOEING_2.summary!);
    expect(pairScore(features(late), features(BOEING_1), { n: 1000, df: () => 1 })).toBe(0);
  });
});

describe('clustering rule: its parts, on hand-written features', () => {
  it('compares words by their stems, stop words out in every form', () => {
    expect(distinctiveWords('Cellebrite confirms breach')).toEqual(distinctiveWords('Cellebrite confirmed the breaches'));
    expect(distinctiveWords('Hackers attacked and leaked data')).toEqual([]);
    // Forms that are not stop words as written, only once stemmed ("warnings", "alerting"), also in a dotted name.
    expect(distinctiveWords('Warnings alerting Cellebrite')).toEqual(['cellebrit']);
    expect(distinctiveWords('warnings.cellebrite')).toEqual(['cellebrit', 'warnings.cellebrit']);
  });

  it('adds the entity evidence two items share to their cosine, a point at a time', () => {
    // "Charger" in one headline, in the other's text only; the store and the firm quoted by both.
    const anchors = ['malware:charger', 'vendor:check-point', 'product:google-play'];
    const names = { 'malware:charger': 'Charger', 'vendor:check-point': 'Check Point', 'product:google-play': 'Google Play' };
    const a = hand({ anchors, names, words: distinctiveWords('Charger mobile ransomware steals contacts') });
    const b = hand({ t: T0 + 86_400_000, anchors, names, words: distinctiveWords('Malware creeps into an app shop again') });
    // Malware 2 points, vendor 1, product 1, whichever headline names them.
    const rarity = rarityOf([a, b]);
    expect(pairScore(b, a, rarity)).toBeCloseTo(similarity(b, a, rarity) + 4 * TUNED.evidence, 9);
    // Without the malware (neither as an entity nor in the headline): two points less.
    const c = hand({ ...a, anchors: anchors.slice(1), words: distinctiveWords('Mobile ransomware steals contacts') });
    const withC = rarityOf([c, b]);
    expect(pairScore(b, c, withC)).toBeCloseTo(similarity(b, c, withC) + 2 * TUNED.evidence, 9);
  });

  it('takes a vendor or product both flaw stories name for their topic, not their event', () => {
    const anchors = ['vendor:microsoft', 'product:microsoft-windows'];
    const names = { 'vendor:microsoft': 'Microsoft', 'product:microsoft-windows': 'Windows' };
    const flaw = { type: 'patch' as const, family: 'flaw' as const, anchors, names };
    const defender = hand({ ...flaw, words: distinctiveWords('Microsoft patches critical Windows Defender flaw') });
    const meltdown = hand({ ...flaw, t: T0 + 86_400_000, words: distinctiveWords('Microsoft rushes Windows 7 Meltdown fix') });
    const rarity = rarityOf([defender, meltdown]);
    // Both headlines name Microsoft and Windows: two of the month's fixes. The vendor and the product
    // count their points (1 each), the words of their names in both titles none.
    const topic = pairScore(meltdown, defender, rarity) - similarity(meltdown, defender, rarity);
    expect(topic).toBeCloseTo(2 * TUNED.evidence, 9);
    // Two attacks whose headlines name the product they hit: the words of both titles count too.
    const attack = { type: 'ransomware' as const, family: 'attack' as const };
    const x = hand({ ...defender, ...attack });
    const y = hand({ ...meltdown, ...attack });
    expect(pairScore(y, x, rarity) - similarity(y, x, rarity)).toBeGreaterThan(topic + TUNED.evidence);
  });

  it('counts no shared entity when the two texts have hardly a word in common', () => {
    // Two cities' ransomware, each story naming the same gang and agencies in its long text.
    const anchors = ['malware:samsam', 'organization:fbi', 'organization:dhs'];
    const names = { 'malware:samsam': 'SamSam', 'organization:fbi': 'FBI', 'organization:dhs': 'DHS' };
    const atlanta = hand({
      anchors,
      names,
      words: distinctiveWords('SamSam shuts Atlanta courts and bill payments'),
      extra: distinctiveWords('city officials auditor weapologize imsorry extensions desktop icons'),
    });
    const baltimore = hand({
      t: T0 + 86_400_000,
      anchors,
      names,
      words: distinctiveWords('SamSam hits Baltimore 911 dispatch'),
      extra: distinctiveWords('mayor emergency calls manual mode weekend outage radio operators'),
    });
    // The gang and the agencies are in every story of the month: they weigh little in the cosine.
    const rarity: Rarity = { n: 40, df: (k) => (anchors.includes(k) || k === 'samsam' ? 30 : 1) };
    expect(similarity(baltimore, atlanta, rarity)).toBeLessThan(0.1);
    expect(pairScore(baltimore, atlanta, rarity)).toBe(similarity(baltimore, atlanta, rarity));
    // The same entities with the story's own words shared: the evidence counts.
    const followUp = hand({ ...baltimore, extra: distinctiveWords('city officials auditor weapologize imsorry extensions') });
    expect(similarity(followUp, atlanta, rarity)).toBeGreaterThanOrEqual(0.1);
    expect(pairScore(followUp, atlanta, rarity)).toBeGreaterThan(similarity(followUp, atlanta, rarity));
  });

  it('lets a cue-word hint of the kind veto only against a typed item', () => {
    const shared = { anchors: ['vulnerability:cve-2024-0001'], words: distinctiveWords('Fortinet FortiOS CVE-2024-0001') };
    const exploitedHint = hand({ ...shared, family: 'attack' });
    const patchedHint = hand({ ...shared, family: 'flaw' });
    const patchedTyped = hand({ ...shared, family: 'flaw', type: 'patch' });
    const rarity = rarityOf([exploitedHint, patchedHint]);
    expect(pairScore(exploitedHint, patchedHint, rarity)).toBeGreaterThanOrEqual(TUNED.join);
    expect(pairScore(exploitedHint, patchedTyped, rarity)).toBe(0);
  });

  it('counts an anchor of one that the other’s text spells out, though the engine did not find it there', () => {
    const names = { 'organization:kettell-video-productions': 'Kettell Video Productions' };
    const found = hand({
      anchors: ['organization:kettell-video-productions'],
      names,
      words: distinctiveWords('Warwick business owner warns after blackmail'),
      extra: distinctiveWords('Kettell Video Productions was held to ransom'),
    });
    const spelled = hand({
      t: T0 + HOUR,
      words: distinctiveWords('Warwick boss warns of cybercrime threat'),
      extra: distinctiveWords('Stuart Kettell, owner of Kettell Video Productions, was held to ransom'),
    });
    const unrelated = hand({ ...spelled, extra: distinctiveWords('Stuart Smith, owner of a video shop, was held to ransom') });
    const rarity = rarityOf([found, spelled, unrelated]);
    // Both headlines say "Warwick": evidence for both; the spelled-out name is more.
    const evidence = (x: ItemFeatures) => pairScore(x, found, rarity) - similarity(x, found, rarity);
    expect(evidence(unrelated)).toBeGreaterThan(0);
    expect(evidence(spelled)).toBeGreaterThan(evidence(unrelated));
  });

  it('counts a gang typed as the actor in one text and as the malware in the other as shared', () => {
    // Read with their whole texts the two names come from the content, not the title or summary: nothing is spelled out.
    const gang = hand({ anchors: ['actor:lockbit'], words: distinctiveWords('Gang claims attack on Acme Dental') });
    const malware = hand({ t: T0 + HOUR, anchors: ['malware:lockbit'], words: distinctiveWords('Acme Dental confirms attack') });
    const other = hand({ t: T0 + HOUR, anchors: ['malware:clop'], words: distinctiveWords('Acme Dental confirms attack') });
    const rarity = rarityOf([gang, malware, other]);
    const evidence = (x: ItemFeatures) => pairScore(x, gang, rarity) - similarity(x, gang, rarity);
    expect(evidence(malware)).toBeCloseTo(evidence(other) + 2 * TUNED.evidence);
  });

  it('counts a name typed as the vendor in one text and the product in the other, or with its legal form, as shared once', () => {
    const words = distinctiveWords('Printer flaw lets attackers in');
    const vendor = hand({ anchors: ['vendor:samba', 'organization:sabre-corp'], words });
    const product = hand({ t: T0 + HOUR, anchors: ['product:samba'], words });
    const both = hand({ t: T0 + HOUR, anchors: ['product:samba', 'vendor:samba'], words });
    const sabre = hand({ t: T0 + HOUR, anchors: ['organization:sabre'], words });
    const neither = hand({ t: T0 + HOUR, anchors: ['product:sambar', 'organization:sabrex'], words });
    const rarity = rarityOf([vendor, product, both, sabre, neither]);
    const evidence = (x: ItemFeatures) => pairScore(x, vendor, rarity) - similarity(x, vendor, rarity);
    const base = evidence(neither);
    expect(evidence(product)).toBeCloseTo(base + TUNED.evidence);
    // vendor:samba is shared by its key: product:samba, the same name, adds nothing more.
    expect(evidence(both)).toBeCloseTo(base + TUNED.evidence);
    expect(evidence(sabre)).toBeCloseTo(base + 2 * TUNED.evidence);
  });

  it('lets no victim veto an item whose text spells it out', () => {
    const acme = hand({ victims: [{ key: 'organization:acme-dental', name: 'Acme Dental' }], words: ['acme', 'dental', 'lockbit'] });
    const names = (extra: string) =>
      hand({
        t: T0 + HOUR,
        victims: [{ key: 'organization:holidaymakers', name: 'Holidaymakers' }],
        words: ['lockbit', 'claim'],
        extra: distinctiveWords(extra),
      });
    const rarity: Rarity = { n: 1000, df: () => 1 };
    expect(pairScore(names('The gang listed Acme Dental on its leak site'), acme, rarity)).toBeGreaterThan(0);
    expect(pairScore(names('The gang listed a travel firm on its leak site'), acme, rarity)).toBe(0);
  });

  it('knows a victim by the words of its name that are not everyday English: Bank or City says what kind, not which', () => {
    const victim = (key: string, name: string, t = T0) => hand({ t, victims: [{ key, name }], words: ['ransomwar'] });
    const lloydsBank = victim('organization:lloyds-bank', 'Lloyds Bank');
    const later = (key: string, name: string) => victim(key, name, T0 + HOUR);
    expect(vetoOf(later('organization:barclays-bank', 'Barclays Bank'), lloydsBank)).toBe('victims');
    expect(vetoOf(later('organization:lloyds', 'Lloyds'), lloydsBank)).toBeUndefined();
    const atlanta = victim('organization:city-of-atlanta', 'City of Atlanta');
    expect(vetoOf(later('organization:city-of-baltimore', 'City of Baltimore'), atlanta)).toBe('victims');
    expect(vetoOf(later('organization:atlanta', 'Atlanta'), atlanta)).toBeUndefined();
    // A name of everyday words only is known by all of them.
    const office = victim('organization:foreign-office', 'Foreign Office');
    expect(vetoOf(later('organization:uk-foreign-office', 'UK Foreign Office'), office)).toBeUndefined();
  });

  it('reads the engine’s unspecified type (cyberattack) as a hint of the kind, not a kind', () => {
    expect(familyOf('cyberattack', 'Microsoft fixes the security gaps the Shadow Brokers leak revealed')).toBe('flaw');
    // Of an attack, only a fix says it is about a flaw: a disclosed attack is an attack.
    expect(familyOf('cyberattack', 'Shadow Brokers dump NSA tools online')).toBe('attack');
    expect(familyOf('cyberattack', 'The ICC disclosed a cyberattack on its networks')).toBe('attack');
    expect(familyOf(undefined, 'The vendor disclosed the flaw')).toBe('flaw');
    expect(familyOf('ransomware', 'Microsoft fixes the security gaps')).toBe('attack');
    const shared = { anchors: ['actor:shadow-brokers'], words: distinctiveWords('Microsoft Shadow Brokers exploits') };
    const patch = hand({ ...shared, type: 'patch', family: 'flaw' });
    // The unspecified type, its family read from its words: "fix" is a flaw's.
    const text = 'Microsoft fixes the security gaps the Shadow Brokers leak revealed';
    const unspecified = hand({ ...shared, t: T0 + HOUR, type: 'cyberattack', family: familyOf('cyberattack', text) });
    const breach = hand({ ...shared, t: T0 + HOUR, type: 'data-breach', family: 'attack' });
    const rarity = rarityOf([patch, unspecified, breach]);
    expect(pairScore(unspecified, patch, rarity)).toBeGreaterThanOrEqual(TUNED.join);
    expect(pairScore(breach, patch, rarity)).toBe(0);
  });

  it('keeps two different CVEs apart, whatever else they share', () => {
    const words = distinctiveWords('Critical Ivanti Connect Secure flaw');
    const a = hand({ anchors: ['vulnerability:cve-2024-0001', 'vendor:ivanti'], words });
    const b = hand({ anchors: ['vulnerability:cve-2024-0002', 'vendor:ivanti'], words });
    const c = hand({ anchors: ['vulnerability:cve-2024-0002', 'vulnerability:cve-2024-0001', 'vendor:ivanti'], words });
    const rarity: Rarity = { n: 1000, df: () => 1 };
    expect(pairScore(a, b, rarity)).toBe(0);
    expect(pairScore(c, b, rarity)).toBeGreaterThanOrEqual(TUNED.join);
  });

  it('weighs words by their rarity among the items held, everyday words smoothed', () => {
    const a = hand({
      words: distinctiveWords('HR managers beware: ransomware could be your next job applicant'),
      extra: distinctiveWords('GoldenEye variant targets German speakers'),
    });
    const b = hand({
      words: distinctiveWords('Ransomware masquerades as CV'),
      extra: distinctiveWords('Fake job applications carry GoldenEye to German HR departments'),
    });
    // No entity, no word of both titles: the score is the cosine of their words, rare ones weighing most.
    const rare = pairScore(b, a, { n: 200, df: () => 2 });
    expect(rare).toBe(similarity(b, a, { n: 200, df: () => 2 }));
    expect(rare).toBeGreaterThan(0.3);
    // Rarity decides: words every other story of the window has weigh little against the rest.
    const everywhere = new Set(distinctiveWords('job applicant GoldenEye German'));
    expect(pairScore(b, a, { n: 200, df: (k) => (everywhere.has(k) ? 150 : 2) })).toBeLessThan(rare / 2);
    // With the ransomware both name as an entity (2 points), the two are one event.
    const g = { anchors: ['malware:goldeneye'], names: { 'malware:goldeneye': 'GoldenEye' } };
    expect(pairScore(hand({ ...b, ...g }), hand({ ...a, ...g }), { n: 200, df: () => 2 })).toBeGreaterThanOrEqual(TUNED.join);
    // An everyday English word ("card") weighs less than a name ("topps") seen as often.
    const card = hand({ words: ['card', 'topps'] });
    const cardOnly = hand({ words: ['card'] });
    const toppsOnly = hand({ words: ['topps'] });
    const rarity: Rarity = { n: 10, df: () => 2 };
    expect(similarity(cardOnly, card, rarity)).toBeLessThan(similarity(toppsOnly, card, rarity));
  });
});

describe('clusterer: an item joins a cluster, not one item of it', () => {
  // Event 1: Cloudflare's leak, told three times; the third also names two of its customers. Event 2:
  // those customers' password resets, a week of other news, sharing words with the third report only.
  const a1 = hand({ t: T0, words: ['cloudflar', 'cloudbleed', 'postmortem'], extra: ['parser', 'prince'] });
  const a2 = hand({ t: T0 + HOUR, words: ['cloudbleed', 'cloudflar', 'review'], extra: ['parser', 'prince', 'audit'] });
  const b = hand({ t: T0 + 2 * HOUR, words: ['cloudbleed', 'cloudflar', 'uber', 'fitbit'], extra: ['parser', 'customer'] });
  const c = hand({ t: T0 + 3 * HOUR, words: ['uber', 'fitbit', 'reset'], extra: ['customer', 'forced'] });

  it('does not weld a chain A~B~C when C resembles only B', () => {
    const cl = new Clusterer([]);
    const id = cl.add(member('a1', a1));
    expect(cl.add(member('a2', a2))).toBe(id);
    expect(cl.add(member('b', b))).toBe(id);
    // C and B alone would be one event by their score...
    expect(pairScore(c, b, rarityOf([a1, a2, b, c]))).toBeGreaterThanOrEqual(TUNED.join);
    // ...but the cluster has three members in the window and C resembles one: it starts its own.
    expect(cl.add(member('c', c))).not.toBe(id);
  });

  it('lets a close likeness to one member make up for a weaker one to a second', () => {
    // One bank's breach told three times; the fourth report retells the first closely, the second loosely.
    const m1 = hand({ t: T0, words: ['bancor', 'swift', 'heist', 'dhaka'], extra: ['transfer', 'governor'] });
    const m2 = hand({ t: T0 + HOUR, words: ['bancor', 'swift', 'inquiri'], extra: ['parliament', 'governor'] });
    const m3 = hand({ t: T0 + 2 * HOUR, words: ['bancor', 'swift', 'resign'], extra: ['parliament'] });
    const f = hand({ t: T0 + 3 * HOUR, words: ['bancor', 'heist', 'dhaka', 'transfer'], extra: ['governor'] });
    const rarity = rarityOf([m1, m2, m3, f]);
    const s = [m1, m2, m3].map((m) => pairScore(f, m, rarity)).sort((x, y) => y - x);
    const none = { victims: [], anchors: new Set<string>() };
    expect(clusterScore(f, [m1, m2, m3], none, rarity)).toBeCloseTo((s[0] + s[1]) / 2, 9);
    // The second-best alone is short of JOIN; with the best it is not: the report joins.
    expect(s[1]).toBeLessThan(TUNED.join);
    const cl = new Clusterer([]);
    const id = cl.add(member('m1', m1));
    expect(cl.add(member('m2', m2))).toBe(id);
    expect(cl.add(member('m3', m3))).toBe(id);
    expect(cl.add(member('f', f))).toBe(id);
  });

  it('does not weld two victims through an item that names neither', () => {
    const victim = (key: string, name: string) => [{ key, name }];
    const x = hand({
      t: T0,
      victims: victim('organization:acme', 'Acme'),
      anchors: ['organization:acme', 'malware:lockbit'],
      words: ['lockbit', 'acme'],
    });
    const bridge = hand({ t: T0 + HOUR, anchors: ['malware:lockbit'], words: ['lockbit', 'leak', 'acme'] });
    const y = hand({
      t: T0 + 2 * HOUR,
      victims: victim('organization:globex', 'Globex'),
      anchors: ['organization:globex', 'malware:lockbit'],
      words: ['lockbit', 'leak'],
    });
    const cl = new Clusterer([]);
    const id = cl.add(member('x', x));
    expect(cl.add(member('bridge', bridge))).toBe(id);
    expect(pairScore(y, bridge, rarityOf([x, bridge, y]))).toBeGreaterThanOrEqual(TUNED.join);
    expect(cl.add(member('y', y))).not.toBe(id);
  });

  it('lets a newcomer whose victim a member’s text spells out join, its victims named apart', () => {
    const nhs = hand({
      victims: [{ key: 'organization:nhs', name: 'NHS' }],
      anchors: ['organization:nhs'],
      words: distinctiveWords('London NHS hospital trust hit by cyber-attack'),
      extra: distinctiveWords('The largest trust in England, Barts Health, runs the Royal London and Whipps Cross'),
    });
    const barts = (extra: string) =>
      hand({
        t: T0 + HOUR,
        victims: [{ key: 'organization:barts-health-trust', name: 'Barts Health Trust' }],
        anchors: ['organization:barts-health-trust'],
        words: distinctiveWords('Barts Health Trust launches cyber attack probe'),
        extra: distinctiveWords(extra),
      });
    const c = new Clusterer([]);
    const id = c.add(member('nhs', nhs));
    expect(c.add(member('barts', barts('Runs the Royal London and Whipps Cross hospitals')))).toBe(id);
    // The same words, and a victim no member names: two victims, two events.
    const other = hand({ ...nhs, extra: distinctiveWords('The largest trust in England runs the Royal London and Whipps Cross') });
    const c2 = new Clusterer([]);
    const id2 = c2.add(member('nhs', other));
    expect(c2.add(member('barts', barts('Runs the Royal London and Whipps Cross hospitals')))).not.toBe(id2);
  });

  it('compares a newcomer with the latest items of a busy key, whatever order the store gives them in', () => {
    // 45 stories with "Microsoft" in the headline, each its own event, the newest about Exchange webshells.
    const earlier: ClusterMember[] = [];
    for (let i = 0; i < 45; i++) {
      const f = hand({
        t: T0 + i * HOUR,
        words: ['microsoft', `topic${i}`],
        extra: i === 44 ? ['exchang', 'proxyshel', 'webshel'] : [`other${i}`],
      });
      earlier.push(member(`https://news.example/${i}`, f, `c${i}`));
    }
    // A store reads the window newest first.
    earlier.reverse();
    const cl = new Clusterer(earlier);
    const next = hand({ t: T0 + 45 * HOUR, words: ['microsoft'], extra: ['exchang', 'proxyshel', 'webshel'] });
    expect(cl.add(member('https://other.example/exchange', next))).toBe('c44');
  });
});
