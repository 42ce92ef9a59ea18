import type { EntityMatch } from '../../shared/types';
import { slug } from '../knowledge/keys';
import { findPeople, givenNameOfPerson, isGivenName, isParticleSurname, isPerson, personAtStart } from './people';
import { victimWords } from './incidents/victim-words';
import { placeKeyByName } from '../knowledge/places-index';
import { isCommonWord } from './common-word';
import { isHeadlineVerb } from './headline-verbs';

/**
 * Organisations the catalogue does not know: the hospital, council, school district or company an
 * article names as a victim, the agency that warns, the firm that reports.
 *
 * One pass cuts the text into runs of capitalised words (joined by "of", "for", "and", "&" ...); a run
 * is an organisation only when the text gives a reason, and the reason is kept in `why.rule`:
 *   - `head`: an organisational head word ends it ("Acme Bank", "Springfield School District",
 *     "Fink Telecom Services GmbH") or starts it before "of/for" ("Ministry of Health");
 *   - `gov`: a country or demonym before government/military/army... ("Chinese government");
 *   - `apposition`: "X, a Texas-based retailer" / "software firm X";
 *   - `cue`: the text treats it as an actor that speaks or is hit ("X said it", "X disclosed",
 *     "researchers at X", "X researchers", "attack on X");
 *   - `acronym`: the letters in brackets after a named organisation ("International Criminal Court
 *     (ICC)") take the same key;
 *   - `repeat`: a later mention of a name already accepted in the same text.
 * Runs that overlap an entity the catalogue knows are left to it, and so are people (a title before,
 * a role after) and ordinary capitalised words at the start of a sentence.
 */
export function findOrganizations(text: string, known: EntityMatch[]): EntityMatch[] {
  // lowerWords: words the text also writes in lower case; a capital on them at a sentence start proves nothing.
  const { tokens, lowerWords } = tokenize(text);
  if (tokens.length === 0) return [];
  const knownAt = indexKnown(text.length, known);
  const stats = caseStats(tokens);
  const found: EntityMatch[] = [];
  const accepted = new Map<string, { key: string; name: string }>(); // surface text → key

  const verbs = headlineVerbs(tokens, knownAt, stats);
  const people = givenNameSurnames(text, tokens, knownAt, stats, lowerWords, verbs);
  // People the text introduces as such (a role, a speech verb, a middle initial) are never organisations.
  const named = findPeople(text);
  const accept = (start: number, end: number, rule: string) => {
    const surface = text.slice(start, end);
    if (isPerson(named, surface)) return;
    const prior = accepted.get(surface);
    const name = prior?.name ?? surface.replace(/\s+/g, ' ');
    const key = prior?.key ?? `organization:${slug(name)}`;
    found.push(org(start, end, surface, key, name, rule));
    accepted.set(surface, { key, name });
  };
  for (const run of capitalisedRuns(text, tokens, possessiveNames(text, tokens, knownAt), verbs)) {
    const special = unheadedNames(text, tokens, run, knownAt, stats, lowerWords, verbs);
    if (special) {
      for (const r of special) accept(tokens[r.first].start, tokens[r.last].end, r.rule);
      continue;
    }
    let cand = trimRun(text, tokens, run, lowerWords);
    if (!cand) continue;
    cand = withoutIncidentNoun(tokens, cand, stats);
    // "Christian Rossow of Saarland University", "Nicholas Roberts for The New York Times": a person
    // and a connector before the organisation.
    const personLength =
      (named.names.size > 0 ? personAtStart(named, text.slice(tokens[cand.first].start, tokens[cand.last].end)) : 0) ||
      givenNameOfAt(text, tokens, cand);
    if (personLength > 0) {
      const personEnd = tokens[cand.first].start + personLength;
      let next = cand.first;
      while (next <= cand.last && tokens[next].start < personEnd) next++;
      if (next <= cand.last && CONNECTORS.has(tokens[next].text)) next++;
      if (next > cand.last) continue;
      cand = { first: next, last: cand.last };
    }
    if (isPerson(named, text.slice(tokens[cand.first].start, tokens[cand.last].end))) continue;
    // Words that name no organisation on their own ("Internet", "IoT", "ISP", "Cybersecurity").
    if (cand.first === cand.last && NEVER_ALONE.has(tokens[cand.first].text.toLowerCase())) continue;
    // Nor with a demonym before them ("Canadian ISP", "US PC"): a kind of business, not its name.
    if (cand.last === cand.first + 1 && isDemonym(tokens[cand.first].text) && NEVER_ALONE.has(tokens[cand.last].text.toLowerCase()))
      continue;
    // "the city of Greenville", "the government of Chile": a lower-case head before the name.
    // (It ends in "of": only a name right after that word is looked at.)
    const civic =
      tokens[cand.first - 1]?.text === 'of'
        ? CIVIC_BEFORE.exec(text.slice(Math.max(0, tokens[cand.first].start - 20), tokens[cand.first].start))
        : null;
    const placeOnly = () =>
      knownAt.inside(tokens[cand.first].start, tokens[cand.last].end).every((k) => k.type === 'location') &&
      !knownAt.crosses(tokens[cand.first].start, tokens[cand.last].end);
    // "said Lukas Stefanko ... Stefanko said that it": a surname of a person named in full before.
    if (cand.first === cand.last && people.has(tokens[cand.first].text)) continue;
    const verdict = civic && cand.last - cand.first < 3 && placeOnly() ? 'head' : judge(text, tokens, cand, knownAt, stats);
    if (!verdict) {
      const surname = personSurname(text, tokens, cand);
      if (surname) people.add(surname);
      continue;
    }
    const start = civic && verdict === 'head' ? tokens[cand.first].start - civic[0].length : tokens[cand.first].start;
    // "Chinese government": the lower-case head is part of the name.
    const end =
      verdict === 'gov' ? tokens[GOV_HEADS.has(tokens[cand.last + 1].text) ? cand.last + 1 : cand.last + 2].end : tokens[cand.last].end;
    const surface = text.slice(start, end);
    // A name accepted before (an acronym defined earlier) keeps the key it was given.
    const prior = accepted.get(surface);
    const name = prior?.name ?? surface.replace(/\s+/g, ' ').replace(/^\p{Ll}/u, (ch) => ch.toUpperCase());
    const key = prior?.key ?? `organization:${slug(name)}`;
    found.push(org(start, end, surface, key, name, verdict));
    accepted.set(surface, { key, name });
    // "International Criminal Court (ICC)": the acronym names the same organisation.
    const acr = acronymAfter(text, tokens, cand.last);
    if (
      verdict !== 'gov' &&
      acr !== undefined &&
      initialsMatch(tokens, cand, tokens[acr].text) &&
      !knownAt.overlaps(tokens[acr].start, tokens[acr].end)
    ) {
      const t = tokens[acr];
      found.push(org(t.start, t.end, t.text, key, name, 'acronym'));
      accepted.set(t.text, { key, name });
    }
  }
  if (accepted.size > 0) {
    fullNames(found, accepted);
    addRepeats(text, tokens, accepted, knownAt, found);
  }
  possessiveBrands(text, found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return dedupe(found);
}

// ---------------------------------------------------------------------------------------------
// Tokens and runs

interface Token {
  text: string;
  start: number;
  end: number;
  cap: boolean; // starts with an upper-case letter
  lower: boolean; // starts with a lower-case letter
  possessive: boolean;
  /** First word of a sentence, line or list item. */
  initial: boolean;
}

// Tokens are letters/digits joined by single inner punctuation ("S.R.L", "Hewlett-Packard",
// "O'Neill"), read by one pass over the characters: a page pays for this on every article.
const NON_ASCII_WORD = /[\p{L}\p{N}]/u;
const NON_ASCII_UPPER = /\p{Lu}/u;
const NON_ASCII_LOWER = /\p{Ll}/u;

/** Per UTF-16 code unit: 0 not looked at yet, 1 not a word character, 2 a letter or digit. */
const WORD_CODES = new Uint8Array(65536);

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  let v = WORD_CODES[c];
  if (v === 0) {
    v = (c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) : NON_ASCII_WORD.test(text[i])) ? 2 : 1;
    WORD_CODES[c] = v;
  }
  return v === 2;
}

/** & ' ’ . - : inner punctuation that joins two runs of letters into one token. */
function isJoiner(c: number): boolean {
  return c === 0x26 || c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x2d;
}

/** The tokens, and the words the text writes in lower case (see lowerWords in findOrganizations). */
function tokenize(text: string): { tokens: Token[]; lowerWords: Set<string> } {
  const out: Token[] = [];
  const lowerWords = new Set<string>();
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text, i)) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (i < n && isWordCode(text, i)) i++;
      if (i + 1 < n && isJoiner(text.charCodeAt(i)) && isWordCode(text, i + 1)) {
        i++;
        continue;
      }
      break;
    }
    let t = text.slice(start, i);
    // "Ex-Chicago Public Schools worker": a former member's prefix is not part of the name it is glued to.
    let from = start;
    if (i - start > 4 && (t[0] === 'E' || t[0] === 'e') && t[1] === 'x' && t[2] === '-' && /\p{Lu}/u.test(t[3])) {
      from = start + 3;
      t = t.slice(3);
    }
    // Keep a full stop only on abbreviations of company forms ("Inc.", "Co.", "S.A."); else it ends a sentence.
    if (text.charCodeAt(i) === 0x2e && (ABBREV_DOT.has(`${t.toLowerCase()}.`) || /\.\p{L}$/u.test(t))) t += '.';
    // The possessive is not part of the name, and it ends one: "Norway's | Ministry of Foreign Affairs".
    const possessive = t.length > 2 && t[t.length - 1] === 's' && (t[t.length - 2] === '’' || t[t.length - 2] === "'");
    if (possessive) t = t.slice(0, -2);
    const c = t.charCodeAt(0);
    const cap = c < 128 ? c >= 65 && c <= 90 : NON_ASCII_UPPER.test(t[0]);
    const lower = c < 128 ? c >= 97 && c <= 122 : NON_ASCII_LOWER.test(t[0]);
    out.push({
      text: t,
      start: from,
      end: from + t.length,
      cap,
      lower,
      possessive,
      initial: startsSentence(text, start, out[out.length - 1]),
    });
    if (lower) lowerWords.add(t);
    i = from + t.length + (possessive ? 2 : 0);
    if (i <= start) i = start + 1;
  }
  return { tokens: out, lowerWords };
}

/** Characters that may open a sentence before its first word: spaces, quotes, brackets, list marks. */
function isOpener(c: number): boolean {
  switch (c) {
    case 0x20:
    case 0x09:
    case 0x0d:
    case 0x22:
    case 0x201c:
    case 0x2018:
    case 0x27:
    case 0x28:
    case 0x5b:
    case 0x2a:
    case 0x23:
    case 0x3e:
    case 0x7c:
    case 0x2d:
    case 0x2013:
    case 0x2014:
      return true;
    default:
      return false;
  }
}

/** Characters that end a sentence (or a line, or a list item). */
function isEnder(c: number): boolean {
  return c === 0x0a || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x3b || c === 0x2022;
}

/** Whether the word at `at` begins a sentence: only openers and spaces since the last sentence end. */
function startsSentence(text: string, at: number, prev: Token | undefined): boolean {
  const stop = prev ? prev.end : 0;
  for (let p = at - 1; p >= stop; p--) {
    const c = text.charCodeAt(p);
    if (isEnder(c)) return true;
    if (!isOpener(c)) return false;
  }
  return prev === undefined;
}

/** After a name standing alone: a verb of its own or the end of a clause ("company Three has", "operator Three was"). */
const NAME_ALONE_AFTER = /^(?:\s*[.,;:!?)]|\s+(?:has|had|was|is|said|says|confirmed|reported|told|which|who)\b)/;

const ABBREV_DOT = new Set(['inc.', 'co.', 'corp.', 'ltd.', 'bros.', 'dept.', 'univ.', 'intl.', 'plc.', 'llc.']);

/** Officers' titles written in capitals after the name of the body they serve ("ABTA CEO Mark Tanzer"). */
const OFFICERS = new Set(['CEO', 'CTO', 'CFO', 'COO', 'CISO']);

/** Lower-case words that may sit inside a name: "Bank of America", "Department for Education". */
const CONNECTORS = new Set(['of', 'for', 'and', '&', 'de', 'du', 'der', 'des', 'la', 'on', 'the']);

interface Run {
  first: number;
  last: number;
}

/** One to three spaces or tabs, nothing else, between two tokens. */
function isBlankGap(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

/** Business nouns after a possessive that continue a name: "Children's Hospital", "Scotty's Brewhouse" is told by repetition. */
const POSSESSIVE_HEADS = new Set(
  'hospital hospitals clinic clinics health healthcare medical pharmacy bank school schools academy college university inc inc. corp corp. ltd llc plc co co. company group restaurant restaurants store stores market markets foods'.split(
    ' ',
  ),
);

/**
 * Possessive tokens that belong to a name ("Scotty's Brewhouse", "Children's Hospital"), by index: a
 * possessive ends a name ("Norway's | Ministry of Foreign Affairs") unless the word after it is a business
 * noun or the text writes the possessor before the same capitalised word twice or more and before no other
 * one; a name the catalogue knows keeps its possessive.
 */
function possessiveNames(text: string, tokens: Token[], knownAt: KnownIndex): Set<number> {
  const out = new Set<number>();
  let pairs: Map<string, { next: string; count: number; at: number[] } | null> | undefined;
  for (let p = 0; p + 1 < tokens.length; p++) {
    const t = tokens[p];
    const u = tokens[p + 1];
    if (!t.possessive || !t.cap || !u.cap || u.start !== t.end + 3 || text.charCodeAt(t.end + 2) !== 0x20) continue;
    if (NOT_NAME.has(t.text.toLowerCase()) || knownAt.overlaps(t.start, u.end)) continue;
    pairs ??= new Map();
    const entry = pairs.get(t.text);
    if (entry === null) continue;
    if (entry && entry.next !== u.text) pairs.set(t.text, null);
    else if (entry) {
      entry.count++;
      entry.at.push(p);
    } else pairs.set(t.text, { next: u.text, count: 1, at: [p] });
    if (POSSESSIVE_HEADS.has(u.text.toLowerCase())) out.add(p);
  }
  if (pairs === undefined) return out;
  for (const entry of pairs.values()) if (entry && entry.count >= 2) for (const p of entry.at) out.add(p);
  return out;
}

/** Maximal runs of capitalised tokens, joined by connectors and by nothing but spaces; a headline's verb (`cuts`) is in none. */
function* capitalisedRuns(text: string, tokens: Token[], joins: Set<number>, cuts: Set<number>): Generator<Run> {
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i].cap || cuts.has(i)) {
      i++;
      continue;
    }
    let last = i;
    let j = i + 1;
    while (j < tokens.length && j - i < 12 && (!tokens[j - 1].possessive || joins.has(j - 1))) {
      const gapStart = tokens[j - 1].end;
      const gapEnd = tokens[j].start;
      // "Marks & Spencer": an ampersand between two capitalised words joins them (it is no token).
      const amp = gapEnd - gapStart === 3 && text.startsWith(' & ', gapStart) && tokens[j].cap;
      if (
        !amp &&
        !(tokens[j - 1].possessive ? isBlankGap(text, gapStart + 2, gapEnd) : isBlankGap(text, gapStart, gapEnd)) &&
        !(gapEnd - gapStart === 2 && text.startsWith(', ', gapStart) && isCorpForm(tokens[j].text))
      )
        break;
      const t = tokens[j];
      // "ABTA CEO Mark Tanzer": an officer's title ends the name of the body before it.
      if (OFFICERS.has(t.text) || cuts.has(j)) break;
      if (t.cap || (/^\d/.test(t.text) && tokens[j - 1].cap)) {
        last = j;
        j++;
        continue;
      }
      // a connector continues the run only if a capitalised token follows it
      if (CONNECTORS.has(t.text) && j + 1 < tokens.length && tokens[j + 1].cap && isBlankGap(text, t.end, tokens[j + 1].start)) {
        j++;
        continue;
      }
      break;
    }
    yield { first: i, last };
    i = last + 1;
  }
}

function isSentenceStart(_text: string, tokens: Token[], i: number): boolean {
  return tokens[i].initial;
}

/** Capitalised words that begin sentences or name things that are not organisations. */
const NOT_NAME = new Set(
  (
    'the a an this that these those it its it’s their our we they he she his her you your i my there here ' +
    'in on at for from to by with without into onto over under after before during since until when while ' +
    'if as but and or so yet also however meanwhile moreover furthermore although though because according ' +
    'yesterday today tomorrow tonight last next earlier later recently now then still what which who whom whose ' +
    'where why how all some many most several few no not every each both other another any one two three ' +
    // Quantities: "Ransomware Hits Dozens of Schools" names no organisation "Dozens of Schools".
    'dozens hundreds thousands millions multiple numerous ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'hackers attackers researchers officials experts analysts customers users victims authorities police ' +
    'mr mrs ms dr prof sir president ceo cto ciso spokesperson spokesman spokeswoman minister secretary senator ' +
    'director chief head founder chairman governor mayor judge agent officer detective inspector ' +
    'figure table image source update note read see click share related photo credit editor ' +
    'finally additionally instead thus therefore overall initially analysis unlike using ' +
    'ransomware malware phishing breach cyberattack attack security data cyber threat vulnerability exploit ' +
    // "Espionage Group": what a group does, not its name.
    'espionage cyberespionage cyber-espionage ' +
    'apt ttp ttps ioc iocs c2 rat dns http https url ip'
  ).split(' '),
);

/**
 * Capitalised words that are never an organisation by themselves: technology and trade words often
 * capitalised or abbreviated, and contractions that open sentences.
 */
const NEVER_ALONE = new Set(
  (
    'internet intranet web cloud iot isp isps msp msps mssp pc pcs mac macs iam law laws cybersecurity cyber-security infosec atm atms ' +
    'email e-mail online software hardware firmware network networks server servers wifi wi-fi vpn vpns saas api apis ' +
    "we’ve we've we’re we're we’ll we'll i’m i'm i’ve i've you’re you're they’re they're they’ve they've it’s it's that’s that's there’s there's here’s here's let’s let's"
  ).split(' '),
);

const SYSTEM_OWNERS = new Set([
  'health',
  'healthcare',
  'hospital',
  'medical',
  'school',
  'schools',
  'university',
  'college',
  'court',
  'library',
  'transit',
  'water',
  'retirement',
  'pension',
  'banking',
]);

const CIVIC_BEFORE =
  /\b(?:(?:city|town|village|county) (?:council|government|hall)|city|town|village|borough|municipality|county|government) of\s+$/;

const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december'.split(
    ' ',
  ),
);

/** Words that open sentences ("First detected in 2019, ...") but also begin names ("First American"). */
const OPENERS_AT_START = new Set('first second third further once like'.split(' '));

/** Words before a name that make it a person. */
const PERSON_TITLES = new Set(
  'mr mr. mrs mrs. ms ms. dr dr. prof prof. sir president ceo cto ciso spokesperson spokesman spokeswoman minister secretary senator director chairman governor mayor judge agent officer detective inspector researcher analyst founder commissioner prosecutor attorney lawyer author reporter journalist'.split(
    ' ',
  ),
);

/** Titles that, before "of" or "for", name an office held by a person ("Minister of State for Security Ben Wallace"). */
const OFFICE_TITLES = new Set(['minister', 'secretary', 'undersecretary', 'director', 'chief', 'president', 'commissioner', 'chairman']);

/** Words of the field that name no organisation alone but begin some names ("Data Protection Commission"). */
const FIELD_WORDS = new Set(['security', 'data', 'cyber', 'threat']);

/** A head noun, or a team's, among tokens[from..to]: "Protection Commission", "Security Agency of Singapore", "Hunter Team". */
function headedAfter(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++) {
    const lw = tokens[i].text.toLowerCase();
    if (isHead(lw) || lw === 'team' || lw === 'unit') return true;
  }
  return false;
}

function trimRun(text: string, tokens: Token[], run: Run, lowerWords: Set<string>): Run | undefined {
  let { first, last } = run;
  // "Minister of State for Security Ben Wallace", "Secretary of Homeland Security Jane Roe": a title, its
  // office and the person who holds it (two plain words that no head ends), not an organisation.
  if (
    last - first >= 4 &&
    OFFICE_TITLES.has(tokens[first].text.toLowerCase()) &&
    /^(?:of|for)$/.test(tokens[first + 1].text) &&
    [tokens[last - 1], tokens[last]].every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text) && !isHead(t.text.toLowerCase()))
  )
    return undefined;
  // Drop leading words that are not part of a name: stop-words, and a sentence-initial word the text
  // also uses in lower case ("Hospitals across ..." vs "hospitals").
  while (first <= last) {
    const t = tokens[first];
    const lw = t.text.toLowerCase();
    // "Data Protection Commission", "Threat Hunter Team": a field's word that begins a longer headed name is its first word.
    if (FIELD_WORDS.has(lw) && t.cap && last - first >= 2 && tokens[first + 1].cap && headedAfter(tokens, first + 1, last)) break;
    // "the mobile phone company Three": a word that names nothing alone, written with a capital in
    // mid-sentence right after a noun for an organisation, is that organisation's name.
    // (One word alone, after the noun and a space, before a verb or the clause's end: not "The Süddeutsche
    // Zeitung", "the company, Finally, they", "their own website Two ransom notes".)
    if (
      first === run.first &&
      first === last &&
      !t.initial &&
      NOT_NAME.has(lw) &&
      DESCRIPTOR_BEFORE.test(text.slice(Math.max(0, t.start - 40), t.start)) &&
      !/,\s*$/.test(text.slice(t.start - 3, t.start)) &&
      NAME_ALONE_AFTER.test(text.slice(t.end, t.end + 12))
    )
      break;
    if (NOT_NAME.has(lw) || CONNECTORS.has(lw) || (OPENERS_AT_START.has(lw) && isSentenceStart(text, tokens, first))) {
      first++;
      continue;
    }
    if (first === run.first && isSentenceStart(text, tokens, first) && lowerWords.has(lw) && !isHead(lw)) {
      first++;
      continue;
    }
    // "Patients of Riverside Hospital ...": a sentence-initial noun before "of" that is no head. (Not
    // before "the": "Save the Children Foundation" is a name whose first word governs "the".) A participle
    // that opens the sentence governs "the" as a preposition would ("Following the Court's decision",
    // "Including the Treasury"), and is no part of the name either.
    if (
      first === run.first &&
      first + 1 < last &&
      isSentenceStart(text, tokens, first) &&
      !PREFIX_HEADS.has(lw) &&
      !acronymOfPlace(tokens, first, last) &&
      CONNECTORS.has(tokens[first + 1].text) &&
      (tokens[first + 1].text !== 'the' || /^\p{Lu}\p{Ll}{3,}ing$/u.test(t.text))
    ) {
      first += 2;
      continue;
    }
    break;
  }
  // "media company Gannett Co. As of Tuesday ...": a full stop after an abbreviation that ends a name,
  // and a next word the text also writes in lower case, end the sentence and the name.
  for (let i = first; i < last; i++) {
    if (ABBREV_DOT.has(tokens[i].text.toLowerCase()) && lowerWords.has(tokens[i + 1].text.toLowerCase())) {
      last = i;
      break;
    }
  }
  while (last >= first && (CONNECTORS.has(tokens[last].text.toLowerCase()) || CALENDAR.has(tokens[last].text.toLowerCase()))) last--;
  if (first > last) return undefined;
  return { first, last };
}

// ---------------------------------------------------------------------------------------------
// Judging a candidate

/** Last words that make a capitalised run an organisation. */
const SUFFIX_HEADS = new Set(
  (
    'inc inc. corp corp. corporation incorporated ltd ltd. limited llc llp lp gmbh ag sa s.a. spa s.p.a srl s.r.l bv nv plc co co. kk oy ab asa se ' +
    'group holdings holding company industries enterprises partners ventures capital ' +
    'bank bancorp banking insurance assurance financial securities exchange fund trust ' +
    'university college school schools academy institute institution laboratory laboratories ' +
    'hospital hospitals health healthcare clinic clinics medical pharmacy pharmaceuticals pharma ' +
    'ministry department agency council court courts police authority commission committee bureau ' +
    'administration office directorate service services parliament assembly senate congress ' +
    'corps army navy military government cabinet ' +
    'airlines airline airways airport airports railway railways rail transit port ' +
    'systems technologies technology networks labs lab software solutions telecom telecommunications ' +
    'communications electronics electric energy power utilities utility motors automotive semiconductor ' +
    'foundation association federation union society league organization organisation alliance coalition ' +
    'district districts county municipality city church diocese museum library archives ' +
    'cooperative co-op logistics freight insurers lines system maritime shipping terminals hotels resorts foods chemicals steel mining petroleum pipeline ' +
    'media newspaper broadcasting news times post herald journal tribune gazette studios games entertainment ' +
    'network cloud research intelligence center centre hotel inn casino'
  ) // "Lookout Threat Intelligence", "Check Point Research"
    .split(' '),
);

/** First words that make "X of Y" an organisation. */
const PREFIX_HEADS = new Set(
  'ministry department university bank office bureau court council commission government institute organization organisation federation union agency board church museum commonwealth league school college academy city county state house secretariat town village borough township'.split(
    ' ',
  ),
);

// Suffix heads that are too common in product or place names to stand alone after one word.
const WEAK_SUFFIX = new Set([
  'union',
  'system',
  'lines',
  'network',
  'cloud',
  'research',
  'intelligence',
  'city',
  'county',
  'state',
  'news',
  'post',
  'times',
  'press',
  'service',
  'services',
  'security',
  'technology',
  'power',
  'energy',
  'media',
  'games',
  'port',
  'rail',
  'district',
  'districts',
  'lab',
  'center',
  'centre',
]);

function isHead(lw: string): boolean {
  return SUFFIX_HEADS.has(lw) || PREFIX_HEADS.has(lw);
}

function isCorpForm(t: string): boolean {
  return /^(?:Inc|Corp|Ltd|LLC|LLP|GmbH|AG|SA|S\.A|plc|PLC|Co|Limited|Incorporated)\.?$/.test(t);
}

/** Lower-case heads after a country or demonym: "Chinese government", "US military". */
const GOV_HEADS = new Set([
  'government',
  'military',
  'army',
  'navy',
  'authorities',
  'intelligence',
  'ministry',
  'parliament',
  'police',
  'embassy',
  'regime',
]);

/** Nouns in "X, a ... <noun>" / "<noun> X" that say X is an organisation. */
const DESCRIPTORS =
  'company|companies|firm|provider|retailer|maker|manufacturer|giant|operator|vendor|startup|start-up|supplier|contractor|developer|publisher|insurer|lender|bank|chain|carrier|airline|hospital|clinic|university|college|school district|district|nonprofit|non-profit|charity|agency|organization|organisation|conglomerate|subsidiary|brand|business|outlet|newspaper|broadcaster|utility|municipality|council|department|ministry|institution|firm’s|producer|distributor|exchange|marketplace|lab|laboratory|laboratories|association|federation|society';
const APPOSITION_AFTER = new RegExp(
  `^,\\s+(?:a|an|the|which is a|one of the)\\s+(?:[\\p{L}\\p{N}.\\-’']+\\s+){0,6}?(?:${DESCRIPTORS})s?\\b`,
  'u',
);
/** The descriptors that begin no name (not "Bank", "University"): in a headline "Security Firm X" names X. */
const NAMING_NOUNS = new Set(DESCRIPTORS.split('|').filter((w) => !w.includes(' ') && !isHead(w)));
const DESCRIPTOR_BEFORE = new RegExp(`(?<![\\p{L}-])(?:${DESCRIPTORS}|site|website)(?:,|\\s+(?:called|named))?[ \\t]+$`, 'u');

/** Verbs that follow an organisation (reporting, being hit). */
const VERB_AFTER =
  /^(?:’s|'s)?\s*(?:(?:apparently|reportedly|allegedly)\s+)?(?:(?:shut|took|shut down|restored|closed|notified|told|urged|took down) (?:down |offline )?its|said it|said its|said (?:that )?(?:hackers|attackers|an attacker|cybercriminals|criminals|a threat actor|an unauthori[sz]ed|an? (?:malicious |unknown |unauthori[sz]ed )?third party)|lost \S+ (?:million|billion)|said that it|said in a statement|(?:posted|issued|released) (?:an? )?(?:official |public )?statement|says it|(?:has )?(?:fixed|patched)|disclosed|confirmed|notified|announced|revealed|reported that|warned|acknowledged|admitted|informed|has notified|has confirmed|has disclosed|is notifying|began notifying|was hit|has been hit|(?:has|had) suffered|(?:was|were|has been|have been|had been) hacked|hit by (?:a |an )?(?:ransomware|cyber|data|hack|malware|DDoS)|was breached|has been breached|was attacked|was targeted|were hit|have been hit|were breached|were attacked|were targeted|fell victim|suffered|is investigating|was the victim|researchers|threat researchers|security researchers|researchers have|observed|has observed|has tracked|tracks|detected|published|discovered|identified|spokesperson|spokesman|spokeswoman|(?:CEO|CTO|CFO|COO|CISO)\b(?!s)|told|customers|patients|subscribers|policyholders|account holders|employees|systems were|’s systems|'s systems|’s network|'s network|’s website|'s website)\b/;

/** Words before an organisation. */
const CUE_BEFORE =
  /(?:researchers (?:at|from)|analysts (?:at|from)|experts (?:at|from)|according to|tracked by|reported by|discovered by|observed by|attack on|attacks on|attack against|attacks against|breach at|breach of|hack of|hack on|intrusion at|incident at|compromise of|customers of|employees of|systems of|network of|spokesperson for|spokesman for|spokeswoman for|statement from|statement by|a report (?:by|from)|report by|report from|team at|researchers with|breached|hacked|infiltrated|crippled|disrupted|struck|attacked|targeted|hit|(?:stolen|stole|steals|stealing|exfiltrated|leaked)(?: [\w-]+){0,4} from|(?:computers|servers|networks) of|to (?:infiltrate|breach))\s+(?:the\s+)?$/;

type Rule = 'head' | 'gov' | 'apposition' | 'cue' | 'headline' | typeof ENCLOSING_RULE;

/** ", a researcher at", ", the company's CEO": a person's role after a name. */
const ROLE_AFTER =
  /^,\s+(?:a|an|the)?\s*(?:[\p{L}-]+\s+){0,3}?(?:ceo|spokesperson|spokesman|spokeswoman|researcher|analyst|director|founder|officer|president|professor|manager|chief)\b/iu;

function judge(text: string, tokens: Token[], c: Run, knownAt: KnownIndex, stats: CaseStats): Rule | undefined {
  const start = tokens[c.first].start;
  const end = tokens[c.last].end;

  // What the catalogue knows is the catalogue's: a known entity crossing the run's edges, the run
  // itself, or anything but a place inside it ("Microsoft Threat Intelligence" is the vendor). A known
  // place inside a headed name is fine ("University of London"). Looked at first: most runs are names
  // the catalogue knows, and every answer here but one ("Chinese government") is "no".
  const inside = knownAt.near(start, end);
  for (const k of inside) if (k.start < start || k.end > end) return undefined;
  const whole = inside.some((k) => k.start === start && k.end === end);
  if (whole ? inside[0].type !== 'location' : inside.some((k) => k.type !== 'location' && !withinName(tokens, c, k))) return undefined;

  const n = c.last - c.first + 1;
  const words = tokens.slice(c.first, c.last + 1);
  // A name has a letter ("On April 14, the company ..." is a date); "Pa." or "Fla." before a name is an
  // abbreviation (of a state); a line or sentence opened by a gerund ("Protecting patients") is a phrase.
  if (!words.some((t) => /\p{L}/u.test(t.text))) return undefined;
  if (n === 1 && /^\p{Lu}\p{Ll}{1,3}$/u.test(words[0].text) && /^\.\s+\p{Lu}/u.test(text.slice(end, end + 3))) return undefined;
  if (n === 1 && words[0].initial && /\p{Ll}ing$/u.test(words[0].text) && /^\s+\p{Ll}/u.test(text.slice(end, end + 3))) return undefined;
  const lastLw = words[n - 1].text.toLowerCase();
  const corp = isCorpForm(words[n - 1].text);
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 60);

  // People: a title before ("Mr", "CEO"), a role after ("John Smith, a researcher at").
  const prev = tokens[c.first - 1];
  if (prev !== undefined && start - prev.end <= 2 && PERSON_TITLES.has(prev.text.toLowerCase())) return undefined;
  if (after.charCodeAt(0) === 0x2c && ROLE_AFTER.test(after)) return undefined;

  if (whole) return govHeadAfter(text, tokens, c) ? 'gov' : undefined;
  if (n === 1 && isDemonym(words[0].text)) return govHeadAfter(text, tokens, c) ? 'gov' : undefined;
  // "Costa Rican government", "Sri Lanka police": a place name of a few words before a governmental head.
  if (
    n <= 3 &&
    govHeadAfter(text, tokens, c) &&
    words.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text)) &&
    !words.some((t) => isHead(t.text.toLowerCase()))
  )
    return 'gov';

  // Software, techniques and file kinds are not organisations ("Remote Desktop Services",
  // "Dynamic-Link Library") unless a company form ends the name.
  if (
    !corp &&
    words.some(
      (t, i) =>
        i < n - 1 &&
        t.text
          .toLowerCase()
          .split('-')
          .some((p) => TECH_WORDS.has(p)),
    )
  )
    return undefined;
  if (words.some((t) => /-(?:speaking|based|linked|themed|sponsored|affiliated)$/.test(t.text))) return undefined;
  const headline = inHeadline(stats, tokens, c);
  // (A short headline too: "Ransomware Hits Kestrow".)
  const titled = headline || inHeadline(stats, tokens, c, 2);

  // "Ministry of Health", "US Department of Commerce", "National Institute of Standards and Technology"
  const prefixHeaded = words.some((t, i) => i <= n - 3 && PREFIX_HEADS.has(t.text.toLowerCase()) && /^(?:of|for)$/.test(words[i + 1].text));
  const suffixHeaded =
    n >= 2 &&
    SUFFIX_HEADS.has(lastLw) &&
    !(n === 2 && WEAK_SUFFIX.has(lastLw)) &&
    // "Gallatin Health System", not "Domain Name System"
    (lastLw !== 'system' || SYSTEM_OWNERS.has(words[n - 2].text.toLowerCase()));
  // A name has a word of its own: "Shipping and Logistics" is a sector; and two "and"s make a list.
  const distinctive = words.some((t) => !isHead(t.text.toLowerCase()) && !CONNECTORS.has(t.text.toLowerCase()));
  if ((!distinctive && !prefixHeaded) || words.filter((t) => t.text === 'and').length > 1) return undefined;
  if ((corp && n >= 2) || prefixHeaded || (suffixHeaded && !headline)) {
    if (allPlaces(inside, tokens, c)) return undefined;
    if (lastLw === 'group' && !corp && ACTOR_CONTEXT.test(sentenceAround(text, start, end))) return undefined; // "Winnti Group"
    return inside.some((k) => k.type !== 'location') ? ENCLOSING_RULE : 'head';
  }
  // "Ransomware Hits Acme Health Systems", "LockBit Claims Attack on Acme Logistics": in a title-case headline
  // a name right after a verb of hitting, or after "attack on", is the one hit, as in prose; where every
  // word is capitalised, a word that is no ordinary one shows that the words are a name.
  // (Its last word is a head or its own, and no plural after another word: not "Fan Project", "UAE Dissidents".)
  if (
    titled &&
    inside.length === 0 &&
    n <= 4 &&
    words.some(distinctiveWord) &&
    (isHead(lastLw) || (distinctiveWord(words[n - 1]) && !(n > 1 && /\p{Ll}s$/u.test(lastLw)))) &&
    (hitInHeadline(before) || INCIDENT_AFTER.test(after))
  )
    return 'headline';
  if (inside.length > 0 || headline) return undefined;

  // Without a head the context must say it. Long headless runs are titles, not names; a coordination
  // ("Tibetan and Uyghur activists") names two things if any. Letters and "of" a place are one name.
  const ofPlace = acronymOfPlace(tokens, c.first, c.last);
  if (n > 4 || (!ofPlace && words.some((t) => /^(?:and|&|of|for|on|the)$/i.test(t.text)))) return undefined;
  if (words[0].text.length < 2) return undefined;
  // "Traditionally, the group attacked organizations": an adverb opening a sentence, not a name in apposition.
  const adverb = n === 1 && words[0].initial && /\p{Ll}(?:al|ous|ive|ent|ant|ate|ed|ing|ful|ab|ib)ly$/u.test(words[0].text);
  if (!adverb && APPOSITION_AFTER.test(after)) return 'apposition';
  // "energy giant Pemex", "software firm Kaseya" — not "the vendor ID" nor a list of field names
  // ("Network operator Device model").
  if (
    DESCRIPTOR_BEFORE.test(before) &&
    !/\b(?:the|this|that|its|their)\s+\S+\s+$/.test(before) &&
    !/\b\p{Lu}\p{L}*\s+\p{Ll}+,?\s+$/u.test(before) &&
    !/^\p{Lu}{1,2}$/u.test(words[0].text)
  )
    return 'apposition';
  // An ampersand joins the names of a firm, never a person's ("Marks & Spencer", "Johnson & Johnson").
  // (Not with an organisation's head last: "the computers of Licking County".)
  const personLike =
    n >= 2 && n <= 3 && words.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text)) && !text.slice(start, end).includes('&') && !isHead(lastLw);
  if (VERB_AFTER.test(after)) {
    // "John Smith said" — two or three plain capitalised words before a speech verb are a person.
    // ... unless what follows is what only an organisation says ("said hackers", "said its systems").
    const orgSpeech =
      /^\s*said (?:that )?(?:hackers|attackers|an attacker|an unauthori[sz]ed|its (?:systems|network|servers|customers|data)|it (?:was|had been|has been) (?:hit|attacked|breached|hacked|targeted))/.test(
        after,
      );
    if (personLike && !orgSpeech && /^\s*(?:told|said|spokes|warned|observed|published|discovered|identified|detected)/.test(after))
      return undefined;
    if (personLike && /^\s*(?:’s|'s)\s/.test(after)) return undefined;
    // "But Gregory said it would be ...": a given name alone before a speech verb is a person quoted.
    if (n === 1 && /^\s*(?:said|says|told|added|explained|recommended|warned)\b/.test(after) && isGivenName(words[0].text))
      return undefined;
    return 'cue';
  }
  // "files stolen from GhostAdmin victims": the victims of a threat, not an organisation.
  if (CUE_BEFORE.test(before.toLowerCase()) && !personLike && !/^\s+victims\b/.test(after)) return 'cue';
  // "infected PGA computers", "Netflix refused to pay": a name of one word where the incident rules look for a victim.
  // Acronyms ("HR", "FTP") and plurals ("TVs", "Republicans") name kinds of things and people, not one organisation.
  if (
    ((n === 1 && !words[0].initial && /^\p{Lu}.*\p{Ll}.*[^s]$/u.test(words[0].text)) || ofPlace) &&
    !/^\s+victims\b/.test(after) &&
    victimWords(before, text.slice(end, end + 110))
  )
    return 'cue';
  return undefined;
}

/**
 * Names the usual rules cannot see: the subject of a title-case headline, a name that begins with a
 * preposition, two headless names joined by "and". One call per run, and only runs that can hold one
 * (a sentence's first words, or a run with "and") go further: this sits in the loop over every run.
 */
function unheadedNames(
  text: string,
  tokens: Token[],
  run: Run,
  knownAt: KnownIndex,
  stats: CaseStats,
  lowerWords: Set<string>,
  verbs: Set<number>,
): (Run & { rule: string })[] | undefined {
  // (A name of one word opening a headline, before its verb: "Norvell Confirms Ransomware Attack".)
  if (run.last === run.first && !verbs.has(run.last + 1)) return undefined;
  if (tokens[run.first].initial) {
    const one = headlineSubject(text, tokens, run, knownAt, stats, lowerWords, verbs) ?? prepositionName(text, tokens, run, knownAt);
    if (one) return [one];
  }
  return coordinatedNames(text, tokens, run, knownAt, lowerWords)?.map((r) => ({ ...r, rule: 'cue' }));
}

/** Words that, written in title case right after a headline's first words, report what hit them. */
const HEADLINE_REPORT =
  /^(?:Data Breach|Breach|Ransomware Attack|Ransomware|Cyberattack|Cyber Attack|Cyber Incident|Hack|Hacked|Breached|Hit|Attacked|Targeted|Compromised|Struck|Crippled|Disrupted|Infected|Says?|Confirms?|Discloses?|Notif(?:y|ies)|Admits?|Suffers?|Warns Customers|Investigating)\b/;

/**
 * Headline verbs whose object is the one hit ("Ransomware Hits Acme Corp", "Hackers Breach Acme Health
 * Systems"): a bare form only after a plural ("Hackers Breach"; "Data Breach" is a noun). A quantity may
 * come between ("Ransomware Hits Dozens of Dorvex Schools": the schools are the ones hit).
 */
const HIT_OBJECT_BEFORE =
  /(?:\b\p{L}+s\s+(?:hit|hack|breach|attack|target|compromise|infiltrate|strike|cripple|disrupt|infect)|(?:\b\p{L}+s\s+steal|\b(?:steals|stole|stolen|leaked|exfiltrated))\s+(?:[\p{L}\d.,-]+\s+){0,4}?from|\b(?:hits|hacks|hacked|breaches|breached|attacks|attacked|targets|targeted|compromis(?:es|ed)|infiltrat(?:es|ed)|strikes|struck|crippl(?:es|ed)|disrupt(?:s|ed)|infect(?:s|ed)|paraly[sz](?:es|ed)|(?:shuts|shut|knocks|knocked)\s+(?:down|out|offline)))\s+(?:(?:dozens|hundreds|thousands|several|many|multiple|numerous)\s+(?:of\s+)?)?$/iu;

/** After a name in a title-case headline, the incident it suffered ("Claims Quorvant Breach", "Investigating Quorvant Hack"). */
const INCIDENT_AFTER = /^\s+(?:Data\s+|Cyber\s+)?(?:Breach|Hack|Cyberattack|Attack|Ransomware Attack|Leak|Incident)\b/;

/** The nouns of an incident that a title-case headline writes after its victim's name ("LockBit Claims Quorvant Data Breach"). */
const INCIDENT_NOUNS = new Set(['breach', 'hack', 'attack', 'cyberattack', 'ransomware', 'leak', 'incident']);

/** A title-case run without the incident nouns that end it ("Quorvant Data Breach" → "Quorvant"): they are no part of the name. */
function withoutIncidentNoun(tokens: Token[], c: Run, stats: CaseStats): Run {
  const noun = (i: number) => INCIDENT_NOUNS.has(tokens[i]?.text.toLowerCase() ?? '');
  let last = c.last;
  while (last > c.first && noun(last)) last--;
  // ("Data" before a noun of the incident, which may be a headline's verb and end the run: "Quorvant Data Breach".)
  while (last > c.first && /^(?:Data|Cyber)$/.test(tokens[last].text) && noun(last + 1)) last--;
  if (last === c.last || !inHeadline(stats, tokens, { first: c.first, last }, 2)) return c;
  return { first: c.first, last };
}

/**
 * The words before a name in a headline: a verb of hitting ("Hits", "Breach") or a victim's cue as in prose
 * ("Attack on"); not a source's ("According to Nutritionists").
 */
function hitInHeadline(before: string): boolean {
  // Within the line ("Systems Affected" heads a list on the lines below), and not after a title's
  // separator ("... Get Hacked - Motherboard" names the site).
  const line = before.slice(before.lastIndexOf('\n') + 1);
  if (line.trim() === '' || /[-–—|:]\s*$/.test(line)) return false;
  return HIT_OBJECT_BEFORE.test(line) || victimWords(line, '');
}

/** Prepositions a title-case headline capitalises ("Episodes From Netflix", "Cyberattack At Quorvant Health"), which no name holds either. */
const HEADLINE_PREPOSITIONS = new Set('From With Into Over After Before During Against Without Amid Via At'.split(' '));

/** The particle of a phrasal verb, capitalised after a headline's verb ("Shuts Down Dorvex Schools"): part of the verb, not of the name after it. */
const HEADLINE_PARTICLES = new Set(['Down', 'Up', 'Off', 'Out', 'Offline']);

/**
 * Tokens of the title-case lines (a headline) that are a headline's verb (with its particle: "Shuts Down") or preposition: no name starts
 * or goes on with one ("Ransomware Hits Acme Corp" names "Acme Corp", not "Hits Acme Corp"). The line's
 * first word may still be a name ("Target Confirms Breach"), and so may a name the catalogue knows.
 */
function headlineVerbs(tokens: Token[], knownAt: KnownIndex, stats: CaseStats): Set<number> {
  const out = new Set<number>();
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.cap || t.initial || !(isHeadlineVerb(t.text) || HEADLINE_PREPOSITIONS.has(t.text))) continue;
    // (A verb comes before its object: the line's last word is a noun, "Mental Health Report".)
    if (i + 1 === tokens.length || tokens[i + 1].initial) continue;
    if (!inHeadline(stats, tokens, { first: i, last: i }, 2) || knownAt.overlaps(t.start, t.end)) continue;
    out.add(i);
    if (isHeadlineVerb(t.text) && HEADLINE_PARTICLES.has(tokens[i + 1].text) && i + 2 < tokens.length && !tokens[i + 2].initial)
      out.add(i + 1);
  }
  return out;
}

/** A word of a title-case name that is no ordinary word ("Acme", "Kmart") or is written in capitals ("DOT"): where every word is capitalised, that shows a name. */
function distinctiveWord(t: Token): boolean {
  return /^\p{Lu}[\p{Lu}\d&.-]+$/u.test(t.text) || (/^\p{Lu}\p{Ll}/u.test(t.text) && !isCommonWord(t.text.toLowerCase()));
}

/**
 * "Medtronic Data Breach Impacts 3.8 Million People": a title-case headline capitalises every word,
 * so its subject is the one to three words before the words that report an incident (within the run, or
 * the headline's verb that ends it: "Acme Corp Hit By Ransomware"), when they are not words the text also
 * writes in lower case, nor what the catalogue knows, and one of them is no ordinary word.
 */
function headlineSubject(
  text: string,
  tokens: Token[],
  run: Run,
  knownAt: KnownIndex,
  stats: CaseStats,
  lowerWords: Set<string>,
  verbs: Set<number>,
): (Run & { rule: string }) | undefined {
  const verbNext = verbs.has(run.last + 1) && isBlankGap(text, tokens[run.last].end, tokens[run.last + 1].start);
  const last = verbNext ? run.last + 1 : run.last;
  if (!tokens[run.first].initial || last - run.first < 1 || !inHeadline(stats, tokens, { first: run.first, last: run.first }, 2))
    return undefined;
  // "Market Research Firm Forrester Says ...": after a noun that says what it is, the name before the verb.
  let from = run.first;
  if (verbNext)
    for (let d = Math.max(run.first, run.last - 3); d < run.last; d++) if (NAMING_NOUNS.has(tokens[d].text.toLowerCase())) from = d + 1;
  for (let k = from + 1; k <= Math.min(last, from + 3); k++) {
    if (!HEADLINE_REPORT.test(text.slice(tokens[k].start, tokens[k].start + 20))) continue;
    const words = tokens.slice(from, k);
    // (A head the text writes in lower case is still a head: "Intercontinental Hotels Suffer ... the hotels".)
    if (
      words.some(
        (t) =>
          NOT_NAME.has(t.text.toLowerCase()) ||
          CONNECTORS.has(t.text.toLowerCase()) ||
          (lowerWords.has(t.text.toLowerCase()) && !isHead(t.text.toLowerCase())) ||
          t.text.length < 2,
      ) ||
      !words.some(distinctiveWord)
    )
      return undefined;
    if (knownAt.overlaps(tokens[from].start, tokens[k - 1].end)) return undefined;
    // "Singapore Reveals Cyber Attack ...": the subject ends before the headline's verb.
    if (k - 1 > from && isHeadlineVerb(tokens[k - 1].text)) return undefined;
    return { first: from, last: k - 1, rule: 'headline' };
  }
  return undefined;
}

/** Prepositions that also begin company names ("Under Armour", "On Semiconductor"). */
const NAME_PREPOSITIONS = new Set(['under', 'on', 'at', 'in', 'over', 'for']);

/**
 * "Under Armour was hit ...": a sentence cannot open with a prepositional phrase that runs straight
 * into its verb, so a preposition before a name and a verb of the name belongs to the name.
 */
function prepositionName(text: string, tokens: Token[], run: Run, knownAt: KnownIndex): (Run & { rule: string }) | undefined {
  const first = tokens[run.first];
  if (!first.initial || run.last - run.first < 1 || run.last - run.first > 2 || !NAME_PREPOSITIONS.has(first.text.toLowerCase()))
    return undefined;
  const end = tokens[run.last].end;
  if (!VERB_AFTER.test(text.slice(end, end + 60)) || knownAt.overlaps(first.start, end)) return undefined;
  if (
    tokens
      .slice(run.first + 1, run.last + 1)
      .some((t) => NOT_NAME.has(t.text.toLowerCase()) || CONNECTORS.has(t.text.toLowerCase()) || isHead(t.text.toLowerCase()))
  )
    return undefined;
  return { first: run.first, last: run.last, rule: 'cue' };
}

/**
 * "Ubisoft and Crytek were hit", "attacks on Ubisoft and Crytek": two names of one or two words joined
 * by "and", with a cue for the pair, are two organisations (a name with its own head is judged alone).
 */
function coordinatedNames(text: string, tokens: Token[], run: Run, knownAt: KnownIndex, lowerWords: Set<string>): Run[] | undefined {
  let and = -1;
  for (let i = run.first + 1; i < run.last; i++) if (tokens[i].text === 'and') and = and === -1 ? i : -2;
  if (and < 0) return undefined;
  const parts = [
    { first: run.first, last: and - 1 },
    { first: and + 1, last: run.last },
  ];
  if (parts.some((p) => p.last - p.first > 1)) return undefined;
  const start = tokens[run.first].start;
  const end = tokens[run.last].end;
  // "attacks against Tibetan and Uyghur activists": before a lower-case noun the pair are modifiers.
  const verb = VERB_AFTER.test(text.slice(end, end + 60));
  if (
    !verb &&
    (/^[ \t]+\p{Ll}/u.test(text.slice(end, end + 3)) || !CUE_BEFORE.test(text.slice(Math.max(0, start - 40), start).toLowerCase()))
  )
    return undefined;
  for (const p of parts) {
    const words = tokens.slice(p.first, p.last + 1);
    if (words.length === 1 && isDemonym(words[0].text)) return undefined;
    if (
      words.some(
        (t) =>
          NOT_NAME.has(t.text.toLowerCase()) || CONNECTORS.has(t.text.toLowerCase()) || isHead(t.text.toLowerCase()) || t.text.length < 2,
      )
    )
      return undefined;
    if (words[0].initial && lowerWords.has(words[0].text.toLowerCase())) return undefined;
    if (knownAt.overlaps(words[0].start, words[words.length - 1].end)) return undefined;
  }
  return parts;
}

/**
 * The last word of two or three plain capitalised words that the text treats as a person: after
 * "said"/"according to", or before "said", "with"/"of"/"at" + a name, or ", a" + role. The last word may be
 * a surname with a particle grown into it ("DeGrippo").
 */
function personSurname(text: string, tokens: Token[], c: Run): string | undefined {
  const n = c.last - c.first + 1;
  if (n < 2 || n > 3) return undefined;
  const words = tokens.slice(c.first, c.last + 1);
  if (
    !words.every((t, i) => /^\p{Lu}\p{Ll}+$/u.test(t.text) || (i === n - 1 && isParticleSurname(t.text))) ||
    words.some((t) => isHead(t.text.toLowerCase()))
  )
    return undefined;
  const start = words[0].start;
  const end = words[n - 1].end;
  const before = text.slice(Math.max(0, start - 16), start);
  const after = text.slice(end, end + 24);
  const spoken =
    /\b(?:said|says|told|according to|wrote)\s+$/.test(before) || /^,?\s+(?:said|says|told|wrote|explained|added)\b/.test(after);
  const placed = /^\s+(?:with|of|at|from)\s+\p{Lu}/u.test(after) || /^,\s+(?:a|an|the)\s/.test(after);
  return spoken || placed ? words[n - 1].text : undefined;
}

/**
 * Last words of two plain capitalised words in running prose whose first word the text never writes in
 * lower case and that no head word ends ("Troy Hunt", "Rich Campagna", "Brian Kemp"): a given name
 * and a surname, so the surname alone ("Hunt told the Daily Mail") is that person, not an
 * organisation. Headlines capitalise every word and are left out ("Hackers Target Equifax").
 */
function givenNameSurnames(
  text: string,
  tokens: Token[],
  knownAt: KnownIndex,
  stats: CaseStats,
  lowerWords: Set<string>,
  verbs: Set<number>,
): Set<string> {
  const out = new Set<string>();
  // Upper case first (cap, or a surrogate pair: an astral capital), then the pattern: most tokens fail the first test.
  const plain = (t: Token | undefined) =>
    t !== undefined && (t.cap || (t.text.charCodeAt(0) & 0xfc00) === 0xd800) && /^\p{Lu}\p{Ll}+$/u.test(t.text);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const u = tokens[i + 1];
    // (A third capitalised word makes a longer name, unless a sentence ends before it: "by Paras Jha. Jha told".)
    const third = tokens[i + 2];
    if (!plain(t) || !(plain(u) || isParticleSurname(u.text)) || !isBlankGap(text, t.end, u.start)) continue;
    if (plain(third) && isBlankGap(text, u.end, third.start)) continue;
    const a = t.text.toLowerCase();
    const b = u.text.toLowerCase();
    if (lowerWords.has(a) || NOT_NAME.has(a) || CONNECTORS.has(a) || isHead(a) || isHead(b) || NOT_NAME.has(b)) continue;
    // "Bank of ...", "Procter and Gamble"; but "Paras Jha and Josiah White" lists two people.
    if (third && CONNECTORS.has(third.text) && isBlankGap(text, u.end, third.start) && !personAfterAnd(text, tokens, i + 2)) continue;
    // (Nor a headline's verb and its object: "Ransomware Hits Kestrow".)
    if (knownAt.overlaps(t.start, u.end) || verbs.has(i) || inHeadline(stats, tokens, { first: i, last: i + 1 })) continue;
    out.add(u.text);
  }
  return out;
}

/**
 * The length of a given name and a surname opening the run before "of" ("Dan Tentler of Phobos Group"): a
 * person of the organisation after it, whom no role or speech verb introduced. 0 otherwise.
 */
function givenNameOfAt(text: string, tokens: Token[], cand: Run): number {
  const of = tokens[cand.first + 2];
  if (cand.last < cand.first + 3 || of?.text !== 'of') return 0;
  const given = tokens[cand.first];
  if (!givenNameOfPerson(text, given.start, given.end)) return 0;
  return tokens[cand.first + 1].end - given.start;
}

/** tokens[at] is "and", and a common given name and a capitalised word follow it ("... and Josiah White"). */
function personAfterAnd(text: string, tokens: Token[], at: number): boolean {
  const given = tokens[at + 1];
  const surname = tokens[at + 2];
  if (tokens[at].text !== 'and' || given === undefined || surname === undefined || !isGivenName(given.text)) return false;
  return /^\p{Lu}\p{Ll}+$/u.test(surname.text) && isBlankGap(text, given.end, surname.start);
}

/** Words around "X Group" that make it a threat group rather than a company. */
const ACTOR_CONTEXT =
  /\b(?:apt\d*|attribut\w*|threat actors?|hacking groups?|threat groups?|toolkits?|state[- ]sponsored|posing as|backdoors?|ttps)\b/i;

function sentenceAround(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - 100), Math.min(text.length, end + 100));
}

const TECH_WORDS = new Set(
  'remote desktop access windows server mobile android ios linux macos office command control link dynamic sample targeting exploitation explotation execution persistence opening surveillance cameras data file files script protocol process api pdf email payment cards system software app apps web cloud virus total'.split(
    ' ',
  ),
);

function govHeadAfter(text: string, tokens: Token[], c: Run): boolean {
  const next = tokens[c.last + 1];
  // "Chinese government", "Costa Rica's government"
  if (next === undefined || !/^(?:[’']s)?[ \t]+$/.test(text.slice(tokens[c.last].end, next.start))) return false;
  if (GOV_HEADS.has(next.text)) return true;
  // "Baltimore's city government", "the US federal government"
  const after = tokens[c.last + 2];
  return (
    /^(?:city|state|federal|national|local|county|municipal|regional)$/.test(next.text) && after !== undefined && GOV_HEADS.has(after.text)
  );
}

/**
 * Per sentence, how many of its longer words (4+ letters) are capitalised: a headline or caption in
 * title case capitalises nearly all of them. Counted once per text; a run subtracts its own words.
 */
interface CaseStats {
  sentenceOf: Int32Array;
  caps: number[];
  long: number[];
}

function caseStats(tokens: Token[]): CaseStats {
  const sentenceOf = new Int32Array(tokens.length);
  const caps: number[] = [];
  const long: number[] = [];
  let sid = -1;
  tokens.forEach((t, i) => {
    if (t.initial || sid < 0) {
      sid++;
      caps.push(0);
      long.push(0);
    }
    sentenceOf[i] = sid;
    if (t.text.length >= 4 && (t.cap || t.lower)) {
      long[sid]++;
      if (t.cap) caps[sid]++;
    }
  });
  return { sentenceOf, caps, long };
}

/** Whether the run sits in a line or sentence written in title case (a headline, a caption): `least` of its other longer words, three in four capitalised. */
function inHeadline(stats: CaseStats, tokens: Token[], c: Run, least = 3): boolean {
  const sid = stats.sentenceOf[c.first];
  let caps = stats.caps[sid];
  let long = stats.long[sid];
  // Judge by the words around the name, not by the name itself.
  for (let i = c.first; i <= c.last; i++) {
    const t = tokens[i];
    if (t.text.length >= 4 && (t.cap || t.lower)) {
      long--;
      if (t.cap) caps--;
    }
  }
  return long >= least && caps / long >= 0.75;
}

/** After a name's "'s", what no possessive is followed by: a verb, a preposition, the end of a clause. */
const NOT_POSSESSED =
  /^['’]s(?:\s*[.,;:!?)"”]|\s+(?:has|had|is|was|did|does|didn['’]t|doesn['’]t|hasn['’]t|wasn['’]t|said|says|will|would|in|at|on|to|for|from|and|or)\b)/;

/** After a name's "'s", what only a name's own "'s" is followed by: a speech verb, or a comma and an apposition. */
const ONLY_A_NAME = /^['’]s(?:\s+(?:said|says|told|confirmed|announced|disclosed|didn['’]t|did not)\b|\s*,\s+(?:a|an)\s)/;

/**
 * A brand written with its "'s" ("McDonald's", "Sainsbury's", "Macy's"): the text never writes it
 * without, twice or more, and at least once where a possessive cannot be ("at McDonald's in India",
 * "McDonald's didn't"). Then the "'s" is part of the name.
 */
function possessiveBrands(text: string, found: EntityMatch[]): void {
  const byKey = new Map<string, EntityMatch[]>();
  for (const f of found) {
    const list = byKey.get(f.key);
    if (list) list.push(f);
    else byKey.set(f.key, [f]);
  }
  for (const list of byKey.values()) {
    // Once is enough where only a name can stand ("Pellman's said", "breached Pellman's, a bakery"):
    // no "'s" of "is" or "has" is followed by a verb's past or a comma and an article.
    if (list.length < 2 && !ONLY_A_NAME.test(text.slice(list[0].end, list[0].end + 24))) continue;
    let plain = false;
    let owned = false;
    for (const f of list) {
      const next = text.charCodeAt(f.end);
      if ((next !== 0x27 && next !== 0x2019) || text.charCodeAt(f.end + 1) !== 0x73) plain = true;
      else if (NOT_POSSESSED.test(text.slice(f.end, f.end + 12))) owned = true;
      if (plain) break;
    }
    if (plain || !owned) continue;
    const name = `${list[0].name}${text.slice(list[0].end, list[0].end + 2)}`;
    const key = `organization:${slug(name)}`;
    for (const f of list) {
      f.end += 2;
      f.text = text.slice(f.start, f.end);
      f.name = name;
      f.key = key;
    }
  }
}

/**
 * A known organisation in the middle of a longer name, between words of that name and its head:
 * "Dorset County Hospital NHS Foundation Trust", "US CERT Coordination Center". (One that opens the
 * run stays the catalogue's: "Microsoft Threat Intelligence" is the vendor.)
 */
function withinName(tokens: Token[], c: Run, k: EntityMatch): boolean {
  if (k.type !== 'organization' || k.start <= tokens[c.first].start || c.last - c.first < 3) return false;
  const last = tokens[c.last];
  const lw = last.text.toLowerCase();
  return k.end < last.start && SUFFIX_HEADS.has(lw) && !WEAK_SUFFIX.has(lw);
}

/** Names found around a known organisation (see withinName): they win over it where both are kept. */
export const ENCLOSING_RULE = 'head-enclosing' as const;

const REGION_WORDS = new Set(['Northern', 'Southern', 'Eastern', 'Western', 'Central', 'Greater', 'North', 'South', 'East', 'West']);

/**
 * "PGA of America", "ACLU of Northern California": letters in capitals, "of" and a place are a body's name
 * (its national or local branch), though no head word ends it.
 */
function acronymOfPlace(tokens: Token[], first: number, last: number): boolean {
  if (last - first < 2 || last - first > 4 || tokens[first + 1].text !== 'of' || !/^\p{Lu}{2,6}$/u.test(tokens[first].text)) return false;
  const place = tokens.slice(REGION_WORDS.has(tokens[first + 2].text) ? first + 3 : first + 2, last + 1);
  return place.length > 0 && place.every((t) => t.cap) && placeKeyByName(place.map((t) => t.text).join(' ')) !== undefined;
}

function allPlaces(inside: EntityMatch[], tokens: Token[], c: Run): boolean {
  // A run that is nothing but known places and a weak head ("Washington County") is a place.
  if (inside.length === 0) return false;
  const covered = inside.reduce((s, k) => s + (k.end - k.start), 0);
  const span = tokens[c.last].end - tokens[c.first].start;
  return span - covered <= tokens[c.last].text.length + 1 && WEAK_SUFFIX.has(tokens[c.last].text.toLowerCase());
}

const DEMONYM = /^(?:US|U\.S|UK|EU|[A-Z][a-z]+(?:ian|ean|ese|ish|ch|ic|an|ine|i))$/;
/** A people's adjective ("Canadian", "German"); a word in "-man" only when it is a known place's ("Hoffman", "Pellman" are names). */
function isDemonym(t: string): boolean {
  return DEMONYM.test(t) && (!t.endsWith('man') || placeKeyByName(t) !== undefined);
}

function acronymAfter(text: string, tokens: Token[], last: number): number | undefined {
  const i = last + 1;
  if (i >= tokens.length) return undefined;
  const t = tokens[i];
  if (!/^\s*\(\s*$/.test(text.slice(tokens[last].end, t.start))) return undefined;
  if (!/^[A-Z][A-Za-z&]{1,9}$/.test(t.text) || !/^[A-Z&]{2}/.test(t.text)) return undefined;
  if (!/^\s*\)/.test(text.slice(t.end, t.end + 3))) return undefined;
  return i;
}

function initialsMatch(tokens: Token[], c: Run, acr: string): boolean {
  const initials = tokens
    .slice(c.first, c.last + 1)
    .filter((t) => t.cap)
    .map((t) => t.text[0])
    .join('');
  const letters = acr.replace(/[^A-Z]/g, '');
  // all capitals of the acronym appear, in order, among the initials of the words
  let j = 0;
  for (const ch of initials) if (ch === letters[j]) j++;
  return j === letters.length && letters.length >= 2 && letters[0] === initials[0];
}

function addRepeats(
  text: string,
  tokens: Token[],
  accepted: Map<string, { key: string; name: string }>,
  knownAt: KnownIndex,
  found: EntityMatch[],
): void {
  const taken = new Set(found.map((f) => f.start));
  // Index accepted names by their first token so that one pass over the tokens finds them all.
  const byFirst = new Map<string, string[]>();
  for (const surface of accepted.keys()) {
    const first = (/^[^\s]+/.exec(surface)?.[0] ?? surface).replace(/['’]s$/, ''); // "Scotty's Brewhouse": the token is "Scotty"
    const list = byFirst.get(first) ?? [];
    list.push(surface);
    byFirst.set(first, list);
  }
  for (const t of tokens) {
    const cands = byFirst.get(t.text);
    if (!cands || taken.has(t.start)) continue;
    for (const surface of cands) {
      if (!text.startsWith(surface, t.start)) continue;
      const end = t.start + surface.length;
      if (/[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      if (knownAt.overlaps(t.start, end)) continue;
      const a = accepted.get(surface)!;
      found.push(org(t.start, end, surface, a.key, a.name, 'repeat'));
      taken.add(t.start);
      break;
    }
  }
}

/**
 * A name read in a headline that the text then gives in full, its words and a head or company form after
 * them ("Intercontinental Hotels Suffer ..." then "The Intercontinental Hotels Group"): the same
 * organisation, under the full name's key.
 */
function fullNames(found: EntityMatch[], accepted: Map<string, { key: string; name: string }>): void {
  for (const f of found) {
    if (f.why?.rule !== 'headline') continue;
    const full = found.find((g) => {
      if (!g.name.startsWith(`${f.name} `)) return false;
      return g.name
        .slice(f.name.length + 1)
        .split(' ')
        .every((w) => isHead(w.toLowerCase()) || isCorpForm(w));
    });
    if (!full) continue;
    f.key = full.key;
    f.name = full.name;
    accepted.set(f.text, { key: full.key, name: full.name });
  }
}

function org(start: number, end: number, surface: string, key: string, name: string, rule: string): EntityMatch {
  return { type: 'organization', start, end, text: surface, key, name, why: { rule, source: 'text' } };
}

function dedupe(sorted: EntityMatch[]): EntityMatch[] {
  const out: EntityMatch[] = [];
  let lastEnd = -1;
  for (const m of sorted) {
    if (m.start < lastEnd) continue; // nested in or crossing the previous one: the first, longest wins
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Known entities, by position

interface KnownIndex {
  /** Known entities overlapping [start, end), in text order. */
  near(start: number, end: number): EntityMatch[];
  overlaps(start: number, end: number): boolean;
  inside(start: number, end: number): EntityMatch[];
  crosses(start: number, end: number): boolean;
}

function indexKnown(_len: number, known: EntityMatch[]): KnownIndex {
  const sorted = [...known].sort((a, b) => a.start - b.start);
  const starts = sorted.map((k) => k.start);
  // Longest known span bounds how far back an overlapping entity can start.
  const maxLen = sorted.reduce((m, k) => Math.max(m, k.end - k.start), 0);
  const near = (start: number, end: number): EntityMatch[] => {
    const out: EntityMatch[] = [];
    let i = lowerBound(starts, start - maxLen);
    for (; i < sorted.length && sorted[i].start < end; i++) if (sorted[i].end > start) out.push(sorted[i]);
    return out;
  };
  return {
    near,
    overlaps: (s, e) => near(s, e).length > 0,
    inside: (s, e) => near(s, e).filter((k) => k.start >= s && k.end <= e),
    crosses: (s, e) => near(s, e).some((k) => k.start < s || k.end > e),
  };
}

function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
