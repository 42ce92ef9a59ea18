import { lazyRegExp } from './lazy-regexp';
import { matchesAt } from './sticky';
import { sortedWordsLookup } from './matcher/words/sorted-words';
import { GIVEN_NAMES } from './matcher/words/given-names';
import { isCommonWord } from './common-word';

/**
 * Named people: who the text introduces as a person, so that neither they nor their surnames are taken
 * for organisations (or victims). People are not highlighted (there is no `person` entity type): a
 * suspect, a researcher or an official is worth reading, but naming them is not what the sidebar is for.
 *
 * A name is two or three capitalised words (a middle initial allowed: "Robert S. Mueller"); the text
 * makes it a person by
 *   - a role or title right before it: "CEO Aaron Barr", "activist Ahmed Mansoor", "Dr. Jane Roe";
 *   - a speech verb before it: "said Christian Rossow of Saarland University", "according to Jane Roe",
 *     or after it and its organisation: "Dan Ehrlich of Phobos Group said";
 *   - a role in apposition after it: "Rami Essaid, a co-founder at ...", "Donaghy, a UK-based journalist",
 *     "Jesse LaBrocca — the administrator of ...", or before it: "the chief of X, Meir Dagan, said";
 *   - a middle initial ("Jayson E. Street");
 *   - a credit line or byline before it ("Credit...Nicholas Roberts for The New York Times", "By Jane Roe").
 * Every person found gives its full name and its last word (the surname a later sentence uses alone).
 */
export interface People {
  /** Full names as written, single-spaced ("Aaron Barr", "Robert S. Mueller"). */
  names: Set<string>;
  /** Last words of the full names, and single names the text gives a role ("Donaghy"). */
  surnames: Set<string>;
  /** First words of the full names ("Kevin" of "Kevin Beaumont"): alone, the same person. */
  given: Set<string>;
}

const WORD = String.raw`\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:[-’']\p{Lu}?\p{Ll}+)?`;
const NAME = String.raw`(${WORD}(?:[ \t]+\p{Lu}\.)?(?:[ \t]+${WORD}){1,2})`;

/**
 * Roles and titles written before a name; the first letter may be upper or lower case. Each is one word of
 * ASCII letters (a hyphen allowed): ROLE_BEFORE is tried only at the word right before a name (wordsBefore).
 */
const ROLES = [
  'ceo',
  'cto',
  'ciso',
  'cfo',
  'coo',
  'founder',
  'co-founder',
  'cofounder',
  'chief',
  'director',
  'president',
  'chairman',
  'chairwoman',
  'researcher',
  'analyst',
  'journalist',
  'activist',
  'administrator',
  'admin',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'professor',
  'minister',
  'secretary',
  'counsel',
  'attorney',
  'lawyer',
  'prosecutor',
  'judge',
  'senator',
  'congressman',
  'congresswoman',
  'representative',
  'officer',
  'agent',
  'reporter',
  'author',
  'editor',
  'engineer',
  'scientist',
  'student',
  'programmer',
  'developer',
  'consultant',
  'manager',
  'investigator',
  'blogger',
  'dissident',
  'lecturer',
  'governor',
  'mayor',
  'detective',
  'inspector',
  'commissioner',
  'ambassador',
  'colonel',
  'lieutenant',
  'sergeant',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
];
/** Roles that are also the first word of names of things ("Agent Tesla"): only in lower case. */
const LOWER_ONLY = new Set(['agent', 'admin', 'student', 'developer', 'manager', 'representative']);
const caseFree = (w: string) => (LOWER_ONLY.has(w) ? w : `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}|${w.toUpperCase()}`);
const ROLE_WORDS = ROLES.map(caseFree).join('|');

// ROLE_BEFORE, ROLE_AFTER, NAME_OF_SAID and MIDDLE_INITIAL are sticky: tried only where they can begin (see
// readPeople), at a capitalised word or at the one-word role right before one, after a look ahead for what
// must follow the name (separatorAhead, initialAhead, connectorAhead). A change that lets one begin or go on
// otherwise changes those too; scripts/engine-golden.ts shows what a change does to the output.
// Built at the first reading (lazy-regexp.ts): their Unicode classes cost a woken worker ~0.5 ms each.
const ROLE_BEFORE = lazyRegExp(String.raw`(?<![\p{L}\p{N}])(?:${ROLE_WORDS})\.?[ \t]+${NAME}(?![\p{L}\p{N}])`, 'uy');
const SPEECH_BEFORE = lazyRegExp(
  String.raw`\b(?:said|says|told|according to|wrote|added|explained|noted|asked)[ \t]+${NAME}(?=[ \t]*[,.;:]|[ \t]+(?:of|from|at|with|who)\b)`,
  'gu',
);
const ROLE_AFTER = lazyRegExp(
  String.raw`(?<![\p{L}\p{N}])(${WORD}(?:[ \t]+\p{Lu}\.)?(?:[ \t]+${WORD}){0,2})(?:,|[ \t]*[—–])[ \t]+(?:a|an|the)?[ \t]*(?:[\p{L}-]+[ \t]+){0,3}?(?:${ROLES.join('|')})(?![\p{L}\p{N}])`,
  'uy',
);
/**
 * "CD Projekt Red, the Polish developer best known for its work": a role whose own clause goes on with "its"
 * describes a company, not a person (unless the name begins with a given name: "Jane Roe, a spokesperson for
 * its parent company").
 */
const ITS_CLAUSE = /^[^,.;:!?()]*?\bits\b/;
/** "the retiring chief of Israel’s Mossad intelligence agency, Meir Dagan, and ...": a role of an organisation, then the name. */
const ROLE_OF = lazyRegExp(
  String.raw`\b(?:chief|head|director|leader|founder|ceo|president|minister|secretary|spokesperson|spokesman|spokeswoman|administrator) of [^,.;:!?]{1,60},[ \t]+${NAME}(?=[ \t]*,)`,
  'gu',
);
/** "Dan Ehrlich of Phobos Group said": a name, its organisation, then a speech verb in the same clause. */
const NAME_OF_SAID = lazyRegExp(
  String.raw`(?<![\p{L}\p{N}])${NAME}[ \t]+(?:of|at|from|with)[ \t]+(?:the[ \t]+)?\p{Lu}[^.;:!?\n]{0,50}?\b(?:said|says|told|wrote|explained|noted|added)\b`,
  'uy',
);
/** "a Russian-speaking user called DevBitox", "a hacker known as Cipher0007": a person's handle after a word for a person. */
const HANDLE = lazyRegExp(
  String.raw`\b(?:user|hacker|individual|person|man|woman|seller|member|coder|programmer|researcher|alias|moniker|handle|nickname)[ \t]+(?:called|named|known as|dubbed|nicknamed|going by|who goes by|calling (?:himself|herself))[ \t]+[“"]?(\p{Lu}[\p{L}\p{N}_-]+)(?![\p{L}\p{N}])`,
  'gu',
);
/** A surname with a particle grown into it ("DeGrippo", "McDonald", "LaBrocca"): no firm's name has that shape. */
const PARTICLE_SURNAME_SHAPE = String.raw`(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von)\p{Lu}\p{Ll}{2,}`;
const PARTICLE_SURNAME = lazyRegExp(String.raw`(?<![\p{L}\p{N}])${PARTICLE_SURNAME_SHAPE}(?![\p{L}\p{N}])`, 'gu');
const PARTICLE_SURNAME_WORD = new RegExp(`^${PARTICLE_SURNAME_SHAPE}$`, 'u');
/** Whether a word is a surname with a particle grown into it ("DeGrippo", "McDonald", "VanHorn"). */
export const isParticleSurname = (word: string): boolean => PARTICLE_SURNAME_WORD.test(word);
/** A speech verb right before a single name, or right after it: "according to DeGrippo,", "DeGrippo said". */
const SPEECH_BEFORE_ONE = /\b(?:said|says|told|according\s+to|wrote|added|explained|noted|asked)\s+$/i;
const SPEECH_AFTER_ONE = /^\s*,?\s+(?:said|says|told|wrote|added|explained|noted|asked)\b/;
/** A photo credit or byline: "Credit...Nicholas Roberts for The New York Times", "Photo: Jane Roe". */
const CREDIT = lazyRegExp(
  String.raw`\b(?:Credit|Credits|Photo|Photograph|Image|Illustration|Photo by|Image by|By)[ \t]*(?:\.{2,}|…|:)?[ \t]*${NAME}(?![\p{L}\p{N}])`,
  'gu',
);
/**
 * "His colleague, Denis Sinegubko, also ...", "the project's lead developer, Daniel Larimer, was": someone's
 * role (a determiner or possessor before it, up to two words between), a comma, the name in commas. Without
 * the determiner it is a list: "John Bambenek, threat systems manager, Fidelis Cybersecurity, revealed".
 */
const ROLE_COMMA = lazyRegExp(String.raw`,[ \t]+${NAME}(?=[ \t]*,)`, 'gu');
/** What must stand before ROLE_COMMA's comma (read on the 60 characters before it). */
const ROLE_BEFORE_COMMA = lazyRegExp(
  String.raw`(?<![\p{L}\p{N}])(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Tt]he|[\p{L}\p{N}]+['’]s)[ \t]+(?:[\p{Ll}-]+[ \t]+){0,2}?(?:colleague|${ROLES.join('|')})$`,
  'u',
);
/**
 * "NPR's Elise Hu tells", "BBC's Joe Tidy reported": a news outlet's (an acronym's) given name and surname,
 * then a verb of reporting. The given name must be a common one (givenNameOfPerson). Only an acronym:
 * "Wall Street's Morgan Stanley said", "Europe's Wells Fargo reported" are banks.
 */
const POSSESSOR_REPORTS = lazyRegExp(
  String.raw`['’]s[ \t]+(${WORD}[ \t]+${WORD})[ \t]+(?:said|says|told|tells|reported|reports|wrote|writes|explained|explains|noted|notes|warned|warns|added|adds|found|discovered|posted)\b`,
  'gu',
);
/** POSSESSOR_REPORTS's possessor: an acronym of two to five capitals, read on the characters before the apostrophe. */
const OUTLET_BEFORE = /(?:^|[^A-Za-z0-9])[A-Z]{2,5}$/;
const MIDDLE_INITIAL = lazyRegExp(String.raw`(?<![\p{L}\p{N}])(${WORD}[ \t]+\p{Lu}\.[ \t]+${WORD})(?![\p{L}\p{N}])`, 'uy');

/**
 * Words that end the names of organisations, places and things, never a person's: "Saarland University",
 * "Threat Intelligence", "Security Service". A candidate that ends in one is not a person.
 */
const NOT_A_SURNAME =
  /^(?:University|College|Institute|School|Center|Centre|Group|Team|Lab|Labs|Research|Intelligence|Security|Service|Services|Agency|Department|Ministry|Office|Bureau|Council|Committee|Commission|Court|Bank|Company|Corporation|Corp|Inc|Ltd|Foundation|Association|Society|Network|Networks|Systems|Technologies|Software|Solutions|Times|News|Post|Journal|Magazine|Lake|River|Street|Road|Avenue|Square|State|States|City|County|Republic|Kingdom|Union|Airlines?|Airport|Hospital|Health|Police|Army|Navy|Force|Forces|Officer|Executive|Counsel|General|Director|Secretary|Minister)$/u;

/** First words that begin names of organisations and things, never a person's. */
const NOT_A_GIVEN_NAME =
  /^(?:The|A|An|This|That|These|Those|Its|Our|Their|His|Her|Security|Cyber|National|Federal|State|General|United|New|North|South|East|West|Central|Royal|International|Global|American|British|European|Chinese|Russian|Threat|Senior|Chief|Former|Both|All|Many|Some|Most|Several|Other)$/u;

/** The last text's answer: one analysis asks twice (catalogue names, then organisations) for the same text. */
let last: { text: string; people: People } | undefined;

export function findPeople(text: string): People {
  if (last?.text === text) return last.people;
  const people = readPeople(text);
  last = { text, people };
  return people;
}

function readPeople(text: string): People {
  const names = new Set<string>();
  const surnames = new Set<string>();
  const given = new Set<string>();
  const add = (raw: string, single: boolean) => {
    const name = raw.replace(/\s+/g, ' ').trim();
    const words = name.split(' ');
    const last = words[words.length - 1];
    if (NOT_A_SURNAME.test(last) || words.some((w) => NOT_A_SURNAME.test(w)) || NOT_A_GIVEN_NAME.test(words[0])) return;
    if (words.length === 1 && !single) return;
    if (words.length > 1) {
      names.add(name);
      given.add(words[0]);
    }
    // "Robert S. Mueller": the name without its initial is the same person.
    if (words.length === 3 && /^\p{Lu}\.$/u.test(words[1])) names.add(`${words[0]} ${words[2]}`);
    surnames.add(last);
  };
  // Four of the scans begin at a capitalised word (or at the role word right before one): they are tried
  // there only, which finds what a scan of every position finds, at a fraction of its cost.
  const caps = capitalisedWordStarts(text);
  for (const m of matchesAt(ROLE_BEFORE(), text, wordsBefore(text, caps))) add(m[1], false);
  for (const m of text.matchAll(SPEECH_BEFORE())) add(m[1], false);
  for (const m of matchesAt(
    ROLE_AFTER(),
    text,
    caps.filter((p) => separatorAhead(text, p)),
  ))
    if (isGivenName(m[1].split(/\s/)[0]) || !ITS_CLAUSE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 80)))
      add(m[1], true);
  for (const m of matchesAt(
    MIDDLE_INITIAL(),
    text,
    caps.filter((p) => initialAhead(text, p)),
  ))
    add(m[1], false);
  for (const m of text.matchAll(CREDIT())) add(m[1], false);
  for (const m of text.matchAll(ROLE_OF())) add(m[1], false);
  // Both begin at a rare character (a comma, an apostrophe) and read what must come before it afterwards.
  for (const m of text.matchAll(ROLE_COMMA())) {
    const at = m.index ?? 0;
    if (ROLE_BEFORE_COMMA().test(text.slice(Math.max(0, at - 60), at))) add(m[1], false);
  }
  for (const m of text.matchAll(POSSESSOR_REPORTS())) {
    const at = m.index ?? 0;
    const name = at + m[0].indexOf(m[1]);
    if (OUTLET_BEFORE.test(text.slice(Math.max(0, at - 6), at)) && givenNameOfPerson(text, name, name + m[1].indexOf(' ')))
      add(m[1], false);
  }
  for (const m of text.matchAll(HANDLE())) add(m[1], true);
  // "According to DeGrippo,", "McDonald said": a surname with a particle grown into it, quoted alone.
  for (const m of text.matchAll(PARTICLE_SURNAME())) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    if (SPEECH_BEFORE_ONE.test(text.slice(Math.max(0, at - 16), at)) || SPEECH_AFTER_ONE.test(text.slice(end, end + 16))) add(m[0], true);
  }
  for (const m of matchesAt(
    NAME_OF_SAID(),
    text,
    caps.filter((p) => connectorAhead(text, p)),
  ))
    add(m[1], false);
  return { names, surnames, given };
}

/** Per UTF-16 code unit below the surrogates: 0 not looked at yet, 1 neither letter nor digit, 2 a letter or digit, 3 an upper-case letter. */
const CODE_CLASS = new Uint8Array(0xd800);
const UPPER = /^\p{Lu}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** The class (see CODE_CLASS) of the code point `ch` (one or two code units). */
function classOf(ch: string): number {
  return UPPER.test(ch) ? 3 : LETTER_OR_DIGIT.test(ch) ? 2 : 1;
}

/** Where a word begins with a capital: an upper-case letter after anything but a letter or digit (as `(?<![\p{L}\p{N}])\p{Lu}`). */
function capitalisedWordStarts(text: string): number[] {
  const out: number[] = [];
  let prevWord = false; // the code point before is a letter or digit
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let k: number;
    let width = 1;
    if (c < 0xd800) {
      k = CODE_CLASS[c];
      if (k === 0) k = CODE_CLASS[c] = classOf(text[i]);
    } else {
      // A surrogate pair is one code point; a lone surrogate or a code unit above them, one of its own.
      const pair = c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      width = pair ? 2 : 1;
      k = classOf(text.slice(i, i + width));
    }
    if (k === 3 && !prevWord) out.push(i);
    prevWord = k >= 2;
    i += width - 1;
  }
  return out;
}

const isBlank = (c: number) => c === 0x20 || c === 0x09;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** - ' ’: the one mark inside a capitalised word (WORD): "Jean-Luc", "O'Neill". */
const isJoiner = (c: number) => c === 0x2d || c === 0x27 || c === 0x2019;
/** A code unit that a letter of WORD may be: an ASCII letter, a letter or digit above ASCII, a surrogate. */
function isLetterUnit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c);
  if (c >= 0xd800) return true;
  let k = CODE_CLASS[c];
  if (k === 0) k = CODE_CLASS[c] = classOf(text[i]);
  return k >= 2;
}

/**
 * Where ROLE_BEFORE can begin: the role is a word of ASCII letters (and a hyphen: "co-founder") right before a
 * capitalised word, with an optional full stop and spaces or tabs between. Each start of a word within that
 * run of letters and hyphens is tried.
 */
function wordsBefore(text: string, caps: number[]): number[] {
  const out: number[] = [];
  for (const q of caps) {
    let j = q - 1;
    if (j < 0 || !isBlank(text.charCodeAt(j))) continue;
    while (j >= 0 && isBlank(text.charCodeAt(j))) j--;
    if (j >= 0 && text.charCodeAt(j) === 0x2e) j--;
    const end = j + 1;
    while (j >= 0 && (isAsciiLetter(text.charCodeAt(j)) || text.charCodeAt(j) === 0x2d)) j--;
    for (let k = j + 1; k < end; k++) if (k === j + 1 || text.charCodeAt(k - 1) === 0x2d) out.push(k);
  }
  return out.sort((a, b) => a - b);
}

/**
 * Reads what a name of `maxWords` capitalised words (WORD, with a middle initial "S." among them) can hold
 * from the capitalised word at `p` — letters, one joiner a word, one full stop, blanks between words — and
 * returns where that stops (the first code unit it cannot hold, or the start of the word after
 * `maxWords` words' worth of blanks). What can match at `p` ends there or before: each look-ahead below
 * checks what must come next, and reads no further than a name can reach, so that a text of a thousand
 * capitals costs a thousand short reads, not a thousand whole texts.
 */
function nameReach(text: string, p: number, maxBlankRuns: number): { end: number; runs: number } {
  let runs = 0;
  let joiners = 0;
  let stops = 0;
  let i = p;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) {
      if (!isBlank(text.charCodeAt(i - 1)) && ++runs > maxBlankRuns) break;
      joiners = 0;
    } else if (isJoiner(c)) {
      if (++joiners > 1) break;
    } else if (c === 0x2e) {
      if (++stops > 1) break;
    } else if (!isLetterUnit(text, i)) break;
  }
  return { end: i, runs };
}

/**
 * Whether ROLE_AFTER can match at the capitalised word `p`: a comma or a dash right after a name of up to
 * three words (four runs of blanks at most: one may come before the dash).
 */
function separatorAhead(text: string, p: number): boolean {
  const c = text.charCodeAt(nameReach(text, p, 4).end);
  return c === 0x2c || c === 0x2014 || c === 0x2013;
}

/** Whether MIDDLE_INITIAL can match at `p`: a word, blanks, one capital (maybe two code units) and a full stop, a blank. */
function initialAhead(text: string, p: number): boolean {
  let i = p;
  let joiners = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isJoiner(c) ? ++joiners > 1 : !isLetterUnit(text, i)) break;
  }
  if (!isBlank(text.charCodeAt(i))) return false;
  while (isBlank(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return text.charCodeAt(i + 1) === 0x2e && isBlank(text.charCodeAt(i + 2));
  if (c < 128) return false;
  return (
    (text.charCodeAt(i + 1) === 0x2e && isBlank(text.charCodeAt(i + 2))) ||
    (text.charCodeAt(i + 2) === 0x2e && isBlank(text.charCodeAt(i + 3)))
  );
}

const CONNECTOR_WORDS = ['of', 'at', 'from', 'with'];

/** "of", "at", "from" or "with" and a blank at `i`. */
function connectorAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 0x6f && c !== 0x61 && c !== 0x66 && c !== 0x77) return false;
  for (const w of CONNECTOR_WORDS) if (text.startsWith(w, i) && isBlank(text.charCodeAt(i + w.length))) return true;
  return false;
}

/**
 * Whether NAME_OF_SAID can match at `p`: "of", "at", "from" or "with" and a blank after a blank within a
 * name's reach (three words and an initial: the connector opens the fourth run of blanks at the latest).
 * One pass, as nameReach reads.
 */
function connectorAhead(text: string, p: number): boolean {
  let runs = 0;
  let joiners = 0;
  let stops = 0;
  for (let i = p; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) {
      if (!isBlank(text.charCodeAt(i - 1)) && ++runs > 4) return false;
      joiners = 0;
      if (connectorAt(text, i + 1)) return true;
    } else if (isJoiner(c)) {
      if (++joiners > 1) return false;
    } else if (c === 0x2e) {
      if (++stops > 1) return false;
    } else if (!isLetterUnit(text, i)) return false;
  }
  return false;
}

/**
 * True when `surface` (a capitalised run) names one of the people: a full name, a surname or given name
 * alone, or a run holding a full name's first two words ("Special Counsel Robert S").
 */
export function isPerson(people: People, surface: string): boolean {
  const s = surface.replace(/\s+/g, ' ').trim();
  if (people.names.has(s) || (!s.includes(' ') && (people.surnames.has(s) || people.given.has(s)))) return true;
  if (people.names.size === 0) return false;
  // (A surface that ends with the words also holds them between spaces.)
  const spaced = ` ${s} `;
  for (const two of firstTwoWords(people)) if (spaced.includes(two)) return true;
  return false;
}

/**
 * The first two words of each full name (a trailing full stop dropped), between spaces, worked out once per
 * People: isPerson asks for every run.
 */
const firstTwo = new WeakMap<People, { size: number; twos: string[] }>();
function firstTwoWords(people: People): string[] {
  let entry = firstTwo.get(people);
  if (entry === undefined || entry.size !== people.names.size) {
    entry = {
      size: people.names.size,
      twos: [...people.names].map((n) => ` ${n.split(' ').slice(0, 2).join(' ').replace(/\.$/, '')} `),
    };
    firstTwo.set(people, entry);
  }
  return entry.twos;
}

/** The length of a person's full name at the start of `rest`, or 0: "Christian Rossow of Saarland University" → 16. */
export function personAtStart(people: People, rest: string): number {
  let best = 0;
  for (const n of people.names) if (n.length > best && rest.startsWith(n) && !/[\p{L}\p{N}]/u.test(rest[n.length] ?? '')) best = n.length;
  return best;
}

const givenName = sortedWordsLookup(GIVEN_NAMES);

/** Whether `word` is a common given name ("Gregory"): alone and quoted ("Gregory said it would ..."), a person. */
export function isGivenName(word: string): boolean {
  return givenName(word.toLowerCase());
}
/** A capitalised word right after a name, as a surname is written ("Beaumont", "McDonald", "Hu"). */
const SURNAME_AFTER = /^[ \t]+(\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?)(?![\p{L}\p{N}])/u;

/**
 * text[start, end) is a common given name followed by a surname: "Kevin Beaumont", "Denis Sinegubko",
 * "NPR's Elise Hu". A surname here is a capitalised word that is not an ordinary word, so that "Lazarus
 * Targets Banks" (a headline) and "Royal Mail" are left alone. Catalogue names that are given names
 * (ATT&CK's Kevin, Denis, Elise) are the person's there, whatever role the text gives them.
 */
export function givenNameOfPerson(text: string, start: number, end: number): boolean {
  if (!givenName(text.slice(start, end).toLowerCase())) return false;
  const surname = SURNAME_AFTER.exec(text.slice(end, end + 40))?.[1];
  return surname !== undefined && !NOT_A_SURNAME.test(surname) && !isCommonWord(surname.toLowerCase());
}
