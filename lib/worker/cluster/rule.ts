/**
 * The clustering rule: when two news items report the same real-world event.
 *
 * Each item is read once (its title, summary and content through the engine) into a few features: its
 * main incident's type, victims and actors, its "anchor" entities (CVEs, victims and other organisations,
 * actors, malware, products, vendors, indicators) and the distinctive words of its title and summary
 * (ordinary English and the vocabulary every security story uses — "hackers", "ransomware", "data" — are
 * left out, so what is left is mostly names: "Cellebrite", "Netgear", "WebEx", "FAFSA").
 *
 * Items are clustered single-link, incrementally, in publication order: a new item joins the cluster of
 * the most similar earlier item when all of these hold, else it starts a cluster of its own:
 *
 * 1. **Time.** The two items were published at most WINDOW_DAYS apart (news of one event comes in days;
 *    a story that resurfaces months later is a new event).
 * 2. **Same kind of event.** A flaw being disclosed or patched and an attack (exploitation wave, breach,
 *    ransomware ...) are different events even about the same CVE: items of the `flaw` family never join
 *    items of the `attack` family. Items without an incident type join either.
 * 3. **Same victim.** When both items name a victim (places aside), and neither mentions the other's at
 *    all, nor do the victims' names share a word ("Lloyds Bank", "Lloyds"), they are different events —
 *    two LockBit attacks on two companies are two incidents. A newcomer is checked against every victim
 *    of the cluster it would join, so that a chain of items cannot bridge two victims.
 * 4. **Enough shared evidence**, some of it headline-level. The sum of what they share reaches JOIN_SCORE
 *    (3): the same victim 3; a shared CVE or indicator 3, organisation, actor or malware 2, product or
 *    vendor 1; a distinctive word of both titles 1; a word shared between a title and a summary or two
 *    summaries 0.5 (at most 2 in all). And something is headline-level: a word of both titles, a shared
 *    CVE or indicator, or a shared victim that a headline names. So "Microsoft" + "Windows" is not an
 *    event, nor is a security firm quoted in two unrelated stories; "Cellebrite" in two headlines with the
 *    victim the same is.
 *
 * Pure functions of plain data: the caller (lib/worker/cluster/assign.ts) brings the earlier items.
 */
import type { EntityRef, IncidentType } from '../../shared/types';

export const WINDOW_DAYS = 10;
const JOIN_SCORE = 3;
const DAY = 86_400_000;

export type Family = 'flaw' | 'attack';

/** What clustering keeps of an item (stored with its row, so that clusters can be recomputed). */
export interface ItemFeatures {
  /** Publication time, ms since epoch. */
  t: number;
  type?: IncidentType;
  family?: Family;
  /** The main incident's summary, as the engine wrote it. */
  summary?: string;
  victims: EntityRef[];
  actors: EntityRef[];
  /** Entity keys that say which event this is (see ANCHOR_WEIGHT). */
  anchors: string[];
  /** Display names of the anchors, by key (for "shares …" without the catalogue). */
  names?: Record<string, string>;
  /** Distinctive words of the title. */
  words: string[];
  /** Distinctive words of the summary that are not in the title. */
  extra: string[];
}

const ANCHOR_WEIGHT: Record<string, number> = {
  vulnerability: 3,
  indicator: 3,
  organization: 2,
  actor: 2,
  malware: 2,
  product: 1,
  vendor: 1,
};
const VICTIM_WEIGHT = 3;
const TITLE_WORD = 1;
const OTHER_WORD = 0.5;
const MAX_OTHER_WORDS = 2;
/** Anchor types that say "this event" on their own, like a headline word does. */
const STRONG = new Set(['vulnerability', 'indicator']);

const FLAW_TYPES = new Set<IncidentType>(['vulnerability-disclosure', 'patch']);

const ATTACK_CUES =
  /\b(?:exploit(?:ed|ing|ation)|in the wild|hijack(?:s|ed|ing)?|compromised?|breached|stole|attackers? (?:are|have|used))\b/i;
const FLAW_CUES = /\b(?:patch(?:es|ed)?|fix(?:es|ed)?|security updates?|advisory|disclosed)\b/i;

/**
 * The family of an item: from its incident type, else from the words of its title and summary (an item
 * the engine gave no type can still say "exploited in the wild" or "patches").
 */
export function familyOf(type: IncidentType | undefined, text = ''): Family | undefined {
  if (type) return FLAW_TYPES.has(type) ? 'flaw' : 'attack';
  if (ATTACK_CUES.test(text)) return 'attack';
  if (FLAW_CUES.test(text)) return 'flaw';
  return undefined;
}

export function anchorWeight(key: string): number {
  return ANCHOR_WEIGHT[key.slice(0, key.indexOf(':'))] ?? 0;
}

/* Words that say nothing about which event: English function words and the vocabulary of all security news. */
const STOP = new Set(
  (
    'the a an and or but nor for of to in on at by with from into onto over under about after before than then this that these those ' +
    'is are was were be been being has have had having do does did done can could will would should may might must shall ' +
    'it its it’s they them their there here he she his her him we our you your who whom whose what which when where why how ' +
    'not no yes all any some more most many much few other others another such own same so too very just also only even still ' +
    'new now up down out off again once one two three four five six seven eight nine ten first second last next ' +
    'year years month months week weeks day days today yesterday time times ' +
    'says said say saying report reports reported reporting according claims claim claimed ' +
    'news latest update updates updated via amid while during against between within without across ' +
    'million millions billion thousands hundreds dozens number numbers ' +
    'hack hacks hacked hacker hackers hacking attack attacks attacked attacker attackers cyber cyberattack cyberattacks ' +
    'security secure breach breaches breached data leak leaks leaked leaking exposed exposes expose stolen steal steals stealing ' +
    'ransomware malware virus trojan botnet spam phishing scam scams scammers fraud fraudsters crooks criminals cybercriminals ' +
    'vulnerability vulnerabilities vulnerable flaw flaws bug bugs exploit exploits exploited exploiting patch patches patched fix fixes fixed ' +
    'zero-day zero day critical severe serious major big huge massive warn warns warning alert ' +
    'users user customers customer people companies company firms firm businesses business organizations organisations ' +
    'researchers researcher research experts expert found finds discovered discovers uncovered reveals revealed ' +
    'information info details personal records accounts account passwords password credentials emails email ' +
    'online internet web website websites site sites network networks systems system devices device computers computer ' +
    'threat threats risk risks campaign campaigns group groups gang gangs target targets targeted targeting victims victim ' +
    'software app apps service services tool tools code files file make makes made use used uses using take takes ' +
    'how why what get gets got could like well way ways help helps need needs want wants know known look looks ' +
    'security-week threatpost zdnet csoonline register bleepingcomputer infosecurity naked help net dark reading motherboard ' +
    'blog post posts article story stories read more first stop reader readers appear appears cve'
  ).split(/\s+/),
);

function keep(w: string): boolean {
  if (w.length < 3 || STOP.has(w)) return false;
  return !/^\d+$/.test(w) || (w.length >= 4 && !/^(19|20)\d\d$/.test(w));
}

/** Lower-cased distinctive words of a text: letters/digits runs of 3+ characters, plural s folded, stop words out. */
export function distinctiveWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]/gu)) {
    let w = m[0].replace(/['’]s$/, '').replace(/\.$/, '');
    if (w.length < 3 || STOP.has(w)) continue;
    if (!keep(w)) continue;
    if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    if (STOP.has(w)) continue;
    out.add(w);
    // "fbi.gov", "nsa-linked": the name inside meets the bare name of another headline.
    if (/[.-]/.test(w)) for (const part of w.split(/[.-]/)) if (keep(part)) out.add(part);
  }
  return [...out];
}

/** Sets of an item's features, made once per item (an item is compared with many others). */
interface FeatureSets {
  anchors: Set<string>;
  words: Set<string>;
  extra: Set<string>;
  victimKeys: Set<string>;
  victimWords: Set<string>;
}
const SETS = new WeakMap<ItemFeatures, FeatureSets>();

function setsOf(f: ItemFeatures): FeatureSets {
  let s = SETS.get(f);
  if (!s) {
    const victims = f.victims.filter((v) => !v.key.startsWith('location:'));
    s = {
      anchors: new Set(f.anchors),
      words: new Set(f.words),
      extra: new Set(f.extra),
      victimKeys: new Set(victims.map((v) => v.key)),
      victimWords: nameWords(victims),
    };
    SETS.set(f, s);
  }
  return s;
}

/** Lower-case words (4+ letters) of entity names: "Lloyds Bank" and "Lloyds" meet by "lloyds". */
function nameWords(refs: readonly { name: string }[]): Set<string> {
  const out = new Set<string>();
  for (const r of refs) for (const w of r.name.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []) if (!STOP.has(w)) out.add(w);
  return out;
}

function slugWords(keys: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const k of keys) for (const w of k.slice(k.lastIndexOf(':') + 1).split('-')) if (w.length >= 3) out.add(w.replace(/s$/, ''));
  return out;
}

/** Both items name a victim, and some victim of one is a victim of the other (same key or a shared name word). */
function sameVictim(a: ItemFeatures, b: ItemFeatures): EntityRef[] {
  const bs = setsOf(b);
  if (!bs.victimKeys.size || !setsOf(a).victimKeys.size) return [];
  return a.victims.filter(
    (v) => !v.key.startsWith('location:') && (bs.victimKeys.has(v.key) || [...nameWords([v])].some((w) => bs.victimWords.has(w))),
  );
}

/**
 * How much two items share, by the weights above (0 when nothing), and whether any of it is
 * headline-level: a word of both titles, or a shared victim, CVE, indicator or actor.
 */
function sharedScore(a: ItemFeatures, b: ItemFeatures): { score: number; headline: boolean } {
  let score = 0;
  let headline = false;
  const victims = sameVictim(a, b);
  const victim = victims.length > 0;
  const victimKeys = new Set([...a.victims, ...b.victims].map((v) => v.key));
  if (victim) {
    score += VICTIM_WEIGHT;
    // A victim the headlines name is the story; one found only in the text may be the source quoted.
    const titleWords = new Set([...a.words, ...b.words]);
    if ([...nameWords(victims)].some((w) => titleWords.has(w) || titleWords.has(w.replace(/s$/, '')))) headline = true;
  }
  const bs = setsOf(b);
  const bAnchors = bs.anchors;
  const shared: string[] = [];
  for (const k of a.anchors) {
    if (!bAnchors.has(k) || (victim && victimKeys.has(k))) continue;
    shared.push(k);
    score += anchorWeight(k);
    if (STRONG.has(k.slice(0, k.indexOf(':')))) headline = true;
  }
  // A name already counted as an entity is not counted again as a word of the summaries.
  const named = slugWords(shared);
  const bTitle = bs.words;
  const bExtra = bs.extra;
  let words = 0;
  for (const w of a.words) {
    if (bTitle.has(w)) {
      score += TITLE_WORD;
      headline = true;
    } else if (bExtra.has(w) && !named.has(w)) words += OTHER_WORD;
  }
  for (const w of a.extra) if ((bTitle.has(w) || bExtra.has(w)) && !named.has(w)) words += OTHER_WORD;
  score += Math.min(words, MAX_OTHER_WORDS);
  return { score, headline };
}
/**
 * Rule 3: both name victims, and neither mentions any of the other's. Places are not victims here ("a
 * hospital in London" and "Barts Health" are one attack), and victims whose names share a word are one
 * ("Lloyds Bank", "Lloyds").
 */
export function victimsConflict(
  a: ItemFeatures,
  bVictimRefs: readonly { key: string; name: string }[],
  bAnchors: ReadonlySet<string>,
): boolean {
  const aVictims = a.victims.filter((v) => !v.key.startsWith('location:'));
  const bVictims = bVictimRefs.filter((v) => !v.key.startsWith('location:'));
  if (!aVictims.length || !bVictims.length) return false;
  const bWords = nameWords(bVictims);
  if ([...nameWords(aVictims)].some((w) => bWords.has(w))) return false;
  if (aVictims.some((v) => bAnchors.has(v.key))) return false;
  const aAnchors = setsOf(a).anchors;
  if (bVictims.some((v) => aAnchors.has(v.key))) return false;
  return true;
}

/** Rules 1, 2 and 4 between two items (rule 3 is checked against the whole cluster by the caller). */
export function sameEvent(a: ItemFeatures, b: ItemFeatures): number {
  if (Math.abs(a.t - b.t) > WINDOW_DAYS * DAY) return 0;
  if (a.family && b.family && a.family !== b.family) return 0;
  if (victimsConflict(a, b.victims, setsOf(b).anchors)) return 0;
  const { score, headline } = sharedScore(a, b);
  return headline && score >= JOIN_SCORE ? score : 0;
}

/** The index keys an item is found by: its anchors and its title words. */
export function matchKeys(f: ItemFeatures): string[] {
  return [...new Set([...f.anchors, ...f.words.map((w) => `w:${w}`)])];
}
