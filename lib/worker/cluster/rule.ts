/**
 * The clustering rule: when a news item reports the same real-world event as a cluster of earlier ones.
 *
 * Each item is read once (its title, summary and content through the engine) into a few features: its
 * main incident's type, victims and actors, its "anchor" entities (CVEs, victims and other organisations,
 * actors, malware, products, vendors, indicators) and the distinctive words of its title and summary
 * (the vocabulary every security story uses — "hackers", "ransomware", "data" — is left out, so what is
 * left is mostly names and what happened: "Cellebrite", "Netgear", "WebEx", "FAFSA", "wipe", "iphone").
 * Words are compared by their stems (Porter's: "confirms" and "confirmed" are one word).
 *
 * **One score between two items** (pairScore): the cosine of their TF-IDF vectors — title words counted
 * twice, words of the summary and anchors once, each weighed by its rarity: smoothed inverse document
 * frequency over what the store holds around the newcomer — the stored items of the batch's time window
 * (read by the ingest, at most 10,000) and the batch's items added before it, counted as they come and
 * forgotten once published more than WINDOW_DAYS before the newcomer (assign.ts) — plus BACKGROUND_ITEMS
 * imaginary items in which every everyday English word (SUBTLEX's common words) occurs COMMON_IN times, so
 * that "credit card" or "tax" does not pass for a name in a quiet week. Plus TUNED.evidence for each point
 * of entity evidence they share, up to EVIDENCE_CAP points: the same victim 3 (an item that reports no
 * incident, a denial or a commentary, has the organisations its headline names for its victims here, in no
 * guard), a shared CVE or indicator 3,
 * organisation, actor or malware 2, product or vendor 1, a word of both titles 1. Between two flaw stories
 * a vendor or product is their topic, not their event (Microsoft's Defender fix and its Meltdown patch):
 * its points count, its name's words in both titles do not count again. One name under two keys counts
 * as shared, once (the LockBit gang as an actor, LockBit ransomware as a malware; a vendor and a product;
 * a company with and without its legal form). An anchor of one item whose name
 * the other's title or summary spells out counts as shared (the engine finds a name in one text and
 * misses it in another). The evidence counts only when the cosine is TUNED.evidenceMinCosine or more: two long
 * texts name many entities, and two that share them with hardly a word in common are two stories of one
 * topic (Atlanta's ransomware and Baltimore's, a month's patch stories). Plus TUNED.join for two reports of one
 * outbreak (see below).
 *
 * **Guards that veto a pair** whatever it shares (vetoed):
 * 1. Time: published more than WINDOW_DAYS apart (a story that resurfaces months later is a new event).
 * 2. Kind: a flaw disclosed or patched and an attack (exploitation wave, breach, ransomware ...) are
 *    different events even about the same CVE. An item's family comes from its incident type, else from
 *    cue words ("exploited in the wild", "patches"); two cue-word hints never veto each other. The
 *    engine's unspecified type (`cyberattack`) gives a hint, not a kind. A fix published after an
 *    outbreak it names began is part of the outbreak.
 * 3. Victims: both name victims (places aside), neither mentions the other's (as an entity, or spelled
 *    out in its text), and their names share no word but everyday ones ("Lloyds Bank", "Lloyds" are one;
 *    "Lloyds Bank", "Barclays Bank" two: see knownWords): two LockBit
 *    attacks on two companies are two incidents — unless the two are one outbreak.
 * 4. CVEs: both name CVEs and share none.
 *
 * **Outbreaks** (outbreakPair): one of two reports says the attack is widespread ("outbreak", "global
 * attack", "spreading", "in 150 countries", "a wave of attacks"), both name the same malware, and they
 * are at most OUTBREAK_DAYS apart: one event whatever its victims (WannaCry's NHS, Telefónica, FedEx).
 * Guard 3 does not veto them, a cluster's victims do not keep such an item out, and the outbreak is
 * evidence enough to join. A gang said to hit companies "around the world" is no outbreak.
 *
 * **An item joins a cluster** (clusterScore), not an item: it is compared with the cluster's latest members
 * of the time window (up to LINK_MEMBERS), and joins the cluster with the best score when
 * - no victim of the cluster conflicts with its own (guard 3 against all the cluster's victims),
 * - fewer than half of those members veto it, and
 * - the mean of its best score with a member and the score that more than a third of them reach (the
 *   best of one or two members, the second of three to five, the third of six to eight ...) is
 *   TUNED.join or more.
 * Else it starts a cluster of its own. So a chain A~B~C does not weld two events: C is vetoed by A's
 * victim, kind or CVE, and once a cluster has three members C must resemble two of them, not only B (a
 * close likeness to one member makes up for a weaker one to the second; alone it must be twice JOIN).
 *
 * Rows stored by versions before stemming keep their unstemmed words: they meet new items a little less
 * until they leave the time window, and no upgrade rewrites them.
 *
 * Pure functions of plain data: the caller (lib/worker/cluster/assign.ts) brings the earlier items.
 */
import { stemmer } from 'stemmer';
import type { EntityRef, IncidentType } from '../../shared/types';
import { COMMON_WORDS } from '../extract/matcher/words/common-words';
import { isCommonWord } from '../extract/common-word';
import { canonical } from './names';

export const WINDOW_DAYS = 10;
/** How far apart two reports of one outbreak may be (its spread makes news for about a week). */
const OUTBREAK_DAYS = 7;
/**
 * The rule's numbers chosen from data, on the tuning halves (tests/fixtures/clusters/README.md). The eval's
 * cross-validation (`scripts/eval/clusters.ts --cv`) alone sets others, to score each half with the numbers
 * chosen on the other three; nothing else writes them.
 * - `join`: the score an item must reach with enough members of a cluster to join it;
 * - `evidence`: the score per point of entity evidence two items share (at most EVIDENCE_CAP points);
 * - `evidenceMinCosine`: the cosine below which shared entities count for nothing.
 */
export const TUNED = { join: 0.46, evidence: 0.09, evidenceMinCosine: 0.05 };

const EVIDENCE_CAP = 6;
/** The background the rarity of everyday words is smoothed with: that many items, a common word in this many. */
const BACKGROUND_ITEMS = 20;
const COMMON_IN = 3;
/** Members of a cluster an item is compared with: its latest in the time window. */
export const LINK_MEMBERS = 12;
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
  /**
   * An item that reports no incident: the organisations its headline names (features.ts). They count as
   * its victims when two items' evidence is weighed, never in a guard.
   */
  subjects?: EntityRef[];
  actors: EntityRef[];
  /** Entity keys that say which event this is (see ANCHOR_WEIGHT). */
  anchors: string[];
  /** Display names of the anchors, by key (for "shares …" without the catalogue). */
  names?: Record<string, string>;
  /** Distinctive words of the title. */
  words: string[];
  /** Distinctive words of the summary that are not in the title. */
  extra: string[];
  /** Its title or summary says the attack is widespread: "worldwide", "outbreak", "spreading", "in 150 countries" (see OUTBREAK_CUES). */
  outbreak?: boolean;
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
/** Anchor types that are a flaw story's topic rather than its event (see sharedScore). */
const TOPICS = new Set(['vendor', 'product']);

const FLAW_TYPES = new Set<IncidentType>(['vulnerability-disclosure', 'patch']);

const ATTACK_CUES =
  /\b(?:exploit(?:ed|ing|ation)|in the wild|hijack(?:s|ed|ing)?|compromised?|breached|stole|attackers? (?:are|have|used))\b/i;
const FIX_CUES = /\b(?:patch(?:es|ed)?|fix(?:es|ed)?|security updates?)\b/i;
const FLAW_CUES = /\b(?:patch(?:es|ed)?|fix(?:es|ed)?|security updates?|advisory|disclosed)\b/i;

/**
 * Whether an incident type says which kind of event it is: `cyberattack` is the engine's "unspecified"
 * (an item about Microsoft fixing the Shadow Brokers' exploits read as one), so its family is a hint:
 * an attack, unless its words say a fix ("patches", "fixes", "security update") and no attack.
 */
function kindTyped(type: IncidentType | undefined): type is IncidentType {
  return !!type && type !== 'cyberattack';
}

/**
 * The family of an item: from its incident type, else from the words of its title and summary (an item
 * the engine gave no type can still say "exploited in the wild" or "patches").
 */
export function familyOf(type: IncidentType | undefined, text = ''): Family | undefined {
  if (kindTyped(type)) return FLAW_TYPES.has(type) ? 'flaw' : 'attack';
  if (ATTACK_CUES.test(text)) return 'attack';
  // "The court disclosed a cyberattack": of an attack, only a fix says it is about a flaw.
  if (type === 'cyberattack') return FIX_CUES.test(text) ? 'flaw' : 'attack';
  if (FLAW_CUES.test(text)) return 'flaw';
  return undefined;
}

/**
 * Words that say an attack is spreading widely now, not merely where a gang or a firm operates ("LockBit
 * has hit companies around the world" says nothing of one attack): an outbreak, an attack that is global
 * or worldwide, spreading across or to places, reported in dozens of countries, a wave of attacks.
 */
const OUTBREAK_CUES = new RegExp(
  [
    String.raw`\boutbreaks?\b`,
    String.raw`\b(?:worldwide|world-wide|global|globe-spanning)\s+(?:(?:cyber[- ]?|ransomware\s+)?attacks?|cyber-?attacks?|outbreaks?|infections?|epidemic|pandemic|ransomware\s+(?:campaign|wave|assault))\b`,
    String.raw`\b(?:is|are|been|was|were|keeps?|kept|continues?|continued)\s+(?:to\s+)?spread(?:ing)?\b`,
    String.raw`\bspread(?:s|ing)?\s+(?:rapidly|quickly|fast|like\s+wildfire|across|around|worldwide|globally|to\s+(?:\d{2,}|dozens|hundreds))\b`,
    String.raw`\b(?:in|across|to)\s+(?:over\s+|more\s+than\s+|at\s+least\s+|some\s+|nearly\s+|almost\s+)?(?:\d{2,}|[\d,]{5,}|dozens\s+of|hundreds\s+of)\s+countries\b`,
    String.raw`\bwaves?\s+of\s+(?:[\w-]+\s+){0,2}(?:cyber-?\s?)?attacks\b`,
  ].join('|'),
  'i',
);

/** Whether a text says the attack it reports is widespread (see OUTBREAK_CUES). */
export function saysOutbreak(text: string): boolean {
  return OUTBREAK_CUES.test(text);
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

/**
 * The stop words' stems too: "attacked" and "warnings" are stop words once stemmed. Stemmed at the first
 * text, not when the module loads: the database schema's upgrade imports this module, so every wake of the service
 * worker paid for 300 stems (about 2 ms) before answering a page that clusters nothing.
 */
let stopStems: Set<string> | undefined;
const isStopStem = (w: string) => (stopStems ??= new Set([...STOP].map((s) => stemmer(s)))).has(w);

/**
 * Stems already worked out: news repeats its words from item to item, and a lookup costs a tenth of a stem.
 * Emptied when full, so that a long sync's vocabulary does not grow it without bound.
 */
const stems = new Map<string, string>();
const MAX_STEMS = 20_000;

/** A word with its inflections folded (Porter's stemmer): "confirms", "confirmed" are "confirm". */
function fold(w: string): string {
  let s = stems.get(w);
  if (s === undefined) {
    if (stems.size >= MAX_STEMS) stems.clear();
    stems.set(w, (s = /\d/.test(w) ? w : stemmer(w)));
  }
  return s;
}

/** Lower-cased distinctive words of a text: letters/digits runs of 3+ characters, plural s folded, stop words out. */
export function distinctiveWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]/gu)) {
    let w = m[0].replace(/['’]s$/, '').replace(/\.$/, '');
    if (w.length < 3 || STOP.has(w)) continue;
    if (!keep(w)) continue;
    // "fbi.gov", "nsa-linked": the name inside meets the bare name of another headline.
    if (/[.-]/.test(w)) for (const part of w.split(/[.-]/)) if (keep(part) && !isStopStem(fold(part))) out.add(fold(part));
    w = fold(w);
    if (!isStopStem(w)) out.add(w);
  }
  return [...out];
}

/** Sets of an item's features, made once per item (an item is compared with many others). */
interface FeatureSets {
  anchors: Set<string>;
  words: Set<string>;
  victimKeys: Set<string>;
  victimWords: Set<string>;
  /** Its victims (places aside), else its headline's subjects: who the evidence's "same victim" compares. */
  about: EntityRef[];
  aboutKeys: Set<string>;
  aboutWords: Set<string>;
  /** The distinctive words of each anchor's name (a title word that is a shared anchor's name counts once). */
  anchorWords: Map<string, string[]>;
  /** Distinctive words of the title and the summary (and its anchors): the item's bag. */
  text: ReadonlyMap<string, number>;
  /** Its anchors' names whatever their type (see canonical), and each anchor's, in the order of its anchors. */
  canonical: Set<string>;
  canonicalOf: string[];
  /** The keys of all its victims, places included, and of its subjects. */
  everyVictim: Set<string>;
  /** Its malware anchors (what an outbreak is known by). */
  malware: string[];
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
    for (const k of f.anchors) {
      // The name and the key's slug ("organization:st-jude-medical"; rows of older versions have no names).
      anchorWords.set(k, nameForms(`${names.get(k) ?? ''} ${k.slice(k.lastIndexOf(':') + 1).replace(/-/g, ' ')}`).distinct);
    }
    const canonicalOf = f.anchors.map(canonical);
    const about = victims.length ? victims : (f.subjects ?? []);
    s = {
      about,
      aboutKeys: new Set(about.map((v) => v.key)),
      aboutWords: nameWords(about),
      anchors: new Set(f.anchors),
      canonicalOf,
      canonical: new Set(canonicalOf),
      words,
      victimKeys: new Set(victims.map((v) => v.key)),
      victimWords: nameWords(victims),
      anchorWords,
      malware: f.anchors.filter((k) => k.startsWith('malware:')),
      everyVictim: new Set([...f.victims, ...(f.subjects ?? [])].map((v) => v.key)),
      text: cachedBag(f),
    };
    SETS.set(f, s);
  }
  return s;
}
/** The words entity names are known by (see knownWords): "Lloyds Bank" and "Lloyds" meet by "lloyds". */
function nameWords(refs: readonly { name: string }[]): Set<string> {
  const out = new Set<string>();
  for (const r of refs) for (const w of wordsOfName(r.name)) out.add(w);
  return out;
}

/** A name's words, as wordsOfName and distinctiveWords read them, worked out once per name. */
const NAME_WORDS = new Map<string, { known: string[]; distinct: string[] }>();
function nameForms(name: string): { known: string[]; distinct: string[] } {
  let f = NAME_WORDS.get(name);
  if (!f) {
    if (NAME_WORDS.size >= 20_000) NAME_WORDS.clear();
    f = { known: knownWords(name), distinct: distinctiveWords(name) };
    NAME_WORDS.set(name, f);
  }
  return f;
}
function wordsOfName(name: string): string[] {
  return nameForms(name).known;
}

/**
 * The words a name is known by: of its lower-cased words of 4+ letters (stop words aside), those that are
 * not everyday English ("lloyds" of "Lloyds Bank", "atlanta" of "City of Atlanta"), else all of them
 * ("Foreign Office"). "Bank" or "City" says what kind of victim, not which: Lloyds Bank and Barclays Bank
 * are two victims, the City of Atlanta and the City of Baltimore two more.
 */
function knownWords(name: string): string[] {
  const words = (name.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []).filter((w) => !STOP.has(w));
  const rare = words.filter((w) => !isCommonWord(w));
  return rare.length ? rare : words;
}

/**
 * Both items name a victim (an item without an incident, its headline's organisations), and some victim of
 * one is a victim of the other (same key or a shared word it is known by, see knownWords).
 */
function sameVictim(a: ItemFeatures, b: ItemFeatures): EntityRef[] {
  const bs = setsOf(b);
  if (!bs.aboutKeys.size) return [];
  return setsOf(a).about.filter((v) => bs.aboutKeys.has(v.key) || wordsOfName(v.name).some((w) => bs.aboutWords.has(w)));
}

/**
 * The entity evidence two items share, in points (0 when nothing): the same victim, shared anchors (by
 * key, or a name one text spells out), words of both titles. Words of the summaries count here only
 * through the entities the engine found in them (the cosine weighs all the words, by their rarity).
 */
function sharedScore(a: ItemFeatures, b: ItemFeatures): number {
  let score = 0;
  const as = setsOf(a);
  const bs = setsOf(b);
  const victims = sameVictim(a, b);
  if (victims.length) score += VICTIM_WEIGHT;
  // A shared victim counts once, as the victim: its key is not counted again as an anchor.
  // Between two flaw stories a vendor or product is the topic, not the event (Microsoft fixing Windows is
  // every month's news): it adds its points, but its name's words in both titles add none.
  const flaws = a.family === 'flaw' && b.family === 'flaw';
  const topic = new Set<string>();
  let named: Set<string> | undefined;
  for (let i = 0; i < a.anchors.length; i++) {
    const k = a.anchors[i];
    let shared = bs.anchors.has(k);
    // One name under two keys ("actor:lockbit" and "malware:lockbit", "vendor:samba" and "product:samba",
    // "organization:sabre" and "organization:sabre-corp"): shared, once.
    const c = as.canonicalOf[i];
    if (!shared && bs.canonical.has(c)) {
      named ??= new Set(a.anchors.filter((x) => bs.anchors.has(x)).map(canonical));
      shared = !named.has(c);
      named.add(c);
    }
    if (!shared || (victims.length && (as.everyVictim.has(k) || bs.everyVictim.has(k)))) continue;
    score += anchorWeight(k);
    if (flaws && TOPICS.has(k.slice(0, k.indexOf(':')))) for (const w of as.anchorWords.get(k) ?? []) topic.add(w);
  }
  score += spelledOut(a, as, bs, victims.length > 0) + spelledOut(b, bs, as, victims.length > 0);
  for (const w of a.words) if (bs.words.has(w) && !topic.has(w)) score += TITLE_WORD;
  return score;
}

/**
 * Anchors of x that the other's text spells out, though the engine did not find them there ("Kettell
 * Video Productions" in both texts, an entity of one of them only): their points.
 */
function spelledOut(x: ItemFeatures, xs: FeatureSets, ys: FeatureSets, victimShared: boolean): number {
  let points = 0;
  for (let i = 0; i < x.anchors.length; i++) {
    const k = x.anchors[i];
    if (ys.anchors.has(k) || ys.canonical.has(xs.canonicalOf[i]) || (victimShared && (xs.everyVictim.has(k) || ys.everyVictim.has(k))))
      continue;
    const ws = xs.anchorWords.get(k);
    if (ws?.length && ws.every((w) => ys.text.has(w))) points += anchorWeight(k);
  }
  return points;
}
/**
 * Guard 3: both name victims, and neither mentions any of the other's. Places are not victims here ("a
 * hospital in London" and "Barts Health" are one attack), and victims whose names share a word they are
 * known by are one ("Lloyds Bank", "Lloyds"; not "Lloyds Bank", "Barclays Bank").
 */
function victimsConflict(a: ItemFeatures, bVictimRefs: readonly { key: string; name: string }[], bAnchors: ReadonlySet<string>): boolean {
  const as = setsOf(a);
  if (!as.victimKeys.size) return false;
  const bVictims = bVictimRefs.filter((v) => !v.key.startsWith('location:'));
  if (!bVictims.length) return false;
  if (bVictims.some((v) => wordsOfName(v.name).some((w) => as.victimWords.has(w)))) return false;
  for (const k of as.victimKeys) if (bAnchors.has(k)) return false;
  if (bVictims.some((v) => as.anchors.has(v.key))) return false;
  // Its text spells out one of theirs, though the engine did not find it there.
  if (bVictims.some((v) => spells(as, v.name))) return false;
  return true;
}

/** A member's text spells out one of the newcomer's victims (places aside). */
function spellsVictimOf(m: ItemFeatures, f: ItemFeatures): boolean {
  const ms = setsOf(m);
  return f.victims.some((v) => !v.key.startsWith('location:') && spells(ms, v.name));
}

/** The item's text spells out a name (every distinctive word of it is a word of its title or summary). */
function spells(s: FeatureSets, name: string): boolean {
  const ws = nameForms(name).distinct;
  return ws.length > 0 && ws.every((w) => s.text.has(w));
}

/**
 * Guard 2: one is a flaw disclosed or patched, the other an attack. A family read only from cue words
 * ("exploited", "patches") of an item the engine gave no incident type is a hint, not a kind: two such
 * hints never keep items apart ("could be exploited" is said of flaws too); a typed item against a typed
 * or hinted one does.
 */
function kindsDiffer(a: ItemFeatures, b: ItemFeatures): boolean {
  if (!a.family || !b.family || a.family === b.family || !(kindTyped(a.type) || kindTyped(b.type))) return false;
  // A fix published after an outbreak it names began is the vendor's answer to it (an emergency patch
  // during WannaCry), part of the outbreak; a patch before exploitation is an event of its own.
  const [flaw, attack] = a.family === 'flaw' ? [a, b] : [b, a];
  return !(flaw.t > attack.t && outbreakPair(a, b));
}

/**
 * How rare each word and anchor is among the items clustering is looking at (the stored items of the time
 * window and the batch): `n` items, `df(key)` of them with that key. The caller (assign.ts) keeps it.
 */
export interface Rarity {
  n: number;
  df(key: string): number;
  /** Changes whenever a count does (weights worked out for one version are kept until the next). */
  version?: number;
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
/** bagOf, made once per item. */
export function cachedBag(f: ItemFeatures): ReadonlyMap<string, number> {
  let b = BAGS.get(f);
  if (!b) BAGS.set(f, (b = bagOf(f)));
  return b;
}

let commonStems: Set<string> | undefined;
/** Stems of everyday English words (made once, on the first comparison). */
function isCommonStem(k: string): boolean {
  commonStems ??= new Set(COMMON_WORDS.split(' ').map((w) => stemmer(w)));
  return commonStems.has(k);
}

/** A key of an item's bag: its count, and whether it is an everyday English word (its rarity is smoothed). */
interface Entry {
  k: string;
  x: number;
  common: boolean;
}
const ENTRIES = new WeakMap<ItemFeatures, Entry[]>();
function entriesOf(f: ItemFeatures): Entry[] {
  let e = ENTRIES.get(f);
  if (!e) ENTRIES.set(f, (e = [...cachedBag(f)].map(([k, x]) => ({ k, x, common: isCommonStem(k) }))));
  return e;
}

/**
 * The weight of a key: smoothed inverse document frequency, log((n + 1) / df), an everyday word's df
 * raised by the background's.
 */
function idf(e: Entry, rarity: Rarity, logN: number): number {
  const df = rarity.df(e.k) + (e.common ? COMMON_IN : 0);
  return df > 1 ? logN - Math.log(df) : logN;
}

/** Each item's vector length for one state of a Rarity (worked out again when it changes). */
interface Norms {
  n: number;
  version: number | undefined;
  logN: number;
  of: WeakMap<ItemFeatures, number>;
}
const NORMS = new WeakMap<Rarity, Norms>();

function normsOf(rarity: Rarity): Norms {
  let w = NORMS.get(rarity);
  if (!w || w.n !== rarity.n || w.version !== rarity.version)
    NORMS.set(rarity, (w = { n: rarity.n, version: rarity.version, logN: Math.log(rarity.n + BACKGROUND_ITEMS + 1), of: new WeakMap() }));
  return w;
}

function norm(f: ItemFeatures, rarity: Rarity, w: Norms): number {
  let n = w.of.get(f);
  if (n === undefined) {
    n = 0;
    for (const e of entriesOf(f)) {
      const y = e.x * idf(e, rarity, w.logN);
      n += y * y;
    }
    n = Math.sqrt(n);
    w.of.set(f, n);
  }
  return n;
}

/**
 * The TF-IDF cosine of two items: two reports of one event share its rare words — names, numbers, what
 * happened — while two stories of one week share only the week's common ones.
 */
export function similarity(a: ItemFeatures, b: ItemFeatures, rarity: Rarity): number {
  const w = normsOf(rarity);
  const na = norm(a, rarity, w);
  const nb = norm(b, rarity, w);
  if (!na || !nb) return 0;
  let [small, big] = [a, b];
  if (entriesOf(a).length > entriesOf(b).length) [small, big] = [b, a];
  const other = cachedBag(big);
  let dot = 0;
  for (const e of entriesOf(small)) {
    const y = other.get(e.k);
    if (y) {
      const z = idf(e, rarity, w.logN);
      dot += e.x * y * z * z;
    }
  }
  return dot / (na * nb);
}

/** Both items name CVEs, and none of them is the same: two flaws, two events. */
function cvesDiffer(a: ItemFeatures, b: ItemFeatures): boolean {
  const ac = a.anchors.filter((k) => k.startsWith('vulnerability:cve-'));
  if (!ac.length) return false;
  const bc = new Set(b.anchors.filter((k) => k.startsWith('vulnerability:cve-')));
  return bc.size > 0 && !ac.some((k) => bc.has(k));
}

/**
 * One outbreak: one of the two says the attack is widespread (`outbreak`), both name the same malware,
 * and they are at most OUTBREAK_DAYS apart. An outbreak (WannaCry, NotPetya) is one event whatever its
 * victims: the NHS, Telefónica and FedEx are its victims, not three incidents. Two attacks by one
 * ransomware gang are not an outbreak unless a report says it is spreading.
 */
export function outbreakPair(a: ItemFeatures, b: ItemFeatures): boolean {
  if (!(a.outbreak || b.outbreak) || Math.abs(a.t - b.t) > OUTBREAK_DAYS * DAY) return false;
  const bm = setsOf(b).malware;
  return bm.length > 0 && setsOf(a).malware.some((k) => bm.includes(k));
}

/** The guard that vetoes a pair whatever it shares (time, kind of event, CVEs, victims), if one does. */
export function vetoOf(a: ItemFeatures, b: ItemFeatures): 'time' | 'kind' | 'cves' | 'victims' | undefined {
  if (Math.abs(a.t - b.t) > WINDOW_DAYS * DAY) return 'time';
  if (kindsDiffer(a, b)) return 'kind';
  if (cvesDiffer(a, b)) return 'cves';
  const conflict = victimsConflict(a, b.victims, setsOf(b).anchors) && victimsConflict(b, a.victims, setsOf(a).anchors);
  return conflict && !outbreakPair(a, b) ? 'victims' : undefined;
}
function vetoed(a: ItemFeatures, b: ItemFeatures): boolean {
  return vetoOf(a, b) !== undefined;
}

/** How strongly two items are one event (0 when a guard vetoes it): TF-IDF cosine plus entity evidence. */
export function pairScore(a: ItemFeatures, b: ItemFeatures, rarity: Rarity): number {
  return vetoed(a, b) ? 0 : unguardedScore(a, b, rarity);
}

function unguardedScore(a: ItemFeatures, b: ItemFeatures, rarity: Rarity): number {
  const p = scoreParts(a, b, rarity);
  // Reports of one outbreak tell it from many sides (the ransom tally, who is behind it, a victim's
  // story) and share few rare words: the outbreak is the evidence.
  return p.cosine + p.evidence + (outbreakPair(a, b) ? TUNED.join : 0);
}

/** The two parts of a pair's score, guards aside: the TF-IDF cosine and the entity evidence. */
export function scoreParts(a: ItemFeatures, b: ItemFeatures, rarity: Rarity): { cosine: number; evidence: number } {
  const evidence = sharedScore(a, b);
  const cosine = similarity(a, b, rarity);
  return {
    cosine,
    evidence: cosine >= TUNED.evidenceMinCosine ? TUNED.evidence * Math.min(evidence, EVIDENCE_CAP) : 0,
  };
}

/**
 * How strongly an item belongs to a cluster, given the cluster's members of the time window (latest
 * first, at most LINK_MEMBERS) and its victims and anchors: 0 when a victim of the cluster conflicts with
 * the item's or half of the members or more veto it; else the mean of its best score with a member and
 * the score that more than a third of the members reach (the k-th best, k = ⌊n/3⌋ + 1: 1 of 1–2
 * members, 2 of 3–5, 3 of 6–8 ...). Chosen by cross-validation over the tuning halves (the k-th alone:
 * CV P 0.897 R 0.718; this: P 0.918 R 0.740; the best alone: the same, but a chain A~B~C welds).
 */
export function clusterScore(
  f: ItemFeatures,
  members: readonly ItemFeatures[],
  cluster: { victims: readonly { key: string; name: string }[]; anchors: ReadonlySet<string> },
  rarity: Rarity,
): number {
  if (!members.length) return 0;
  // An outbreak's cluster has many victims: its victims keep out only an item that is no part of it. Nor
  // do they keep out an item whose victim a member's text spells out ("Barts Health" in a report of an
  // "NHS trust" attack).
  if (victimsConflict(f, cluster.victims, cluster.anchors) && !members.some((m) => outbreakPair(f, m) || spellsVictimOf(m, f))) return 0;
  let vetoes = 0;
  const scores: number[] = [];
  for (const m of members) {
    if (vetoed(f, m)) {
      vetoes++;
      scores.push(0);
    } else scores.push(unguardedScore(f, m, rarity));
  }
  if (vetoes * 2 >= members.length) return 0;
  scores.sort((x, y) => y - x);
  return (scores[0] + scores[Math.floor(members.length / 3)]) / 2;
}

/** The index keys an item is found by: its anchors and its title words. */
export function matchKeys(f: ItemFeatures): readonly string[] {
  let keys = MATCH_KEYS.get(f);
  if (!keys) MATCH_KEYS.set(f, (keys = [...new Set([...f.anchors, ...f.words.map((w) => `w:${w}`)])]));
  return keys;
}
const MATCH_KEYS = new WeakMap<ItemFeatures, string[]>();
