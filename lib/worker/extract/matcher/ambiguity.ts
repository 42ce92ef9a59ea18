/**
 * Which names are ordinary words, decided per alias from data when the matcher is compiled:
 * - an ordinary English word (SUBTLEXus: seen ≥ 20 times in 51M words of subtitles, in lower case),
 *   or one of the field's own generic words (the cue words: "ransomware", "loader" ...);
 * - a well-known other name (a usually capitalised SUBTLEXus word seen ≥ 100 times: "Zeus", "Cuba"),
 *   or a name that another catalogue entity of another type also bears (ransomware "Cuba", country Cuba);
 * - three letters or fewer ("at", "Net", "BR");
 * - or listed by the catalogue itself (`ambiguous`).
 * The flags say what a mention must show to count; the gazetteer applies them.
 */
import type { CatalogueEntry, EntityType } from '../../../shared/types';
import { COMMON_WORDS, PROPER_WORDS } from './words/common-words';
import { foldString, isWordCode } from './fold';

/** Bump when a change here (or in the word lists) changes the flags a catalogue compiles to. */
export const RULES_VERSION = 11;

/** The first character of the term is a word character: a word character before it rejects a hit. */
export const F_START_WORD = 1;
/** The last character of the term is a word character: a word character after it rejects a hit. */
export const F_END_WORD = 2;
/** Only with the casing that makes it a name (capitalised words where the name has them). */
export const F_NEEDS_CASE = 4;
/** Only with a nearby cue word, or when the same entity is named unambiguously elsewhere in the text. */
export const F_NEEDS_CUE = 8;
/** Only with exactly the letters' case of the alias (short names: "BR", "Net", "at"). */
export const F_EXACT_CASE = 16;
/** An ATT&CK id (G0007, S0154, T1566.001): found by the patterns, kept for look-ups only. */
export const F_ATTACK_ID = 32;

/**
 * Kept for look-ups, never matched in text: a technique whose name is one ordinary word or three letters
 * ("Malware", "Server", "Tool", "DNS", "At" — ATT&CK sub-technique names cut from their parent), and the
 * operating system's own programs that ATT&CK lists as tools (meta.systemUtility: "cmd.exe", "netstat"),
 * and software filed under its maker's company name (meta.companyName: "Allwinner").
 */
export const F_LOOKUP_ONLY = 64;

/** Default cue words per entity type: near an ambiguous name they make it a name. */
export const DEFAULT_CUES: Partial<Record<EntityType, readonly string[]>> = {
  // Nouns that say "this is malicious software". Generic ones ("variant", "payload", "sample", "family",
  // "group") are left out: "the Delta variant", "Final Payload", "One group" are not malware names.
  malware: [
    'ransomware',
    'malware',
    'trojan',
    'trojans',
    'backdoor',
    'backdoors',
    'loader',
    'stealer',
    'infostealer',
    'botnet',
    'rat',
    'worm',
    'wiper',
    'spyware',
    'rootkit',
    'keylogger',
    'downloader',
    'dropper',
    'implant',
    'encryptor',
    'raas',
    'cryptominer',
    'banker',
    'webshell',
    'decryptor',
    'gang',
  ],
  actor: [
    'group',
    'gang',
    'apt',
    'hackers',
    'hacker',
    'crew',
    'hacktivist',
    'hacktivists',
    'collective',
    'state-sponsored',
    'nation-state',
    'cyberespionage',
  ],
  // Words around a product's bare ordinary-word name ("Exchange servers", "a Project update") that say the software.
  product: ['software', 'server', 'servers', 'version', 'versions', 'update', 'updates', 'patch', 'patched', 'installations', 'instances'],
  // Vulnerabilities' nicknames that are words ("Meltdown", "Downfall", "POODLE").
  vulnerability: [
    'vulnerability',
    'vulnerabilities',
    'flaw',
    'flaws',
    'bug',
    'exploit',
    'exploits',
    'exploited',
    'exploitation',
    'attack',
    'attacks',
    'cve',
    'patch',
    'patched',
  ],
};

/** Types for which an ambiguous name needs a cue word; elsewhere the right casing is enough. */
const CUE_TYPES = new Set<EntityType>(['actor', 'malware', 'vulnerability']);
/** Types whose names are ordinary phrases in their own right (techniques, attack types). */
const LEXICAL_TYPES = new Set<EntityType>(['technique', 'attack']);

let commonSet: Set<string> | undefined;
let properSet: Set<string> | undefined;
/** An ordinary word, or the plural of one ("domains", "vulnerabilities"). */
interface WordTest {
  has(word: string): boolean;
}

function wordSets(): { common: WordTest; proper: Set<string> } {
  if (!commonSet || !properSet) {
    commonSet = new Set(COMMON_WORDS.split(' '));
    for (const list of Object.values(DEFAULT_CUES)) for (const w of list ?? []) commonSet.add(w);
    properSet = new Set(PROPER_WORDS.split(' '));
  }
  const set = commonSet;
  const common: WordTest = {
    has: (w) =>
      set.has(w) || (w.length > 3 && w.endsWith('s') && (set.has(w.slice(0, -1)) || (w.endsWith('ies') && set.has(`${w.slice(0, -3)}y`)))),
  };
  return { common, proper: properSet };
}

/**
 * The stem of an ordinary verb: "encrypt" (the subtitles have "encrypted"), "knight" ("knighted"). A name that is a
 * verb's bare form ("EnCrypt", a ransomware only a long-tail list knows) reads as the verb in "Encrypt files".
 */
function verbStemOfCommon(word: string, common: WordTest): boolean {
  if (word.length < 4 || /\d/.test(word)) return false;
  return common.has(`${word}ed`) || common.has(`${word}ing`);
}

const TOKEN_RE = /[\p{L}\p{N}]+/gu;
// ATT&CK ids as MITRE numbers them (tactics TA00xx, techniques T1xxx[.xxx], groups G0xxx/G1xxx, software
// S0xxx/S1xxx); other look-alikes (Proofpoint's TA2541, the T9000 backdoor) are ordinary names.
const ATTACK_ID_RE = /^(?:ta00\d\d|t1\d{3}(?:\.\d{3})?|[gs][01]\d{3})$/;

function tokensOf(s: string): string[] {
  return s.match(TOKEN_RE) ?? [];
}

const MALWARE_CUE_SET = new Set(DEFAULT_CUES.malware);

/**
 * Known only to MISP's long-tail lists (the ransomware and tool galaxies), with no seed or ATT&CK entry
 * behind it. Their synonyms are unvetted: detection names, a scripting language ("Autoit" on Rakhni),
 * a magician ("Houdini"). Such a synonym counts only with a malware cue near it; the family's own name
 * and full forms ("Xorist ransomware") count as before.
 */
function longTailOnly(entry: CatalogueEntry): boolean {
  return entry.sources.length > 0 && entry.sources.every((s) => s.startsWith('misp:') && !s.startsWith('misp:mitre-'));
}

const PRODUCT_TYPES = new Set<EntityType>(['product', 'vendor', 'organization']);
/** A word that is, alone, the name of a product, vendor or organisation ("tiktok", "android"). */
function otherKindName(token: string, nameTypes: NameTypes): boolean {
  const types = nameTypes.get(token);
  return types !== undefined && [...types].some((t) => PRODUCT_TYPES.has(t));
}

/** Letters only, all in lower case, while the entity's own name has capitals. */
function isLowerCaseLabel(alias: string, entry: CatalogueEntry): boolean {
  return /^[a-z][a-z ]*$/.test(alias) && entry.name !== alias && /\p{Lu}/u.test(entry.name);
}

/** Folded name → the entity types that bear it, to find names shared across types. */
export type NameTypes = Map<string, Set<EntityType>>;

export function termFlags(alias: string, folded: string, entry: CatalogueEntry, nameTypes: NameTypes): number {
  let flags = 0;
  if (isWordCode(folded.charCodeAt(0))) flags |= F_START_WORD;
  if (isWordCode(folded.charCodeAt(folded.length - 1))) flags |= F_END_WORD;
  if (ATTACK_ID_RE.test(folded)) return flags | F_ATTACK_ID;

  // The operating system's own programs (cmd.exe, schtasks, netstat), which ATT&CK lists as tools since
  // attackers run them: a reader is not pointed at "cmd.exe" as a malware name; look-ups still know them.
  if (entry.type === 'malware' && entry.meta?.systemUtility === true) return flags | F_LOOKUP_ONLY;
  // Software that ATT&CK files under a company's name (meta.companyName: "Allwinner"): the name is the company's.
  if (entry.type === 'malware' && entry.meta?.companyName === true) return flags | F_LOOKUP_ONLY;

  const cueType = CUE_TYPES.has(entry.type);
  const cue = cueType ? F_NEEDS_CUE : 0;
  const tokens = tokensOf(folded);
  const { common, proper } = wordSets();
  // An alias the source writes all in lower case beside a capitalised name ("norton" and "scout", NETEAGLE's
  // variants; "oxide", "briar", Mandrake's): a label, not the name a report gives; capitalised in prose it
  // is as often the brand or the word ("Norton", "Scout"), so it counts only with the kind said near it.
  if (cueType && isLowerCaseLabel(alias, entry) && !tokens.some((t) => MALWARE_CUE_SET.has(t)))
    return termFlags(alias, folded, { ...entry, name: alias }, nameTypes) | F_NEEDS_CASE | F_NEEDS_CUE;
  if (entry.type === 'malware' && longTailOnly(entry) && folded !== foldString(entry.name) && !tokens.some((t) => MALWARE_CUE_SET.has(t)))
    // The flags it would get as a name of its own (named so, it is no longer a synonym: no recursion), plus the cue.
    return termFlags(alias, folded, { ...entry, name: alias }, nameTypes) | F_NEEDS_CUE;
  if (entry.type === 'technique') {
    if (tokens.length <= 1 && (tokens.length === 0 || tokens[0].length <= 3 || common.has(tokens[0]))) return flags | F_LOOKUP_ONLY;
    // "Process Injection", "Command and Control": a technique's name when written as ATT&CK writes it.
    if (tokens.every((t) => common.has(t) || /^\d+$/.test(t))) return flags | F_NEEDS_CASE;
    return flags;
  }
  if (tokens.length === 0 || (tokens.length === 1 && tokens[0].length <= 3)) return flags | F_EXACT_CASE | cue;
  if (entry.ambiguous?.some((a) => foldString(a) === folded)) return flags | F_NEEDS_CASE | cue;
  if (tokens.length === 1) {
    const word = tokens[0];
    if (LEXICAL_TYPES.has(entry.type)) return flags;
    // A product's ordinary word beside its full name ("Project", "Office", "Exchange" of "Microsoft Project"): at
    // the start of a sentence or in another name ("The Project was delayed", "Project Spy") it is the word, so
    // it counts only with the software said near it or the product named in full elsewhere in the text.
    if (entry.type === 'product' && common.has(word) && folded !== foldString(entry.name)) return flags | F_NEEDS_CASE | F_NEEDS_CUE;
    if (common.has(word) || (cueType && verbStemOfCommon(word, common))) return flags | F_NEEDS_CASE | cue;
    // A name an entity of a cue-less type also bears (country Cuba, ransomware Cuba). Actor and malware
    // sharing a name (Carbanak) is no ambiguity of the word: the gazetteer picks between them by cue.
    const sharedWithOtherType = [...(nameTypes.get(folded) ?? [])].some((t) => !CUE_TYPES.has(t));
    if (cueType && (proper.has(word) || sharedWithOtherType)) return flags | F_NEEDS_CASE | cue;
    return flags;
  }
  if (LEXICAL_TYPES.has(entry.type)) return flags;
  // Several words, all of them ordinary ("Fancy Bear", "Vice Society"): a name only when capitalised.
  if (tokens.every((t) => common.has(t) || /^\d+$/.test(t))) {
    // ...and an all-lower-case alias of an actor or malware ("black energy") needs a cue as well.
    return flags | F_NEEDS_CASE | (alias === alias.toLowerCase() ? cue : 0);
  }
  // Several words, each ordinary or a product's or company's name, at least one of them so ("Tiktok Pro", ATT&CK's
  // spyware named after the app it imitates): in prose that is the app, unless the sentence says malware.
  if (cueType && tokens.some((t) => otherKindName(t, nameTypes)) && tokens.every((t) => common.has(t) || otherKindName(t, nameTypes)))
    return flags | F_NEEDS_CASE | cue;
  return flags;
}
