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

/** Roles and titles written before a name; the first letter may be upper or lower case. */
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

const ROLE_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${ROLE_WORDS})\.?[ \t]+${NAME}(?![\p{L}\p{N}])`, 'gu');
const SPEECH_BEFORE = new RegExp(
  String.raw`\b(?:said|says|told|according to|wrote|added|explained|noted|asked)[ \t]+${NAME}(?=[ \t]*[,.;:]|[ \t]+(?:of|from|at|with|who)\b)`,
  'gu',
);
const ROLE_AFTER = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${WORD}(?:[ \t]+\p{Lu}\.)?(?:[ \t]+${WORD}){0,2})(?:,|[ \t]*[—–])[ \t]+(?:a|an|the)?[ \t]*(?:[\p{L}-]+[ \t]+){0,3}?(?:${ROLES.join('|')})(?![\p{L}\p{N}])`,
  'gu',
);
/** "the retiring chief of Israel’s Mossad intelligence agency, Meir Dagan, and ...": a role of an organisation, then the name. */
const ROLE_OF = new RegExp(
  String.raw`\b(?:chief|head|director|leader|founder|ceo|president|minister|secretary|spokesperson|spokesman|spokeswoman|administrator) of [^,.;:!?]{1,60},[ \t]+${NAME}(?=[ \t]*,)`,
  'gu',
);
/** "Dan Ehrlich of Phobos Group said": a name, its organisation, then a speech verb in the same clause. */
const NAME_OF_SAID = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${NAME}[ \t]+(?:of|at|from|with)[ \t]+(?:the[ \t]+)?\p{Lu}[^.;:!?\n]{0,50}?\b(?:said|says|told|wrote|explained|noted|added)\b`,
  'gu',
);
/** A photo credit or byline: "Credit...Nicholas Roberts for The New York Times", "Photo: Jane Roe". */
const CREDIT = new RegExp(
  String.raw`\b(?:Credit|Credits|Photo|Photograph|Image|Illustration|Photo by|Image by|By)[ \t]*(?:\.{2,}|…|:)?[ \t]*${NAME}(?![\p{L}\p{N}])`,
  'gu',
);
const MIDDLE_INITIAL = new RegExp(String.raw`(?<![\p{L}\p{N}])(${WORD}[ \t]+\p{Lu}\.[ \t]+${WORD})(?![\p{L}\p{N}])`, 'gu');

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
  for (const m of text.matchAll(ROLE_BEFORE)) add(m[1], false);
  for (const m of text.matchAll(SPEECH_BEFORE)) add(m[1], false);
  for (const m of text.matchAll(ROLE_AFTER)) add(m[1], true);
  for (const m of text.matchAll(MIDDLE_INITIAL)) add(m[1], false);
  for (const m of text.matchAll(CREDIT)) add(m[1], false);
  for (const m of text.matchAll(ROLE_OF)) add(m[1], false);
  for (const m of text.matchAll(NAME_OF_SAID)) add(m[1], false);
  return { names, surnames, given };
}

/**
 * True when `surface` (a capitalised run) names one of the people: a full name, a surname or given name
 * alone, or a run holding a full name's first two words ("Special Counsel Robert S").
 */
export function isPerson(people: People, surface: string): boolean {
  const s = surface.replace(/\s+/g, ' ').trim();
  if (people.names.has(s) || (!s.includes(' ') && (people.surnames.has(s) || people.given.has(s)))) return true;
  for (const n of people.names) {
    const two = n.split(' ').slice(0, 2).join(' ').replace(/\.$/, '');
    if (` ${s} `.includes(` ${two} `) || s.endsWith(` ${two}`)) return true;
  }
  return false;
}

/** The length of a person's full name at the start of `rest`, or 0: "Christian Rossow of Saarland University" → 16. */
export function personAtStart(people: People, rest: string): number {
  let best = 0;
  for (const n of people.names) if (n.length > best && rest.startsWith(n) && !/[\p{L}\p{N}]/u.test(rest[n.length] ?? '')) best = n.length;
  return best;
}
