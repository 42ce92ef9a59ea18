/**
 * The clustering rule: when two news items report the same real-world event.
 *
 * Each item is read once (its title, summary and content through the engine) into a few features: its
 * main incident's type, victims and actors, its "anchor" entities (CVEs, victims and other organisations,
 * actors, malware, products, vendors, indicators) and the distinctive words of its title and summary
 * (ordinary English and the vocabulary every security story uses — "hackers", "ransomware", "data" — are
 * left out, so what is left is mostly names: "Cellebrite", "Netgear", "WebEx", "FAFSA").
 *
 * Words are compared by their stems (Porter's: "confirms" and "confirmed" are one word). Rows stored by
 * earlier versions keep their unstemmed words: they meet new items a little less until they leave the
 * time window, and no upgrade rewrites them.
 *
 * Items are clustered single-link, incrementally, in publication order: a new item joins the cluster of
 * the most similar earlier item when all of these hold, else it starts a cluster of its own:
 *
 * 1. **Time.** The two items were published at most WINDOW_DAYS apart (news of one event comes in days;
 *    a story that resurfaces months later is a new event).
 * 2. **Same kind of event.** A flaw being disclosed or patched and an attack (exploitation wave, breach,
 *    ransomware ...) are different events even about the same CVE: items of the `flaw` family never join
 *    items of the `attack` family. An item's family comes from its incident type, else from cue words
 *    ("exploited in the wild", "patches"); two items whose families are only cue-word hints are not kept
 *    apart by them, nor are items without any.
 * 3. **Same victim.** When both items name a victim (places aside), and neither mentions the other's at
 *    all, nor do the victims' names share a word ("Lloyds Bank", "Lloyds"), they are different events —
 *    two LockBit attacks on two companies are two incidents. A newcomer is checked against every victim
 *    of the cluster it would join, so that a chain of items cannot bridge two victims.
 * 4. **Enough shared evidence**, some of it headline-level. The sum of what they share reaches JOIN_SCORE
 *    (3): the same victim 3; a shared CVE or indicator 3, organisation, actor or malware 2, product or
 *    vendor 1; a distinctive word of both titles 1 (the summaries count through the entities found in
 *    them: their other words are rule 5's). And something is headline-level: a word of both titles, a shared
 *    CVE or indicator, or a shared victim or other anchor that one of the headlines names. So "Microsoft"
 *    + "Windows" is not an event, nor is a security firm quoted in two unrelated stories; "Cellebrite" in
 *    two headlines with the victim the same is, and so is "Charger" in one headline and the other's text
 *    with the app store and the security firm named by both.
 * 5. **Or the same words, rare ones.** Failing 4, the cosine of the two items' words and anchors (title
 *    words counted twice), each weighed by its rarity among the items being clustered (inverse document
 *    frequency over the stored items of the time window and the batch), reaches JOIN_SIMILARITY (0.25):
 *    two reports of one event told in other words than the entities the engine knows ("HR managers
 *    beware: ransomware could be your next job applicant" / "Ransomware masquerades as CV"). Rules 1–3
 *    still hold.
 *
 * Pure functions of plain data: the caller (lib/worker/cluster/assign.ts) brings the earlier items.
 */
import { stemmer } from 'stemmer';
import type { EntityRef, IncidentType } from '../../shared/types';

export const WINDOW_DAYS = 10;
export const JOIN_SCORE = 3;
export const JOIN_SIMILARITY = 0.25;
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

/** The stop words' stems too: "attacked" and "warnings" are stop words once stemmed. */
const STOP_STEMS = new Set([...STOP].map((w) => stemmer(w)));

/** A word with its inflections folded (Porter's stemmer): "confirms", "confirmed" are "confirm". */
function fold(w: string): string {
  return /\d/.test(w) ? w : stemmer(w);
}

/** Lower-cased distinctive words of a text: letters/digits runs of 3+ characters, plural s folded, stop words out. */
export function distinctiveWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]/gu)) {
    let w = m[0].replace(/['’]s$/, '').replace(/\.$/, '');
    if (w.length < 3 || STOP.has(w)) continue;
    if (!keep(w)) continue;
    // "fbi.gov", "nsa-linked": the name inside meets the bare name of another headline.
    if (/[.-]/.test(w)) for (const part of w.split(/[.-]/)) if (keep(part) && !STOP_STEMS.has(fold(part))) out.add(fold(part));
    w = fold(w);
    if (!STOP_STEMS.has(w)) out.add(w);
  }
  return [...out];
}

/** Sets of an item's features, made once per item (an item is compared with many others). */
interface FeatureSets {
  anchors: Set<string>;
  words: Set<string>;
  victimKeys: Set<string>;
  victimWords: Set<string>;
  /** Anchors the headline names (a distinctive word of the anchor's name is a word of the title). */
  titled: Set<string>;
  /** The distinctive words of each anchor's name (a title word that is a shared anchor's name counts once). */
  anchorWords: Map<string, string[]>;
}
const SETS = new WeakMap<ItemFeatures, FeatureSets>();

function setsOf(f: ItemFeatures): FeatureSets {
  let s = SETS.get(f);
  if (!s) {
    const victims = f.victims.filter((v) => !v.key.startsWith('location:'));
    const words = new Set(f.words);
    const names = new Map<string, string>(Object.entries(f.names ?? {}));
    for (const r of [...f.victims, ...f.actors]) names.set(r.key, r.name);
    const anchorWords = new Map<string, string[]>();
    const titled = new Set<string>();
    for (const k of f.anchors) {
      // The name and the key's slug ("organization:st-jude-medical"; rows of older versions have no names).
      const ws = distinctiveWords(`${names.get(k) ?? ''} ${k.slice(k.lastIndexOf(':') + 1).replace(/-/g, ' ')}`);
      anchorWords.set(k, ws);
      if (ws.some((w) => words.has(w))) titled.add(k);
    }
    s = {
      anchors: new Set(f.anchors),
      words,
      victimKeys: new Set(victims.map((v) => v.key)),
      victimWords: nameWords(victims),
      titled,
      anchorWords,
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
 * headline-level: a word of both titles, a shared CVE or indicator, or a shared victim or anchor that a
 * headline names. Words of the summaries count here only through the entities the engine found in them
 * (rule 5 weighs all the words, by their rarity).
 */
function sharedScore(a: ItemFeatures, b: ItemFeatures): { score: number; headline: boolean } {
  let score = 0;
  let headline = false;
  const as = setsOf(a);
  const bs = setsOf(b);
  const victims = sameVictim(a, b);
  const victimKeys = new Set([...a.victims, ...b.victims].map((v) => v.key));
  if (victims.length) {
    score += VICTIM_WEIGHT;
    // A victim the headlines name is the story; one found only in the text may be the source quoted.
    const named = new Set(victims.flatMap((v) => distinctiveWords(v.name)));
    for (const k of victimKeys) for (const w of [...(as.anchorWords.get(k) ?? []), ...(bs.anchorWords.get(k) ?? [])]) named.add(w);
    if ([...named].some((w) => as.words.has(w) || bs.words.has(w))) headline = true;
  }
  for (const k of a.anchors) {
    if (!bs.anchors.has(k) || (victims.length && victimKeys.has(k))) continue;
    score += anchorWeight(k);
    if (STRONG.has(k.slice(0, k.indexOf(':'))) || as.titled.has(k) || bs.titled.has(k)) headline = true;
  }
  for (const w of a.words)
    if (bs.words.has(w)) {
      score += TITLE_WORD;
      headline = true;
    }
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

/**
 * Rule 2: one is a flaw disclosed or patched, the other an attack. A family read only from cue words
 * ("exploited", "patches") of an item the engine gave no incident type is a hint, not a kind: two such
 * hints never keep items apart ("could be exploited" is said of flaws too); a typed item against a typed
 * or hinted one does.
 */
function kindsDiffer(a: ItemFeatures, b: ItemFeatures): boolean {
  return !!a.family && !!b.family && a.family !== b.family && !!(a.type || b.type);
}

/**
 * How rare each word and anchor is among the items clustering is looking at (the stored items of the time
 * window and the batch): `n` items, `df(key)` of them with that key. The caller (assign.ts) keeps it.
 */
export interface Rarity {
  n: number;
  df(key: string): number;
}

/** The keys an item's text is weighed by: anchors, words of the summary once, words of the title twice. */
export function bagOf(f: ItemFeatures): Map<string, number> {
  const bag = new Map<string, number>();
  for (const k of f.anchors) bag.set(k, 1);
  for (const w of f.extra) bag.set(w, 1);
  for (const w of f.words) bag.set(w, TITLE_BAG_WEIGHT);
  return bag;
}
const TITLE_BAG_WEIGHT = 2;
const BAGS = new WeakMap<ItemFeatures, Map<string, number>>();
function cachedBag(f: ItemFeatures): Map<string, number> {
  let b = BAGS.get(f);
  if (!b) BAGS.set(f, (b = bagOf(f)));
  return b;
}

/**
 * Rule 5's measure: the cosine of the two items' bags, each key weighed by its rarity (smoothed inverse
 * document frequency, log((n + 1) / df)): two reports of one event share its rare words — names, numbers,
 * what happened — while two stories of one week share only the week's common ones.
 */
export function similarity(a: ItemFeatures, b: ItemFeatures, rarity: Rarity): number {
  const idf = (k: string) => Math.log((rarity.n + 1) / Math.max(1, rarity.df(k)));
  const weigh = (bag: Map<string, number>) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [k, x] of bag) {
      const w = x * idf(k);
      v.set(k, w);
      norm += w * w;
    }
    return { v, norm: Math.sqrt(norm) };
  };
  const va = weigh(cachedBag(a));
  const vb = weigh(cachedBag(b));
  if (!va.norm || !vb.norm) return 0;
  let dot = 0;
  for (const [k, w] of va.v) dot += w * (vb.v.get(k) ?? 0);
  return dot / (va.norm * vb.norm);
}

/**
 * Rules 1, 2, 4 and 5 between two items (rule 3 is checked against the whole cluster by the caller): how
 * strongly they are one event, 0 when they are not.
 */
export function sameEvent(a: ItemFeatures, b: ItemFeatures, rarity?: Rarity): number {
  if (Math.abs(a.t - b.t) > WINDOW_DAYS * DAY) return 0;
  if (kindsDiffer(a, b)) return 0;
  if (victimsConflict(a, b.victims, setsOf(b).anchors)) return 0;
  const { score, headline } = sharedScore(a, b);
  if (headline && score >= JOIN_SCORE) return score;
  return rarity && similarity(a, b, rarity) >= JOIN_SIMILARITY ? JOIN_SCORE : 0;
}

/** The index keys an item is found by: its anchors and its title words. */
export function matchKeys(f: ItemFeatures): string[] {
  return [...new Set([...f.anchors, ...f.words.map((w) => `w:${w}`)])];
}
