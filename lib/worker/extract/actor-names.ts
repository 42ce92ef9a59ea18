import type { EntityMatch } from '../../shared/types';
import { slug } from '../knowledge/keys';
import { isCommonWord } from './common-word';
import { plausibleName } from './malware-names';
import { lazyRegExp } from './lazy-regexp';
import { matchesAfterBoundary, matchesBeforeListWords } from './sticky';
import { isHeadlineVerb } from './headline-verbs';
import { someMention } from './mentions';

/**
 * Threat actors the catalogue does not know yet, named by how the text speaks of them — vendors name a
 * new group in the report that introduces it, long before any catalogue lists it:
 * - after a noun for attackers, with or without a naming verb: "the threat actor HydroJiin", "an APT group
 *   named ReconHellcat", "a threat group tracked as Sticky Werewolf", "the threat actor we dubbed X";
 * - before one: "the Balikbayan Foxes threat actor", "the Karakurt gang", "the Gamaredon hackers";
 * - listed after a plural one: "state sponsored groups such as APT33 and Gorgon";
 * - a lone attacker's handle: "the hacker, known only as Cipher0007";
 * then the same name again anywhere in the text. Names the catalogue, a pattern or the malware finder
 * already took stay theirs (so "the LockBit gang" stays the ransomware family), and the words the
 * malware finder refuses as names (platforms, descriptions, ordinary words) are refused here too.
 * Case-sensitive on purpose: with the `i` flag `\p{Lu}` would match lower-case letters.
 */
const NAME = String.raw`\p{Lu}[\p{L}\p{N}]*(?:[.-][\p{L}\p{N}]+)*`;
const NAME2 = String.raw`${NAME}(?:[ \t\u00a0]${NAME})?`;
/** Nouns for a group of attackers, as they stand before a name ("threat actor X", "APT group named X"). */
const NOUN_BEFORE = String.raw`(?:[Tt]hreat[ \t\u00a0]+(?:[Aa]ctor|[Gg]roup|[Cc]luster)|APT[ \t\u00a0]+(?:[Gg]roup|[Aa]ctor)|[Hh]ack(?:ing|er|ers)[ \t\u00a0]+[Gg]roup|[Cc]ybercrim(?:e|inal)[ \t\u00a0]+(?:[Gg]roup|[Gg]ang|[Aa]ctor)|(?:[Cc]yber-?)?[Ee]spionage[ \t\u00a0]+(?:[Gg]roup|[Aa]ctor)|[Rr]ansomware[ \t\u00a0]+(?:[Gg]ang|[Gg]roup)|[Ee]xtortion[ \t\u00a0]+(?:[Gg]ang|[Gg]roup)|[Ii]ntrusion[ \t\u00a0]+[Ss]et|[Aa]ctivity[ \t\u00a0]+[Cc]luster)s?`;
/** A naming verb between the noun and the name, optionally with who named it ("we previously dubbed"). */
const NAMING_VERB = String.raw`(?:(?:(?:that|which|whom)[ \t\u00a0]+)?(?:we|researchers|\p{Lu}[\p{L}]+)[ \t\u00a0]+(?:have[ \t\u00a0]+)?(?:previously[ \t\u00a0]+)?(?:dubbed|named|called|track|tracks|tracked)(?:[ \t\u00a0]+as)?[ \t\u00a0]+|(?:(?:known|tracked|referred[ \t\u00a0]+to)[ \t\u00a0]+as|dubbed|named|called|nicknamed|code-?named)[ \t\u00a0]+)`;
const NAMING = `${NAMING_VERB}?`;
const QUOTE = String.raw`[“"‘'*]?[ \t\u00a0]*`;
/** A relative pronoun right before the noun: the attackers are the naming verb's subject, not the ones named. */
const RELATIVE_BEFORE = /\b(?:which|that|whom)[ \t\u00a0]+(?:the[ \t\u00a0]+)?$/i;
/**
 * After a noun for attackers ("the threat actor X", "an APT group named X"); a bare noun for attackers says it
 * only with a naming verb ("an ( APT ) group named X", "a gang known as X"). One scan for both.
 */
// The scans are built when first used (lazy-regexp.ts): their Unicode classes cost every start of the worker otherwise.
const AFTER_NOUN = lazyRegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${NOUN_BEFORE}[ \t\u00a0]+${NAMING}|(?:[Gg]roup|[Gg]ang|[Aa]ctor|[Cc]rew|[Cc]ollective|[Aa]ttackers)s?[ \t\u00a0]+${NAMING_VERB})${QUOTE}(${NAME2})`,
  'gu',
);
/**
 * A lone attacker's handle, named as such: "the hacker, known only as Cipher0007", "a hacker who goes by the
 * nickname of Peace", "the attacker, who uses the alias Tessa88". One word: a handle, not a person's full name.
 */
const HANDLE = lazyRegExp(
  String.raw`(?<![\p{L}\p{N}])(?:[Hh]acker|[Aa]ttacker|[Hh]acktivist|[Cc]ybercriminal|[Ee]xtortionist)[ \t\u00a0]*,?[ \t\u00a0]+(?:(?:who|that)[ \t\u00a0]+)?(?:(?:is|was)[ \t\u00a0]+)?(?:(?:known|identified)[ \t\u00a0]+(?:only[ \t\u00a0]+|simply[ \t\u00a0]+|online[ \t\u00a0]+)?as|(?:goes|go|going|went)[ \t\u00a0]+by[ \t\u00a0]+(?:the[ \t\u00a0]+)?(?:(?:nick)?name|alias|handle|moniker|pseudonym)(?:[ \t\u00a0]+of)?|(?:uses|use|using|used)[ \t\u00a0]+the[ \t\u00a0]+(?:(?:nick)?name|alias|handle|moniker|pseudonym)|nicknamed|calling[ \t\u00a0]+(?:himself|herself|themselves))[ \t\u00a0]+${QUOTE}(${NAME})(?![ \t\u00a0]+\p{Lu})`,
  'gu',
);
/** Nouns for attackers after a name ("the X threat actor", "the X gang"). */
const NOUN_AFTER = String.raw`(?:group(?![ \t\u00a0]+of\b)|[Tt]hreat[ \t\u00a0]+(?:[Aa]ctors?|[Gg]roups?)|APT[ \t\u00a0]+(?:[Gg]roups?|[Aa]ctors?)|[Hh]ack(?:ing|er)[ \t\u00a0]+[Gg]roups?|[Gg]angs?|[Hh]ackers|[Cc]ybercrim(?:e|inal)[ \t\u00a0]+[Gg]roups?|(?:[Cc]yber-?)?[Ee]spionage[ \t\u00a0]+[Gg]roups?)`;
const BEFORE_NOUN = lazyRegExp(
  String.raw`\b(?:[Tt]he|[Aa]n?)[ \t\u00a0]+[“"‘']?(${NAME2})[”"’']?[ \t\u00a0]+${NOUN_AFTER}(?![\p{L}\p{N}])`,
  'gu',
);

/**
 * Names listed after a plural noun for attackers: "state sponsored groups such as APT33 and Gorgon", "APT actors
 * including Patchwork, Sidewinder and Confucius". The list is read up to its last "and"/"or".
 */
// Sticky: tried only before the list words (see matchesBeforeListWords), a noun at most "adversaries" long.
const LIST_AFTER_NOUN = lazyRegExp(
  String.raw`\b(?:[Gg]roups|[Aa]ctors|APTs|[Gg]angs|[Cc]rews|[Aa]dversaries|[Hh]ackers)[ \t\u00a0]*,?[ \t\u00a0]+(?:such[ \t\u00a0]+as|like|including)[ \t\u00a0]+((?:${NAME2}[ \t\u00a0]*,[ \t\u00a0]*){0,6}${NAME2}(?:[ \t\u00a0]*,?[ \t\u00a0]+(?:and|or)[ \t\u00a0]+${NAME2})?)`,
  'uy',
);
const LONGEST_NOUN = 'adversaries'.length;
const LIST_ITEM = lazyRegExp(NAME2, 'gu');

/**
 * What the text says a name is: "APT10 , a group allegedly working for the MSS", "X is a China-based threat
 * group", "we assessed ReconHellcat as a high-capability APT group". Found from the noun for attackers (rare
 * in text) back to the name before it: the name, then a comma, "is", "was" or "as", "a" or "an", up to five
 * words of description, and the noun; not "a group of" (a description of people, not a name). A research
 * or security team ("Talos, a threat intelligence group") is no attacker: those descriptions refuse it.
 */
// ASCII only and no look-behind: V8 skips along the text to the words' letters (a Unicode look-behind is tried everywhere).
// The word boundary before the noun is tested in code (see nounsForAttackers): a leading \b slowed the scan twofold.
const ACTOR_NOUN_AT =
  /(?:threat[ \t\u00a0]+(?:actor|group)|APT[ \t\u00a0]+(?:group|actor)|group|gang|actor|crew|collective|adversary)\b(?!-)(?![ \t\u00a0]+of\b)/gi;
const IS_A_BEFORE = lazyRegExp(
  String.raw`(?<![\p{L}\p{N}.@/-])(${NAME2})[ \t\u00a0]*[”"’'*]?[ \t\u00a0]*(?:,[ \t\u00a0]*(?:also[ \t\u00a0]+)?|[ \t\u00a0]+(?:is|was|as)[ \t\u00a0]+)(?:a|an)[ \t\u00a0]+((?:[\p{L}\p{N}][\p{L}\p{N}'’-]*[ \t\u00a0]+){0,5}?)$`,
  'u',
);
/**
 * Other names given right after an actor's: "Leviathan , also known as TEMP , Periscope or TEMP", "APT41 (aka
 * Barium and Wicked Panda)". The list is read up to its last "and"/"or".
 */
const AKA_LIST_AFTER = lazyRegExp(
  String.raw`^[ \t\u00a0]*[”"’'*]?[ \t\u00a0]*[,(][ \t\u00a0]*(?:also[ \t\u00a0]+)?(?:known[ \t\u00a0]+as|called|aka|a\.k\.a\.?|tracked[ \t\u00a0]+as)[ \t\u00a0]+[“"‘']?[ \t\u00a0]*((?:${NAME2}[ \t\u00a0]*[”"’']?[ \t\u00a0]*,[ \t\u00a0]*[“"‘']?[ \t\u00a0]*){0,6}${NAME2}(?:[ \t\u00a0]*[”"’']?[ \t\u00a0]*,?[ \t\u00a0]+(?:and|or)[ \t\u00a0]+[“"‘']?[ \t\u00a0]*${NAME2})?)`,
  'u',
);

/**
 * Who a deed is held to: "we attribute this attack to ReconHellcat", "campaigns attributed to either Cobalt or
 * GC". The name must end there (a stop, a bracket, "and", "or", "with", "in", "based on"): "attributed to
 * Iranian state actors" names an adjective.
 */
const ATTRIBUTED_TO = lazyRegExp(
  String.raw`(?<![\p{L}\p{N}])(?:[Aa]ttribut(?:ed|es|e|ing)|[Ll]inked|[Tt]ied)[ \t\u00a0]+(?:(?:it|this|them|these|the[ \t\u00a0]+[\p{Ll}-]+|[\p{Ll}-]+[ \t\u00a0]+[\p{Ll}-]+)[ \t\u00a0]+)?to[ \t\u00a0]+(?:either[ \t\u00a0]+|both[ \t\u00a0]+)?[“"‘']?[ \t\u00a0]*(${NAME2})[ \t\u00a0]*[”"’']?(?=[ \t\u00a0]*(?:[,.;:!?)(\[]|$)|[ \t\u00a0]+(?:and|or|with|in|based|because|since|by|as|for|due)(?![\p{L}\p{N}]))`,
  'gu',
);

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** What a global scan of ACTOR_NOUN_AT with a leading \b finds: a position the boundary refuses is passed by one character. */
function nounsForAttackers(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const re = ACTOR_NOUN_AT;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index > 0 && isWordChar(text.charCodeAt(m.index - 1))) re.lastIndex = m.index + 1;
    else out.push(m);
  }
  return out;
}

/** What comes before the article of "X, a ... group", "X is a ... group", "X as a ... group". */
const ARTICLE_AFTER = /(?:,[ \t\u00a0]*(?:also[ \t\u00a0]+)?|[ \t\u00a0](?:is|was|as)[ \t\u00a0]+)$/;
/** Descriptions of defenders, researchers and the like: "a threat intelligence group", "a security research group". */
const NOT_ATTACKER_DESCRIPTION =
  /\b(?:research|researchers|intelligence|security|analysis|response|hunting|industry|advocacy|rights|privacy|trade|consulting|working|support|study|user|users|peer|media|investment|insurance|task|lobby|pressure|hospital|healthcare|school)\b/i;

const MONTHS_DAYS =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

/** Words that begin a noun phrase, not a name ("the Same threat actor" in a title-case heading). */
const NOT_ACTOR_NAMES = new Set([
  'same',
  'new',
  'other',
  'unknown',
  'notorious',
  'prolific',
  'suspected',
  'alleged',
  'financially',
  'state',
]);

/**
 * "Client Profile Registration System (CPRS)": an abbreviation in brackets after the words whose initials
 * it spells is those words' (a group named after what it spoofs is still named elsewhere in the text).
 */
function spellsOut(text: string, at: number, name: string): boolean {
  const before = text.slice(Math.max(0, at - 120), at);
  const open = /\(\s*$/.exec(before);
  if (!open || !/^\p{Lu}{2,6}$/u.test(name)) return false;
  const words = before.slice(0, open.index).match(/[\p{L}\p{N}]+/gu) ?? [];
  const initials = words
    .slice(-name.length)
    .map((w) => w[0])
    .join('');
  return initials.toUpperCase() === name;
}

/** Right before a name, an attack on it: "attacks on WADA", "the breach of X", "a hack at X". */
const TARGET_BEFORE =
  /\b(?:attacks?|hacks?|breach(?:es)?|intrusions?|compromise)[ \t\u00a0]+(?:on|of|at|against|into)[ \t\u00a0]+(?:the[ \t\u00a0]+)?$/i;
/** Right after a name, what was done to it: "X was hacked", "X had been breached". */
const TARGET_AFTER = /^[ \t\u00a0]+(?:was|were|(?:has|have|had)[ \t\u00a0]+been)[ \t\u00a0]+(?:hacked|breached|attacked|compromised)\b/i;

/**
 * Whether the text names `name` as the target of an attack somewhere ("attacks on WADA", "WADA was hacked"):
 * then "the WADA hackers" are the ones who hacked it, and the name is the victim's, not the attackers'.
 */
function namedAsTarget(text: string, name: string): boolean {
  return someMention(
    text,
    name,
    (start, end) => TARGET_BEFORE.test(text.slice(Math.max(0, start - 40), start)) || TARGET_AFTER.test(text.slice(end, end + 40)),
  );
}

export function findActorsByShape(text: string, known: EntityMatch[]): EntityMatch[] {
  const taken = (start: number, end: number) => known.some((k) => k.start < end && k.end > start);
  const lower = text.toLowerCase();
  const names = new Set<string>();
  const consider = (phrase: string, start: number, open: boolean) => {
    // "The Minebridge RAT threat actors" are a malware's operators: a description word refuses the phrase.
    if (!plausibleName(phrase, lower)) return;
    // "the threat actor HydroJiin In 2020": a capitalised ordinary word after the name is not part of it.
    let words = phrase.split(/[ \t\u00a0]/);
    // "Ransomware Gang Claims Acme Breach": a headline's verb after the noun, not a name.
    if (open && isHeadlineVerb(words[0])) return;
    // (A name before the noun is closed by the noun: "the Balikbayan Foxes threat actor".)
    // ("Sticky Werewolf" stays whole: its first word names nothing alone.)
    if (open && words.length > 1 && isCommonWord(words[1].toLowerCase()) && plausibleName(words[0], lower)) words = words.slice(0, 1);
    const name = words.join(' ');
    if (words.some((w) => NOT_ACTOR_NAMES.has(w.toLowerCase()))) return;
    if (taken(start, start + name.length) || !plausibleName(name, lower)) return;
    names.add(name);
  };
  for (const m of matchesAfterBoundary(AFTER_NOUN(), text)) {
    // "a class, which the attackers named OrionImprovementBusinessLayer": the attackers named something else, in a relative clause.
    if (RELATIVE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    consider(m[1], m.index + m[0].length - m[1].length, true);
  }
  for (const m of matchesAfterBoundary(HANDLE(), text)) consider(m[1], m.index + m[0].length - m[1].length, false);
  for (const m of matchesAfterBoundary(ATTRIBUTED_TO(), text)) {
    const at = m.index + m[0].lastIndexOf(m[1]);
    if (!MONTHS_DAYS.test(m[1])) consider(m[1], at, false);
  }
  for (const m of text.matchAll(BEFORE_NOUN())) consider(m[1], m.index + m[0].indexOf(m[1], m[0].search(/[ \t\u00a0]/)), false);
  for (const m of nounsForAttackers(text)) {
    if (text.charCodeAt(m.index - 1) === 0x2d) continue; // "state-sponsored-group"
    const from = Math.max(0, m.index - 100);
    const before = text.slice(from, m.index);
    // Cheap first: an article at most six words back, after a comma or "is", "was", "as" (most nouns have none).
    const article = Math.max(before.lastIndexOf(' a '), before.lastIndexOf(' an '));
    if (article < 0 || before.length - article > 60 || !ARTICLE_AFTER.test(before.slice(Math.max(0, article - 8), article + 1))) continue;
    const d = IS_A_BEFORE().exec(before);
    // "In early June , a TA456 actor": a name in the description is the noun's; a date is no name.
    if (!d || NOT_ATTACKER_DESCRIPTION.test(d[2]) || /\p{N}|\p{Lu}[\p{L}]*\p{Lu}/u.test(d[2]) || MONTHS_DAYS.test(d[1])) continue;
    // "Researchers, a group ...": a capitalised ordinary word opening a sentence names nothing.
    if (isCommonWord(d[1].split(/[ \t\u00a0]/)[0].toLowerCase()) && !/\p{Lu}.*\p{Lu}|\p{N}/u.test(d[1].slice(1))) continue;
    consider(d[1], from + d.index, false);
  }
  for (const m of matchesBeforeListWords(LIST_AFTER_NOUN(), text, LONGEST_NOUN)) {
    const listStart = m.index + m[0].length - m[1].length;
    for (const item of m[1].matchAll(LIST_ITEM())) consider(item[0], listStart + item.index, false);
  }
  // Other names given right after an actor's, from the catalogue or found above.
  const anchors = known.filter((k) => k.type === 'actor').map((k) => k.end);
  for (const name of names) for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) anchors.push(i + name.length);
  for (const end of anchors) {
    const a = AKA_LIST_AFTER().exec(text.slice(end, end + 160));
    if (!a) continue;
    const listStart = end + a[0].length - a[1].length;
    // "also known as" says these are names: an ordinary word ("Periscope") is one here.
    for (const item of a[1].matchAll(LIST_ITEM())) {
      const start = listStart + item.index;
      if (item[0].length >= 3 && !taken(start, start + item[0].length) && !MONTHS_DAYS.test(item[0])) names.add(item[0]);
    }
  }
  for (const name of names) if (namedAsTarget(text, name)) names.delete(name);
  if (names.size === 0) return [];
  const out: EntityMatch[] = [];
  for (const name of names) {
    const key = `actor:${slug(name)}`;
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
      const end = i + name.length;
      if (/[\p{L}\p{N}]/u.test(text[i - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(text[end] ?? ' ') || taken(i, end)) continue;
      if (spellsOut(text, i, name)) continue;
      out.push({ type: 'actor', start: i, end, text: name, key, name, why: { rule: 'shape', source: 'text' } });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
