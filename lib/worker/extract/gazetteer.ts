/**
 * Catalogue names in a text: the compiled matcher's whole-word hits, filtered by the rules for names
 * that are ordinary words (flags decided at compile time, see matcher/ambiguity.ts):
 * - F_EXACT_CASE: short names count only with the alias's exact letters ("Net", not "net" or "NET");
 * - F_NEEDS_CASE: ordinary words count only capitalised as names are ("Play", "Vice Society");
 * - F_NEEDS_CUE: actor and malware names that are ordinary words or other things' names count only with
 *   a cue word of their type close by ("Play ransomware", "the Royal gang", "Snake malware"), or when
 *   the same entity is named unambiguously elsewhere in the text.
 * Whatever the flags, a hit is no mention when it is one part of a dotted identifier ("Win32.Backdoor.NetWiredRC",
 * "socat.zip"), a segment of a link's path (url-path.ts), or, for actors and malware, a name the text calls
 * a company ("a company called eSurv", "eSurv S.R.L").
 * Among a hit's candidate entities the best-supported wins; then leftmost-longest over the text.
 */
import type { EntityMatch, EntityType } from '../../shared/types';
import {
  DEFAULT_CUES,
  F_ATTACK_ID,
  F_LOOKUP_ONLY,
  F_EXACT_CASE,
  F_NEEDS_CASE,
  F_NEEDS_CUE,
  isUpperCode,
  isWordCode,
  leftmostLongest,
  type CompiledMatcher,
  type EntityInfo,
} from './matcher';
import { inUrlPath } from './url-path';
import {
  isListGap,
  pastBandNoun,
  sentenceSaysCampaign,
  sentenceSaysCrew,
  sentenceSaysExploit,
  sentenceSaysKind,
  sentenceSaysPeople,
  saysProduct,
  writesInLowerCase,
} from './kind-in-context';
import { slug } from '../knowledge/keys';
import { asciiTwin, guarded, lazyRegExp } from './lazy-regexp';
import { isCommonWord } from './common-word';

/** Words read on each side of a name when looking for a cue, within its sentence. */
const CUE_WINDOW = 2;

// What the sentence says ranks below a name that needs nothing: another entity's own name wins the tie.
const RULE_RANK = { cue: 4, name: 3, case: 3, 'sentence-says-so': 2, 'listed-with-its-kind': 2, 'named-elsewhere': 1, quoted: 1 } as const;
type Rule = keyof typeof RULE_RANK;

interface Candidate {
  start: number;
  end: number;
  term: number;
  entity: EntityInfo;
  rule: Rule | 'pending';
  /** A cue of the entity's type is near (breaks ties between entities sharing a name). */
  cued: boolean;
  /** The word right after the name is a cue of the entity's type only ("Snake malware"): the name's own head noun. */
  headed?: boolean;
}

interface Cues {
  words: Set<string>;
  /** Cues of several words ("leak site", "ransom note"), as word arrays. */
  phrases: string[][];
}

const cueSets = new Map<string, Cues>();
function cuesFor(entity: EntityInfo): Cues {
  const id = entity.cues?.length ? `${entity.type}|${entity.cues.join('|')}` : entity.type;
  let cues = cueSets.get(id);
  if (!cues) {
    cues = { words: new Set(DEFAULT_CUES[entity.type as EntityType] ?? []), phrases: [] };
    for (const c of entity.cues ?? []) {
      const words = c
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      if (words.length === 1) cues.words.add(words[0]);
      else if (words.length > 1) cues.phrases.push(words);
    }
    cueSets.set(id, cues);
  }
  return cues;
}

/** The length in words of a cue (word or phrase) that begins at words[i], 0 if none does. */
function cueAt(words: string[], i: number, cues: Cues): number {
  if (i >= words.length) return 0;
  if (cues.words.has(words[i])) return 1;
  for (const p of cues.phrases) {
    let k = 0;
    while (k < p.length && words[i + k] === p[k]) k++;
    if (k === p.length) return k;
  }
  return 0;
}

/** A sentence ends here: the cue window does not cross it. */
function isStop(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x21 || c === 0x3f || c === 0x3b || c === 0x0a) return true; // ! ? ; newline
  return c === 0x2e && (i + 1 >= text.length || text.charCodeAt(i + 1) === 0x20); // ". "
}

/** Up to `count` lower-cased words before `from` (going left) or after it (going right), in the sentence. */
export function wordsAround(text: string, from: number, dir: -1 | 1, count: number): string[] {
  const words: string[] = [];
  let i = dir < 0 ? from - 1 : from;
  while (words.length < count && i >= 0 && i < text.length) {
    while (i >= 0 && i < text.length && !isWordCode(text.charCodeAt(i))) {
      if (isStop(text, i)) return words;
      i += dir;
    }
    const edge = i;
    while (i >= 0 && i < text.length && isWordCode(text.charCodeAt(i))) i += dir;
    if (edge === i) break;
    const word = dir < 0 ? text.slice(i + 1, edge + 1) : text.slice(edge, i);
    if (word.length > 1) words.push(word.toLowerCase()); // "'s" and initials do not use up the window
  }
  return words;
}

/**
 * A cue word of the entity's type close by. At the start of a sentence the capital shows nothing and
 * "Final Payload" or "One group" read as prose, so there only the word right after the name counts.
 */
function hasCue(text: string, start: number, end: number, entity: EntityInfo): boolean {
  const cues = cuesFor(entity);
  const extra = cues.phrases.reduce((n, p) => Math.max(n, p.length - 1), 0);
  if (startsSentence(text, start)) return cueAt(wordsAround(text, end, 1, 1 + extra), 0, cues) > 0;
  // Before the name (in reading order): a cue whose last word is among the CUE_WINDOW nearest words.
  const before = wordsAround(text, start, -1, CUE_WINDOW + extra).reverse();
  for (let i = 0; i < before.length; i++) {
    const len = cueAt(before, i, cues);
    if (len > 0 && i + len - 1 >= before.length - CUE_WINDOW) return true;
  }
  // After it: a cue that begins among the CUE_WINDOW nearest words.
  const after = wordsAround(text, end, 1, CUE_WINDOW + extra);
  for (let i = 0; i < Math.min(CUE_WINDOW, after.length); i++) if (cueAt(after, i, cues) > 0) return true;
  return false;
}

/**
 * Four capitals or fewer followed by a capitalised word in lower case ("ABCD Pediatrics", "NEC Corporation"):
 * the short form is the first word of that name. A word for the kind ("ABCD Ransomware") is a cue, read before.
 */
function beginsLongerName(text: string, start: number, end: number): boolean {
  if (end - start > 4 || !/^\p{Lu}+$/u.test(text.slice(start, end))) return false;
  return /^ \p{Lu}\p{Ll}+(?![\p{L}\p{N}])/u.test(text.slice(end, end + 40));
}

const OPEN_QUOTE = /[“"‘']\s{0,2}$/u;
const CLOSE_QUOTE = /^\s{0,2}[”"’']/u;
/**
 * A name the writer sets in quotes, as reports do when they name a family ("“ Agent Smith ” currently uses
 * its broad access"): the quotes mark a name, not the words' ordinary sense. One ordinary word in quotes is
 * as often a button's or a file's label ("the “Play” button"), so it does not count.
 */
function quotedName(text: string, start: number, end: number): boolean {
  const span = text.slice(start, end);
  if (!/\s/.test(span) && isCommonWord(span.toLowerCase())) return false;
  return OPEN_QUOTE.test(text.slice(Math.max(0, start - 3), start)) && CLOSE_QUOTE.test(text.slice(end, end + 3));
}

/** Nothing but spaces, quotes, brackets or list marks between the sentence's start and `start`. */
export function startsSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    if (isStop(text, i)) return true;
    const c = text.charCodeAt(i);
    if (isWordCode(c) || c === 0x2c || c === 0x3a) return false; // a word, a comma or a colon before it
  }
  return true;
}

const TOKEN_RE = /[\p{L}\p{N}]+/gu;
const LEADING_FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of']);
const TRAILING_GROUP_WORDS = new Set(['group', 'gang', 'team', 'crew']);

/** Capitalised as a name: each word the alias capitalises (all of them, if it capitalises none) is capitalised. */
export function hasNameCase(span: string, alias: string): boolean {
  const at = alias.match(TOKEN_RE) ?? [];
  const st = span.match(TOKEN_RE) ?? [];
  if (at.length === 0 || st.length === 0) return false;
  const aliasHasUpper = at.some((t) => isUpperCode(t.charCodeAt(0)));
  const n = at.length === st.length ? at.length : 1;
  for (let i = 0; i < n; i++) {
    const a = at[i];
    if (!/\p{L}/u.test(a[0])) continue;
    if (i === 0 && n > 1 && LEADING_FUNCTION_WORDS.has(a.toLowerCase())) continue;
    // "Cobalt group", "Equation group": the noun for a group of people closing a name is written either way.
    if (i === n - 1 && n > 1 && TRAILING_GROUP_WORDS.has(a.toLowerCase())) continue;
    const need = aliasHasUpper ? isUpperCode(a.charCodeAt(0)) : true;
    if (need && !isUpperCode(st[i].charCodeAt(0))) return false;
  }
  return true;
}

/** The same letters and digits, in the same case. */
function hasExactCase(span: string, alias: string): boolean {
  return (span.match(TOKEN_RE) ?? []).join(' ') === (alias.match(TOKEN_RE) ?? []).join(' ');
}

const LEXICAL_TYPES = new Set(['technique', 'attack']);

const isHyphen = (c: number) => c === 0x2d || c === 0x2010 || c === 0x2011;
const isCapOrDigit = (c: number) => isUpperCode(c) || (c >= 0x30 && c <= 0x39);

/**
 * A short name that is part of something else: hyphenated to a capitalised word or a number ("TIBER-EU",
 * "US-CERT", "EU-27"; "US-based" stays a place), or a currency before an amount ("US $20,000").
 */
function insideLongerName(text: string, start: number, end: number): boolean {
  if (start >= 2 && isHyphen(text.charCodeAt(start - 1)) && isWordCode(text.charCodeAt(start - 2))) {
    let i = start - 2;
    while (i > 0 && isWordCode(text.charCodeAt(i - 1))) i--;
    if (isCapOrDigit(text.charCodeAt(i))) return true;
  }
  if (end + 1 < text.length && isHyphen(text.charCodeAt(end)) && isCapOrDigit(text.charCodeAt(end + 1))) return true;
  let j = end;
  while (j < text.length && text.charCodeAt(j) === 0x20) j++;
  return j < text.length && text.charCodeAt(j) === 0x24; // "$"
}

/**
 * A name glued by a dot to a further word is one part of a dotted identifier: a detection name
 * ("Win32.Backdoor.NetWiredRC", "Trojan-Banker.AndroidOS.Riltok"), a file name ("socat.zip", "DOHA.pdf"),
 * a code namespace ("SolarWinds.Orion.Core"). Those are read whole or not at all; a reader is not pointed
 * at a word inside them. A sentence's full stop is followed by a space, so it never glues.
 */
export function insideDottedName(text: string, start: number, end: number): boolean {
  // An underscore glues too: "SYSTEM_ALERT_WINDOW", "apt_report" are identifiers, not names.
  if (text.charCodeAt(start - 1) === 0x5f || text.charCodeAt(end) === 0x5f) return true;
  if (start >= 2 && text.charCodeAt(start - 1) === 0x2e && isWordCode(text.charCodeAt(start - 2))) return true;
  return end + 1 < text.length && text.charCodeAt(end) === 0x2e && isWordCode(text.charCodeAt(end + 1));
}

/** The head nouns of an organisation's name: "Zero Day Initiative", "Ransomware Task Force", "Phishing Defense Center". */
const ORG_HEAD = String.raw`(?:Initiative|Task Force|Working Group|Cent(?:er|re)|Institute|Alliance|Council|Foundation|Coalition|Consortium|Association|Agency|Bureau|Commission|Committee|Forum|Summit|Conference|Unit|Division|Labs?|Laboratory|Squad|Awards?)`;
/** At most one capitalised word between the phrase and the head: a title-case headline ("Zero-Day Attack Hits Council") reads on. */
/**
 * Guarded by its head noun anywhere: a list of words with no letter class, cheaper for V8 to build as it is first
 * run (in a woken worker) than the class of the capitalised word that may come between.
 */
const ORG_HEAD_AFTER = guarded(lazyRegExp(String.raw`^(?:[ \t]+\p{Lu}[\p{L}\p{N}'’-]*)?[ \t]+${ORG_HEAD}\b`, 'u'), new RegExp(ORG_HEAD));
/** "Center for Phishing Research", "Coalition Against Stalkerware". */
const ORG_HEAD_BEFORE = new RegExp(String.raw`\b${ORG_HEAD}[ \t]+(?:for|of|on|against|Against)[ \t]+(?:the[ \t]+)?$`, 'u');

/**
 * An attack type or technique written capitalised as a word of an organisation's name is the
 * organisation's: "Zero Day Initiative", "Phishing Defense Center", "Anti-Phishing Working Group",
 * "Center for Phishing Research". Only capitalised spans: "a zero day initiative" is ordinary prose.
 */
function insideOrganisationName(text: string, start: number, end: number): boolean {
  return ORG_HEAD_AFTER.test(text.slice(end, end + 40)) || ORG_HEAD_BEFORE.test(text.slice(Math.max(0, start - 40), start));
}

const CUE_TYPE_SET = new Set(['actor', 'malware']);
/** A campaign's name: "Operation Sharpshooter", "Campaign C0015". */
const OPERATION = /^(?:Operation|Campaign)\s+/;
const OPERATION_BEFORE = /\b(?:Operation|Campaign)\s$/;

/**
 * text[start..] (`span`) is, or follows, "Operation" or "Campaign", and the entity is named for that
 * campaign itself ("Operation Sharpshooter" or "Sharpshooter"), not a group it is attributed to.
 */
function campaignNamed(text: string, start: number, span: string, entityName: string): boolean {
  if (!OPERATION.test(span) && !OPERATION_BEFORE.test(text.slice(Math.max(0, start - 10), start))) return false;
  const bare = (s: string) => s.replace(OPERATION, '').toLowerCase();
  return bare(span) === bare(entityName);
}
/** Nouns for a business: "the Italian company eSurv", "a company called eSurv", "chip maker Allwinner". */
const ORG_NOUNS = new Set(['company', 'firm', 'vendor', 'maker', 'manufacturer', 'supplier', 'corporation', 'contractor', 'startup']);
/** People and parts of a business, before "of X": "the CEO of eSurv", "an employee of eSurv", "a subsidiary of X". */
const MEMBER_OF = new Set([
  'ceo',
  'cto',
  'founder',
  'cofounder',
  'co-founder',
  'employee',
  'employees',
  'staff',
  'subsidiary',
  'shareholders',
  'owner',
  // A business bought: "F5's buyout of Calypso AI", "the acquisition of X" (a gang is not bought).
  'acquisition',
  'buyout',
  'takeover',
]);
/**
 * Legal forms after a company's name: "eSurv S.R.L", "Trickbot LLC", "X Inc." (a short, anchored look); or a
 * capitalised word that ends a business's name ("Calypso AI", "X Technologies", "X Holdings"), none of which a
 * title-case headline puts after a family's or a group's name ("Security", "Systems" or "Software" it might).
 */
const LEGAL_FORM_AFTER = guarded(
  /^,?\s{0,3}(?:Inc|Ltd|LLC|GmbH|Corp|PLC|S\.R\.L|Srl|S\.p\.A|S\.A|AI|Technologies|Solutions|Holdings|Ventures|Capital|Consulting|Corporation|Limited|Incorporated)\b/,
  // Their first two letters: a pattern a fraction of its cost to build (in a woken worker).
  /^,?\s{0,3}(?:In|Lt|LL|Gm|Co|PL|S[.r]|AI|Te|So|Ho|Ve|Ca|Li)/,
);
/**
 * A business in apposition after the name: "the Mabna Institute, an Iranian government contractor". Guarded by its
 * opening and its noun, with its flags: V8 builds the Unicode classes of the whole (three times over, one per word
 * it may skip) as it is first run, which a woken worker need not for a page where no name is followed by one.
 */
const ORG_APPOSITION_AFTER = guarded(
  lazyRegExp(
    String.raw`^(?:\s*,\s*|\s+(?:is|was)\s+)(?:an?|the)\s+(?:[\p{L}\p{N}][\p{L}\p{N}'’-]*\s+){0,3}?(?:company|firm|vendor|maker|manufacturer|supplier|corporation|contractor|startup|subsidiary|business)\b`,
    'iu',
  ),
  /^(?:\s*,\s*|\s+(?:is|was)\s+)(?:an?|the)\s/iu,
  /(?:company|firm|vendor|maker|manufacturer|supplier|corporation|contractor|startup|subsidiary|business)\b/iu,
);

/**
 * Spyware and groups are sometimes named after the company behind them (eSurv, Allwinner's kernel
 * backdoor, front companies listed as a group's aliases). Where the text calls the name a company, it is
 * the company: an organisation noun just before it ("a company called X", "the firm X"), someone who works
 * for it or owns it ("the CEO of X", "an employee of X"), a legal form just after ("X S.R.L", "X Inc") or
 * a business in apposition or after a copula ("X, an Iranian government contractor", "X was a business unit of").
 */
export function saysOrganisation(text: string, start: number, end: number): boolean {
  const before = wordsAround(text, start, -1, 2);
  if (before.length > 0 && (ORG_NOUNS.has(before[0]) || (before[0] === 'called' && before.length > 1 && ORG_NOUNS.has(before[1]))))
    return true;
  if (before.length > 1 && before[0] === 'of' && MEMBER_OF.has(before[1])) return true;
  const after = text.slice(end, end + 80);
  return LEGAL_FORM_AFTER.test(after) || ORG_APPOSITION_AFTER.test(after);
}

/** A capitalised word right before `start` (one blank between): the name goes on to the left. */
const CAPITALISED_BEFORE = /(?:^|[^\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}'’-]*)[ \t\u00a0]$/u;
/**
 * Right after the name, the head noun of an organisation's name ("Team", "Labs", "Research", "Center"), or of a
 * family's ("the UAE Royal Family": capitalised, a family of people, not "the X family" of malware).
 */
const ORG_HEAD_NEXT = new RegExp(String.raw`^[ \t\u00a0](?:${ORG_HEAD}|Team|Research|Group|Project|Family)\b`, 'u');

/**
 * Inside a sentence, a capitalised word right before the name (not the sentence's first) and the head noun of an organisation's name
 * right after it: the name is a word of the organisation's ("Malware Hunter Team", a research group, not the
 * Tinba alias "Hunter"; "the UAE Royal Family", not the Royal ransomware). A head that is a cue of the entity's own kind ("group" of an actor) decides nothing.
 */
function wordOfLongerName(text: string, start: number, end: number, entity: EntityInfo): boolean {
  // (The head first: the capitalised word's pattern, its Unicode classes built as it is first run, is then seldom run.)
  if (!ORG_HEAD_NEXT.test(text.slice(end, end + 40))) return false;
  const from = Math.max(0, start - 30);
  const before = CAPITALISED_BEFORE.exec(text.slice(from, start));
  // (The word before must not open the sentence itself: there its capital shows nothing.)
  if (!before || startsSentence(text, from + before.index + before[0].indexOf(before[1]))) return false;
  return cueAt(wordsAround(text, end, 1, 1), 0, cuesFor(entity)) === 0;
}

/**
 * Right after a ransomware's ordinary-word name, the head noun of another kind of malware: that family's name, not
 * the ransomware's ("the Stop keylogger", "a Hive botnet"). Loaders and droppers are left out: ransomware has them.
 */
const OTHER_KIND_AFTER =
  /^[ \t\u00a0]+(?:key ?loggers?|(?:info)?stealers?|botnets?|rats?|remote access trojans?|bankers?|banking trojans?|(?:crypto)?miners?|web ?shells?|spyware|rootkits?|backdoors?)\b/i;

/** Right after a name, a lure's theme: "a Coronavirus theme", "COVID-19-themed documents" name what the lure is about. */
const THEME_AFTER = /^(?:[ \t\u00a0]+|-)(?:themes?|themed)\b/i;

/** Right after an actor's name, a word for a flaw: the flaw's nickname ("the Chimera flaws", "the Chimera issues"). */
const FLAW_AFTER = /^[ \t\u00a0]+(?:flaws?|vulnerabilit(?:y|ies)|bugs?|issues)\b/i;

/** The sentence says the name is of its entity's kind, or the ransomware family's crew. */
function saysOwnKind(text: string, start: number, end: number, entity: EntityInfo): boolean {
  return sentenceSaysKind(text, start, end, entity.type) || (entity.subtype === 'ransomware' && sentenceSaysCrew(text, start, end));
}

function hasUpper(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isUpperCode(s.charCodeAt(i))) return true;
  return false;
}

/**
 * Words for what a family is that catalogues fold into its aliases ("Buer Loader", "Raccoon Stealer",
 * "Epsilon Ransomware", "Kronos Banking Trojan") but prose puts after the name as a common noun ("the
 * Buer loader", "Raccoon Stealer is a malware"). "RAT" goes too ("NanoCore RAT", "Remcos RAT": the labelled
 * reports mark the bare name about twice as often as the name with RAT). "Miner" stays: "XMRig miner" is as
 * often the whole name as not.
 */
const HEAD_AFTER_NAME =
  /\s+(?:malware|ransomware|stealer|infostealer|loader|downloader|dropper|backdoor|botnet|trojan|banking\s+trojan|logger|keylogger|spyware|wiper|implant|rat)$/i;

/**
 * Where a malware name ends in the text: a catalogue alias that is the family's name plus a word for what
 * it is ends before that word when the bare name is the same family's too, so that "the Buer loader"
 * marks "Buer", as the name is marked everywhere else and as malware found by its shape is. A family that
 * a long-tail list knows only by its full form ("Epsilon Ransomware": the bare word alone is not a name of
 * it), or a toolset named after its actor ("the Carbanak backdoor"), is marked the same way, unless the bare
 * words are all ordinary ones ("Remote Access Trojan") or another malware entity's name.
 */
function nameEnd(text: string, start: number, end: number, key: string, matcher: CompiledMatcher): number {
  const head = HEAD_AFTER_NAME.exec(text.slice(start, end));
  if (!head || head.index === 0) return end;
  const bare = text.slice(start, start + head.index);
  const terms = matcher.lookup(bare);
  // The bare name is the family's, or the actor's that the toolset is named after ("the Carbanak backdoor").
  if (terms.some((t) => matcher.termEntityInfo(t).key === key || matcher.termEntityInfo(t).type === 'actor')) return start + head.index;
  if (terms.length > 0) return end;
  const words = bare.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0 && !words.every((w) => isCommonWord(w)) ? start + head.index : end;
}

/** The word after a name, when it is one for malware ("Carbanak malware", "the Turla backdoor"); an ASCII text's by ASCII classes. */
const MALWARE_WORD_AFTER = asciiTwin(/^[ \t\u00a0]+([A-Za-z]+)(?![\p{L}\p{N}])/u, /^[ \t]+([A-Za-z]+)(?![A-Za-z0-9])/);
/** How catalogues name a toolset after its actor: "Carbanak Backdoor", "Lazarus Malware". */
const TOOLSET_FORMS = ['Backdoor', 'Malware', 'Trojan', 'RAT', 'Loader', 'Toolset'];

/**
 * A toolset named after the actor that uses it, which the catalogue knows only in its full form ("Carbanak
 * Backdoor" beside the actor Carbanak): an actor's name followed by a word for malware ("the Carbanak malware")
 * is the toolset, as it is where the catalogue gives the two entities the same name (the cue decides there).
 * Returns that malware term, if the catalogue has one.
 */
function toolsetNamedAfter(text: string, start: number, end: number, matcher: CompiledMatcher): number | undefined {
  const w = MALWARE_WORD_AFTER.exec(text.slice(end, end + 24));
  if (!w || !DEFAULT_CUES.malware?.includes(w[1].toLowerCase())) return undefined;
  const name = text.slice(start, end);
  for (const form of [w[1], ...TOOLSET_FORMS])
    for (const t of matcher.lookup(`${name} ${form}`)) if (matcher.termEntityInfo(t).type === 'malware') return t;
  return undefined;
}

/**
 * Entities of two types sharing a name, both with a cue near (an actor and the toolset named after it):
 * the noun right after the name is the name's head and says which one is meant, over a cue further off
 * ("the Turla group's Snake malware" is the malware, though "group" is two words before it). A noun that is a
 * cue of both types ("gang") decides nothing.
 */
function markHeadNoun(text: string, cands: Candidate[]): void {
  if (cands.length < 2 || new Set(cands.filter((c) => c.cued).map((c) => c.entity.type)).size < 2) return;
  const next = wordsAround(text, cands[0].end, 1, 1);
  if (next.length === 0) return;
  const types = new Set(cands.filter((c) => cueAt(next, 0, cuesFor(c.entity)) > 0).map((c) => c.entity.type));
  if (types.size !== 1) return;
  for (const c of cands) if (c.cued && types.has(c.entity.type)) c.headed = true;
}

/**
 * Names still waiting for a cue that stand in one list with a name of the same kind ("Kronos, Osiris,
 * and Ares binaries", "groups such as SamSam and Dharma"): the list says what they are. A few passes, so
 * that a list is read along its length from the name that settled it.
 */
function listedWithItsKind(text: string, chosen: Candidate[], unresolved: Candidate[][]): Candidate[] {
  const added: Candidate[] = [];
  const settled = chosen.filter((c) => CUE_TYPE_SET.has(c.entity.type));
  for (let pass = 0; pass < 3 && unresolved.length > 0 && settled.length > 0; pass++) {
    const before = added.length;
    for (let i = unresolved.length - 1; i >= 0; i--) {
      const c = unresolved[i].find((u) =>
        settled.some((k) => k.entity.type === u.entity.type && (isListGap(text, k.end, u.start) || isListGap(text, u.end, k.start))),
      );
      if (!c) continue;
      c.rule = 'listed-with-its-kind';
      added.push(c);
      settled.push(c);
      unresolved.splice(i, 1);
    }
    if (added.length === before) break;
  }
  return added;
}

/**
 * An actor chosen over malware of the same name (a toolset named after its group) that stands in one list with
 * malware of another name ("used ShadowPad and Winnti against", "PlugX, Winnti and Cobalt Strike"): the list says
 * it is the toolset, unless a cue word or the sentence says it is the group.
 */
function toolsetsInLists(text: string, chosen: Candidate[], shared: Map<Candidate, Candidate[]>): void {
  for (const [actor, cands] of shared) {
    const malware = cands.find((c) => c.entity.type === 'malware');
    if (!malware || actor.cued || sentenceSaysKind(text, actor.start, actor.end, 'actor')) continue;
    const beside = chosen.some(
      (k) => k.entity.type === 'malware' && !shared.has(k) && (isListGap(text, k.end, actor.start) || isListGap(text, actor.end, k.start)),
    );
    if (!beside) continue;
    const i = chosen.indexOf(actor);
    chosen[i] = { ...malware, rule: malware.rule === 'pending' ? 'listed-with-its-kind' : malware.rule };
  }
}

/**
 * An actor and a malware entity sharing the name (a toolset named after its group: Carbanak, Winnti), the
 * malware chosen by a cue word: where the sentence says the name is of people and not of software ("the
 * Carbanak gang stole millions", "attributed to Carbanak"; "gang" is a cue of both kinds), the actor. Not
 * the other way: the labelled reports read "the Winnti sample" as the group's (see the rule above), and
 * moving such mentions to the toolset cost tuned actor recall 0.815 -> 0.788 (synced).
 */
function actorTheSentenceSays(text: string, cands: Candidate[], best: Candidate): Candidate {
  if (best.entity.type !== 'malware' || best.headed) return best;
  const actor = cands.find((c) => c.rule !== 'pending' && c.entity.type === 'actor');
  if (!actor || !sentenceSaysKind(text, best.start, best.end, 'actor')) return best;
  return sentenceSaysKind(text, best.start, best.end, 'malware') ? best : actor;
}

/**
 * Letters only, in words joined by a blank or a hyphen. An ASCII span is read with an ASCII pattern (the same
 * answer): the Unicode one, which V8 builds as it is first run, only for the others.
 */
function lettersOnly(span: string): boolean {
  return /^[\x00-\x7f]*$/.test(span) ? /^[A-Za-z]+(?:[ -][A-Za-z]+)*$/.test(span) : /^\p{L}+(?:[ -]\p{L}+)*$/u.test(span);
}

/**
 * A capitalised mention of an actor's or malware's name that the same text also writes in lower case, as a
 * word of its prose (kind-in-context.ts): the writer uses it as an everyday word, which a catalogue's long
 * tail can hold ("coronavirus", a ransomware's name). Not a tool's name, which writers type as the command
 * it is ("ran mimikatz"), nor a mention in the catalogue's own coined casing ("CoronaVirus").
 */
function writtenAsWord(text: string, span: string, alias: string, entity: EntityInfo, words: Map<string, boolean>): boolean {
  // (An everyday word has letters only: "M00nD3v" beside a domain "m00nd3v[.]com" is a handle, not a word.)
  if (entity.subtype === 'tool' || !hasUpper(span) || !lettersOnly(span)) return false;
  if (/\p{Ll}\p{Lu}/u.test(alias) && hasExactCase(span, alias)) return false;
  const lower = span.toLowerCase();
  let found = words.get(lower);
  if (found === undefined) {
    found = writesInLowerCase(text, lower);
    words.set(lower, found);
  }
  return found;
}

/** Catalogue entities named in the text, with offsets and why each one counted. */
export function findCatalogueEntities(text: string, matcher: CompiledMatcher): EntityMatch[] {
  const byHit: Candidate[][] = [];
  const confirmed = new Set<string>();
  const namePrefixes = new Set<string>();
  // Names the text calls a company somewhere ("leased to eSurv S.R.L"): elsewhere too, unless the kind is said there.
  const companies = new Set<string>();
  // Names the text calls an exploit, a flaw or an attack technique somewhere ("the DoubleAgent technique"): there and
  // elsewhere, unless some mention says the kind.
  const exploits = new Set<string>();
  // Per name in lower case, whether the text writes it so as a word (writtenAsWord).
  const words = new Map<string, boolean>();
  for (const hit of matcher.scanAll(text)) {
    if (insideDottedName(text, hit.start, hit.end) || inUrlPath(text, hit.start)) continue;
    const span = text.slice(hit.start, hit.end);
    const spanHasUpper = hasUpper(span);
    const cands: Candidate[] = [];
    for (const term of hit.terms) {
      const flags = matcher.termFlags[term];
      if (flags & (F_ATTACK_ID | F_LOOKUP_ONLY)) continue; // ids are the patterns' (entities.ts maps them)
      if (flags & F_EXACT_CASE && (!hasExactCase(span, matcher.alias(term)) || insideLongerName(text, hit.start, hit.end))) continue;
      if (flags & F_NEEDS_CASE && !hasNameCase(span, matcher.alias(term))) continue;
      const entity = matcher.termEntityInfo(term);
      // "Operation Sharpshooter": a campaign's name, which some catalogues list as a group of that name. Not
      // an actor; but a campaign listed among a group's names ("Operation Cloud Hopper" of APT10) is the group's.
      if (entity.type === 'actor' && campaignNamed(text, hit.start, span, entity.name)) continue;
      // Nor is any campaign's name malware: "Operation Aurora" is the campaign, though a trojan was called "Aurora" too.
      if (entity.type === 'malware' && (OPERATION.test(span) || OPERATION_BEFORE.test(text.slice(Math.max(0, hit.start - 10), hit.start))))
        continue;
      // "Groundbait, another cyber-espionage campaign": a campaign's name, though a catalogue lists a group so named.
      if (CUE_TYPE_SET.has(entity.type) && sentenceSaysCampaign(text, hit.start, hit.end)) continue;
      // "a technique dubbed DoubleAgent", "the Chimera flaws": a family's or a group's name given to an attack technique
      // or a flaw (dropExploits, once all mentions are read). Not a tool's: tools include exploits ("the EternalBlue
      // exploit" is the seed's EternalBlue, with its card), and a tool's own flaws are a product's ("a TeamViewer
      // vulnerability", below).
      if (
        CUE_TYPE_SET.has(entity.type) &&
        entity.subtype !== 'tool' &&
        sentenceSaysExploit(text, hit.start, hit.end, entity.type) &&
        !saysOwnKind(text, hit.start, hit.end, entity)
      )
        exploits.add(span);
      // ("each company DarkSide affiliates want to encrypt": the crew or the kind said after the name wins.)
      if (CUE_TYPE_SET.has(entity.type) && saysOrganisation(text, hit.start, hit.end) && !saysOwnKind(text, hit.start, hit.end, entity)) {
        companies.add(span);
        continue;
      }
      // A name the catalogue capitalises, written all in lower case, is a URL path, a file name or a
      // hashtag ("…/apt41-targets…", "iran"), not a mention. Techniques and attack types are phrases.
      if (!spanHasUpper && !LEXICAL_TYPES.has(entity.type) && (hasUpper(entity.name) || hasUpper(matcher.alias(term)))) continue;
      if (spanHasUpper && LEXICAL_TYPES.has(entity.type) && insideOrganisationName(text, hit.start, hit.end)) continue;
      // An ordinary-word name inside a longer capitalised name ("a research group called Malware Hunter Team"),
      // or an actor's name that a flaw is nicknamed after ("the Chimera flaws"): the other name's word.
      // A name the text also writes in lower case in its prose ("the coronavirus disease", then "Coronavirus
      // Update App" against the CoronaVirus ransomware): a word to this writer, so a name only with its kind said.
      const needsCue =
        (flags & F_NEEDS_CUE) !== 0 || (CUE_TYPE_SET.has(entity.type) && writtenAsWord(text, span, matcher.alias(term), entity, words));
      if (CUE_TYPE_SET.has(entity.type) && needsCue && wordOfLongerName(text, hit.start, hit.end, entity)) continue;
      if (entity.type === 'actor' && FLAW_AFTER.test(text.slice(hit.end, hit.end + 30))) continue;
      if (CUE_TYPE_SET.has(entity.type) && THEME_AFTER.test(text.slice(hit.end, hit.end + 12))) continue;
      if (needsCue && entity.subtype === 'ransomware' && OTHER_KIND_AFTER.test(text.slice(hit.end, hit.end + 30))) continue;
      // The cue is read only where it decides something: a name that needs one, or a name several entities share.
      const decides = needsCue || hit.terms.length > 1;
      const cued = decides && DEFAULT_CUES[entity.type as EntityType] !== undefined && hasCue(text, hit.start, hit.end, entity);
      // A short form in capitals that begins a longer name ("ABCD Pediatrics", LockBit's alias ABCD) is the
      // longer name's, here and wherever else the text uses it without a cue ("ABCD's servers").
      if (!cued && CUE_TYPE_SET.has(entity.type) && beginsLongerName(text, hit.start, hit.end)) {
        namePrefixes.add(span);
        continue;
      }
      // Failing a cue word, what the sentence says the name is ("Kronos is a banking trojan", "targeted by Leviathan").
      const said = needsCue && !cued && CUE_TYPE_SET.has(entity.type) && sentenceSaysKind(text, hit.start, hit.end, entity.type);
      // Failing both, a name the writer puts in quotes ("“ Agent Smith ” currently uses"), unless it is one ordinary word.
      const quoted = needsCue && !cued && !said && CUE_TYPE_SET.has(entity.type) && quotedName(text, hit.start, hit.end);
      let rule: Candidate['rule'];
      if (needsCue) rule = cued ? 'cue' : said ? 'sentence-says-so' : quoted ? 'quoted' : 'pending';
      else rule = flags & (F_NEEDS_CASE | F_EXACT_CASE) ? 'case' : 'name';
      if (rule !== 'pending') confirmed.add(entity.key);
      // Between entities sharing a name (the Winnti group and its malware) only a cue word decides: reports
      // name the toolset after its actor ("the Winnti sample") and mean the actor as often as the tool.
      cands.push({ start: hit.start, end: hit.end, term, entity, rule, cued });
    }
    markHeadNoun(text, cands);
    if (cands.length > 0 && cands.every((c) => c.entity.type === 'actor')) {
      const toolset = toolsetNamedAfter(text, hit.start, hit.end, matcher);
      if (toolset !== undefined)
        cands.push({ start: hit.start, end: hit.end, term: toolset, entity: matcher.termEntityInfo(toolset), rule: 'cue', cued: true });
    }
    if (cands.length > 0) byHit.push(cands);
  }

  const chosen: Candidate[] = [];
  const unresolved: Candidate[][] = [];
  // Actors chosen over malware of the same name, with the candidates of their hit.
  const shared = new Map<Candidate, Candidate[]>();
  for (let cands of byHit) {
    if (namePrefixes.size > 0 && namePrefixes.has(text.slice(cands[0].start, cands[0].end)))
      cands = cands.filter((c) => c.cued || !CUE_TYPE_SET.has(c.entity.type));
    let best: Candidate | undefined;
    let bestScore = -1;
    for (const c of cands) {
      if (c.rule === 'pending') {
        if (!confirmed.has(c.entity.key)) continue;
        c.rule = 'named-elsewhere';
      }
      const score = RULE_RANK[c.rule] * 4 + (c.cued ? 2 : 0) + (c.headed ? 1 : 0);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    // An actor and a malware entity sharing the name (a toolset named after its group: Winnti, InvisiMole,
    // Taidoor), no cue word for the malware: the actor, whichever the catalogue listed first. The labelled
    // reports read "the Winnti sample" as the group's (33 actor to 2 malware on the tuned rows, synced or not).
    if (best && best.entity.type === 'malware' && !best.cued) {
      const rank = RULE_RANK[best.rule as Rule];
      best = cands.find((c) => c.entity.type === 'actor' && c.rule !== 'pending' && RULE_RANK[c.rule] >= rank) ?? best;
    }
    if (best) best = actorTheSentenceSays(text, cands, best);
    if (best) {
      chosen.push(best);
      if (best.entity.type === 'actor') shared.set(best, cands);
    } else unresolved.push(cands);
  }
  toolsetsInLists(text, chosen, shared);
  chosen.push(...listedWithItsKind(text, chosen, unresolved));
  if (companies.size > 0) {
    for (let i = chosen.length - 1; i >= 0; i--) {
      const c = chosen[i];
      if (!CUE_TYPE_SET.has(c.entity.type) || !companies.has(text.slice(c.start, c.end))) continue;
      if (c.cued || hasCue(text, c.start, c.end, c.entity) || sentenceSaysKind(text, c.start, c.end, c.entity.type)) continue;
      chosen.splice(i, 1);
    }
  }

  if (exploits.size > 0) dropExploits(text, chosen, exploits);
  const kept = leftmostLongest(chosen);
  // Ransomware families the text calls a gang somewhere ("the Vice Society gang"): where it then speaks of
  // the name as of people ("Vice Society targeted schools"), the same gang.
  const crews = new Set<string>();
  for (const c of kept) if (c.entity.subtype === 'ransomware' && sentenceSaysCrew(text, c.start, c.end)) crews.add(c.entity.key);
  // Tools the text speaks of as programs people use ("Tor users", "the Tor network", "a TeamViewer account"):
  // the product, there and in every other mention that no cue word calls malware.
  const products = new Set<string>();
  for (const c of kept) if (c.entity.subtype === 'tool' && !c.cued && saysProduct(text, c.end)) products.add(c.entity.key);
  const crewAt = (c: Candidate, end: number) =>
    crews.has(c.entity.key) &&
    (sentenceSaysCrew(text, c.start, end) ||
      (!c.cued && sentenceSaysPeople(text, c.start, end) && !sentenceSaysKind(text, c.start, end, 'malware')));
  const out = kept.map((c) => {
    const end = c.entity.type === 'malware' ? nameEnd(text, c.start, c.end, c.entity.key, matcher) : c.end;
    const m: EntityMatch = {
      type: c.entity.type as EntityType,
      start: c.start,
      end,
      text: text.slice(c.start, end),
      key: c.entity.key,
      name: c.entity.name,
      why: { alias: matcher.alias(c.term), source: c.entity.sources.join(','), rule: c.rule },
    };
    if (c.entity.subtype) m.subtype = c.entity.subtype;
    if (products.has(c.entity.key) && !c.cued && !hasCue(text, c.start, c.end, c.entity)) {
      m.type = 'product';
      m.key = `product:${slug(c.entity.name)}`;
      delete m.subtype;
      m.why = { ...m.why, rule: 'sentence-says-product' };
    }
    if (c.entity.subtype === 'ransomware' && crewAt(c, end)) {
      // The people behind the family ("DarkSide affiliates", "DarkSide was not the only group"): the actor,
      // keyed with the family's own slug (Cl0p's crew is actor:clop, of malware:clop) so that its card
      // finds the family's catalogue entry (analysis/facts.ts crewFacts).
      m.type = 'actor';
      m.key = `actor:${c.entity.key.slice(c.entity.key.indexOf(':') + 1)}`;
      delete m.subtype;
      m.why = { ...m.why, rule: 'sentence-says-crew' };
    }
    // Its affiliates, operators or developer, its gang, or a group it is said to be or be one of, are the
    // actor: sentenceSaysCrew above. A gang is people, though the labelled reports read "the X gang" as the
    // malware (3 to 0 on the tuned rows: tuned actor precision 0.842 -> 0.834, seed).
    return m;
  });
  crewsOtherNames(text, out);
  return out;
}

/**
 * The mentions of names the text calls an exploit, a flaw or a technique somewhere ("the DoubleAgent technique", and
 * then "The vulnerability that allows the DoubleAgent attack"), where no mention of the name says it is malware or
 * an actor. One that does ("the WannaCry ransomware") keeps them all: "WannaCry Exploit Could Infect Windows 10" is
 * the exploit the family spread by, as "a Lazarus technique" is the group's.
 */
function dropExploits(text: string, chosen: Candidate[], exploits: Set<string>): void {
  const said = new Set<string>();
  for (const c of chosen) {
    const span = text.slice(c.start, c.end);
    if (!exploits.has(span) || !CUE_TYPE_SET.has(c.entity.type)) continue;
    if (c.cued || hasCue(text, c.start, c.end, c.entity) || saysOwnKind(text, c.start, c.end, c.entity)) said.add(span);
  }
  for (let i = chosen.length - 1; i >= 0; i--) {
    const span = text.slice(chosen[i].start, chosen[i].end);
    if (CUE_TYPE_SET.has(chosen[i].entity.type) && exploits.has(span) && !said.has(span)) chosen.splice(i, 1);
  }
}

/**
 * The family's other name given right after its crew ("the REvil group, also known as Sodinokibi", "the ALPHV
 * gang (aka BlackCat)"): another name of the same crew, so the actor too.
 */
function crewsOtherNames(text: string, out: EntityMatch[]): void {
  for (let i = 1; i < out.length; i++) {
    const crew = out[i - 1];
    const m = out[i];
    if (crew.why?.rule !== 'sentence-says-crew' || m.type !== 'malware' || m.subtype !== 'ransomware') continue;
    if (m.key.slice(m.key.indexOf(':')) !== crew.key.slice(crew.key.indexOf(':'))) continue;
    if (!isListGap(text, crew.end, m.start) && !isListGap(text, pastBandNoun(text, crew.end), m.start)) continue;
    out[i] = { ...m, type: 'actor', key: crew.key, why: { ...m.why, rule: 'sentence-says-crew' } };
    delete out[i].subtype;
  }
}
