/**
 * What the sentence says a catalogue name is, for names that are also ordinary words or other things'
 * names ("Leviathan", "Kronos", "Anubis", "Cobalt"): the nearby cue word of matcher/ambiguity.ts is one
 * way English says it; these are the others, read from how reports name malware and threat actors:
 * - a copula or an apposition with a word for the kind: "Kronos is a banking trojan", "Anubis, a
 *   particularly nasty piece of malware", "Leviathan, an espionage actor";
 * - what is done with malware: "deployed / dropped / installed / delivered X", "a variant of X", "X samples",
 *   "X's C2";
 * - what an actor does or is held for: "attributed to X", "targeted by X", "the threat actor X", "X, a
 *   China-based group".
 * Each look is a short anchored regular expression over a bounded slice next to the name (linear time).
 */
import { someMention } from './mentions';
import { asciiTwin, guarded, lazyRegExp, withoutUnicodeFolds } from './lazy-regexp';

/** Nouns that say "malicious software" (or an attacker's tool), singular or plural. */
const MALWARE_NOUN = String.raw`(?:malware|ransomware|trojan|backdoor|loader|downloader|dropper|stealer|infostealer|rat|remote access (?:trojan|tool)|botnet|worm|wiper|spyware|rootkit|keylogger|implant|miner|cryptominer|banker|web ?shell|payload|(?:piece|strain|family|variant) of malware|(?:hack|attack|post-exploitation|penetration[- ]testing|red[- ]team|offensive) (?:tool|framework)|exploit kit|packer|crypter)(?:s|es)?`;
/** Nouns that say "people who attack". */
const ACTOR_NOUN = String.raw`(?:group|gang|actor|threat actor|apt|apt group|crew|hackers?|hacking group|cyber ?espionage group|espionage (?:group|actor)|adversary|collective|operators?)s?`;

/** A few words of description between the article and the noun ("a particularly nasty", "an Iran-linked"). */
const DESCRIPTION = String.raw`(?:[\p{L}\p{N}][\p{L}\p{N}'’-]*\s+){0,4}?`;

const COPULA_OPENING = String.raw`^\s*(?:[”"’'*]\s*)?(?::\s*|,\s*(?:also\s+)?|\s+(?:is|was|remains|has\s+been)\s+)(?:a|an|the|another)\s`;
const COPULA_AFTER = (noun: string) => lazyRegExp(String.raw`${COPULA_OPENING}\s*${DESCRIPTION}${noun}\b`, 'iu');
/**
 * The copulas' opening alone, with their flags: what every copula below needs, tested first, so that V8 builds a
 * copula (its description's Unicode classes, as it is first run) only after a name that a copula or a comma
 * and an article follow.
 */
const COPULA_OPENS = withoutUnicodeFolds(new RegExp(COPULA_OPENING, 'iu'));
/**
 * A word for malware anywhere: what the copula and the other patterns with the noun need (guarded, with their
 * flags); the same for people who attack, the malware family's noun and a list's words.
 */
const MALWARE_WORD_IN = withoutUnicodeFolds(new RegExp(String.raw`\b${MALWARE_NOUN}\b`, 'iu'));
const ACTOR_WORD_IN = withoutUnicodeFolds(new RegExp(String.raw`\b${ACTOR_NOUN}\b`, 'iu'));
const FAMILY_WORD = /famil/iu;
const LIST_WORD = /such|like|including/iu;
const MALWARE_COPULA = guarded(COPULA_AFTER(MALWARE_NOUN), COPULA_OPENS, MALWARE_WORD_IN);
const ACTOR_COPULA = guarded(COPULA_AFTER(ACTOR_NOUN), COPULA_OPENS, ACTOR_WORD_IN);
/**
 * A copula or an apposition with a word for a campaign: "Groundbait, another cyber-espionage campaign", "X was an
 * operation". Its noun in any case first (no other letter folds to these under `iu`).
 */
const CAMPAIGN_COPULA = guarded(COPULA_AFTER(String.raw`(?:campaign|operation)s?(?!['’]|\s+of\b)`), /campaign|operation/i, COPULA_OPENS);

/**
 * The sentence says the name there is a campaign's or an operation's ("Groundbait, another cyber-espionage
 * campaign discovered in 2016"): the name of what was done, neither its actor nor its malware.
 */
export function sentenceSaysCampaign(text: string, start: number, end: number): boolean {
  const [before, said] = sides(text, start, end);
  if (OPENING_PREPOSITION.test(before) && /^\s*,/.test(said)) return false;
  // "WannaCry, a ransomware campaign that hit ...": a campaign of the malware, which the name is.
  const m = CAMPAIGN_COPULA.exec(said);
  return m !== null && !MALWARE_WORD_IN.test(m[0]);
}

/**
 * Right after the name, a noun for a flaw or an exploit as its head: "the EternalBlue exploit", "the Chimera flaws",
 * "the DoubleAgent technique" (malware only: "a Lazarus technique" is the group's). Not an exploit kit or pack,
 * which is malware, nor the verb ("Mirai and Gafgyt exploit the flaw", "X exploits a legitimate tool").
 */
const EXPLOIT_HEAD_AFTER =
  /^(?:\s*[”"’'])?\s+(?:exploit(?![\s-]+(?:kits?|packs?)\b)(?!\s+(?:a|an|the|this|that|these|those|its|their|vulnerabilit(?:y|ies)|flaws?|bugs?|CVE)\b)|vulnerabilit(?:y|ies)|flaws?)\b/iu;
const TECHNIQUE_HEAD_AFTER = /^(?:\s*[”"’'])?\s+(?:attack\s+|injection\s+|evasion\s+)?techniques?\b/iu;
/** Nouns for an exploit, a flaw or an attack technique, as the names of one are introduced. */
const EXPLOIT_NOUN = String.raw`(?:exploit|technique|vulnerabilit(?:y|ie)|flaw|bug)s?(?![\s-]+(?:kits?|packs?|scanners?|brokers?)\b)`;
/** The same without the technique: a list after "techniques such as" holds tools ("techniques such as Mimikatz and PsExec"). */
const FLAW_NOUN = String.raw`(?:exploit|vulnerabilit(?:y|ie)|flaw|bug)s?(?![\s-]+(?:kits?|packs?|scanners?|brokers?)\b)`;
const ITEMS_BEFORE = String.raw`[“"‘']?\s*(?:[\p{L}\p{N}][\p{L}\p{N}.'’-]*\s*(?:,\s*(?:and\s+|or\s+)?|\/\s*|and\s+|or\s+)){0,6}$`;
/**
 * Before the name, the noun and a naming word: "a technique dubbed DoubleAgent", "vulnerability, known as Chimera";
 * or a flaw's or an exploit's noun and a list ("exploits such as X and Y").
 */
const EXPLOIT_NAMED_BEFORE = lazyRegExp(
  String.raw`\b(?:${EXPLOIT_NOUN}\s*,?\s+(?:also\s+)?(?:called|dubbed|named|nicknamed|codenamed|known\s+as)|${FLAW_NOUN}\s*,?\s+(?:such\s+as|like|including))\s+${ITEMS_BEFORE}`,
  'iu',
);
/** Before the name, a plural noun and a comma opening a list of them: "three other exploits, ENGLISHMANDENTIST, ESTEEMAUDIT, and EXPLODINGCAN". */
const EXPLOIT_LIST_BEFORE = lazyRegExp(
  String.raw`\b(?:exploits|vulnerabilities|flaws)\s*,\s*((?:[\p{L}\p{N}][\p{L}\p{N}.'’-]*\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)){0,6})$`,
  'iu',
);
/** A copula or an apposition with the noun: "DoubleAgent, a new attack technique", "X is an exploit for the SMB flaw". */
const EXPLOIT_COPULA = guarded(COPULA_AFTER(EXPLOIT_NOUN), COPULA_OPENS);
/** What is done to a flaw, after the name or its list: "ETERNALBLUE, ETERNALROMANCE and ETERNALSYNERGY were all patched". */
const PATCHED_AFTER = guarded(
  withoutUnicodeFolds(
    /^\s+(?:(?:was|were|has\s+been|have\s+been)\s+)(?:all\s+|already\s+|since\s+|quietly\s+)?(?:patched|fixed)\b(?!\s+to\b)/iu,
  ),
  // (No letter of these folds to another under `iu`: `i` reads them alike.)
  /patched|fixed/i,
);

/**
 * What every exploit, flaw or technique noun above begins with, in any case (ASCII: no other letter folds to
 * these under the patterns' `iu`), so that a text without one need not run them.
 */
const EXPLOIT_WORD = /exploit|techni|vulnerabilit|flaw|bug/i;

/**
 * The sentence says the name there is an exploit's, a flaw's or an attack technique's (what a catalogue of tools
 * may list beside malware, and the labelled reports call a technique or a vulnerability): a noun for one as its
 * head or in apposition, a naming word after one ("a technique dubbed X"), a list opened by one ("exploits, X, Y
 * and Z"), or a flaw's fate ("X was patched"). A technique as the head of an actor's name is the actor's ("a
 * Lazarus technique"), so it says so of malware only.
 */
export function sentenceSaysExploit(text: string, start: number, end: number, type: string): boolean {
  const [before, said] = sides(text, start, end);
  const after = OPENING_PREPOSITION.test(before) && /^\s*,/.test(said) ? '' : said;
  // Every look but the flaw's fate needs one of the nouns: without it on either side, the long patterns below
  // (Unicode classes, which V8 builds as each is first run: milliseconds in a woken worker) are not run.
  const nouns = EXPLOIT_WORD.test(before) || EXPLOIT_WORD.test(after);
  const tail = LIST_TAIL.exec(after);
  const afterList = tail ? after.slice(tail[0].length) : after;
  if (!nouns) return PATCHED_AFTER.test(afterList);
  if (EXPLOIT_HEAD_AFTER.test(after) || (type === 'malware' && TECHNIQUE_HEAD_AFTER.test(after))) return true;
  if (PATCHED_AFTER.test(afterList) || EXPLOIT_NAMED_BEFORE().test(before)) return true;
  // ("WannaCry, a ransomware that exploits ...": a relative clause's verb, in a description of malware.)
  const copula = EXPLOIT_COPULA.exec(after);
  if (copula && !MALWARE_WORD_IN.test(copula[0]) && !/\b(?:that|which|who)\b/i.test(copula[0])) return true;
  // A list of three names or more ("After exploiting the vulnerabilities, Emotet and TrickBot ...": the clause's subjects).
  const list = EXPLOIT_LIST_BEFORE().exec(before);
  if (!list) return false;
  const names = (s: string) => s.split(/,|\band\b|\bor\b/).filter((x) => x.trim() !== '').length;
  return names(list[1]) + 1 + (tail ? names(tail[0]) : 0) >= 3;
}

/** Right after a malware name: what a family has ("X samples", "X payload", "X's C2", "the X infection"). */
const MALWARE_AFTER = guarded(
  withoutUnicodeFolds(
    /^(?:\s*['’]s)?\s+(?:samples?|payloads?|variants?|strains?|infections?|binar(?:y|ies)|builds?|builder|c2|c&c|command-and-control|bot|panel|modules?|plugins?|operators|campaigns?|famil(?:y|ies)|code(?!\s+injection)|executables?|infected|capabilities|functionality|features|configuration|config|traffic)\b/iu,
  ),
  // Its nouns' first letters, with its flags: tested first.
  /^(?:\s*['’]s)?\s+(?:samp|payl|vari|stra|infe|bina|buil|c2|c&c|comm|bot|pane|modu|plug|oper|camp|fami|code|exec|capa|func|feat|conf|traf)/iu,
);
/** What malware does, right after its name ("Taurus can also steal", "Charger encrypts", "Ares then loads"). */
const MALWARE_DOES_FULL =
  /^\s+(?:can\s+(?:also\s+|completely\s+)?|also\s+|then\s+|first\s+)?(?:encrypts?|exfiltrates?|steal|steals|beacons|infects?|injects?|decrypts|drops|downloads|executes|persists|spreads|propagates|harvests?|captures?|keylogs|hijacks?|overlays?|intercepts?|communicates\s+with|connects\s+to|reaches\s+out\s+to|masquerades\s+as|poses\s+as)\b/iu;
/**
 * The first four letters of each of its first words (an adverb or a verb), with its flags: tested first, a pattern
 * a tenth of its cost to build, so that a woken worker builds the whole one only after a name such a word follows.
 */
const MALWARE_DOES = guarded(
  MALWARE_DOES_FULL,
  /^\s+(?:can\s|also|then|firs|encr|exfi|stea|beac|infe|inje|decr|drop|down|exec|pers|spre|prop|harv|capt|keyl|hija|over|inte|comm|conn|reac|masq|pose)/iu,
);

/** Right before a malware name: what is done with it or said of it. */
const MALWARE_BEFORE_FULL = withoutUnicodeFolds(
  /(?:\b(?:deploy|deploys|deployed|deploying|drop|drops|dropped|dropping|install|installs|installed|installing|deliver|delivers|delivered|delivering|distribute|distributes|distributed|distributing|download|downloads|downloaded|downloading|load|loads|loaded|loading|push|pushes|pushed|pushing|infected\s+with|variants?\s+of|versions?\s+of|samples?\s+of|forks?\s+of|strains?\s+of|cop(?:y|ies)\s+of|builds?\s+of|(?:use|usage|abuse)\s+of|configuration\s+of|developers\s+of|authors\s+of)\s+(?:the\s+|a\s+|an\s+)?)$/iu,
);
/**
 * The same, looser and cheaper to build, tested first: a stem of its verbs, or its phrases with their nouns' plurals
 * either way ("copies of", "developer of"), before the name and its article.
 */
const MALWARE_BEFORE = guarded(
  MALWARE_BEFORE_FULL,
  /(?:(?:deploy|drop|install|deliver|distribut|load|push)[a-z]*|infected\s+with|(?:variant|version|sample|fork|strain|cop(?:y|ie)|build|use|usage|abuse|configuration|developer|author)s?\s+of)\s+(?:(?:the|an?)\s+)?$/iu,
);

/** Before the name, a word for malware and a comma: the name in apposition ("the PHA family , Zen", "a new backdoor, Kronos"). */
const MALWARE_APPOSITION_BEFORE = guarded(
  new RegExp(String.raw`\b(?:famil(?:y|ies)|${MALWARE_NOUN})\s*,\s*[“"‘']?\s*$`, 'iu'),
  (s) => MALWARE_WORD_IN.test(s) || FAMILY_WORD.test(s),
);

/** Right after an actor name: the people behind it, or what they did ("X has targeted", "X hackers"). */
const ACTOR_AFTER = guarded(
  withoutUnicodeFolds(
    /^(?:\s*['’]s)?\s+(?:(?:threat\s+)?actors?|group|gang|apt|crew|hackers|operators|(?:has|have|had)\s+(?:been\s+)?(?:targeted|attacked|compromised|breached|carried\s+out|conducted|launched|used|deployed|leveraged|exploited)|(?:has|have|had)\s+been\s+(?:targeting|attacking|compromising|breaching|spear-?phishing)|targets|targeted|attacked|compromised|breached)\b/iu,
  ),
  // Its first words' first letters, with its flags: tested first.
  /^(?:\s*['’]s)?\s+(?:thre|acto|grou|gang|apt|crew|hack|oper|ha[sdv]|targ|atta|comp|brea)/iu,
);
/** Right after an actor name, its use of malware: "Patchwork used a new backdoor", "X deploys custom malware". */
const ACTOR_USES_MALWARE = guarded(
  lazyRegExp(
    String.raw`^\s+(?:(?:has|have|had)\s+)?(?:also\s+|then\s+|reportedly\s+)?(?:used|uses|deployed|deploys|leveraged|leverages|employed|employs)\s+(?:(?:a|an|the|its|their)\s+)?${DESCRIPTION}${MALWARE_NOUN}\b`,
    'iu',
  ),
  MALWARE_WORD_IN,
);
/** Right before an actor name: who a deed or a tool is held to ("attributed to X", "targeted by X", "threat actor X"). */
const ACTOR_BEFORE = guarded(
  withoutUnicodeFolds(
    /(?:\b(?:attributed\s+to|attribute\s+(?:it|this|them)\s+to|attributing\s+(?:it|this|them)\s+to|targeted\s+by|attacked\s+by|compromised\s+by|breached\s+by|operated\s+by|conducted\s+by|carried\s+out\s+by|used\s+by|(?:threat\s+)?actors?|group|gang|apt|hackers)\s+(?:either\s+|both\s+)?(?:the\s+)?)$/iu,
  ),
  // The last word of each of its phrases, with its flags: tested first.
  /(?:to|by|actors?|group|gang|apt|hackers)\s+(?:either\s+|both\s+)?(?:the\s+)?$/iu,
);

/** Before the name, a list of attackers: "groups such as Patchwork", "APT actors like Bitter, Sidewinder and Confucius". */
const ACTOR_LIST_BEFORE = guarded(
  lazyRegExp(
    String.raw`\b(?:groups?|actors?|gangs?|APTs|adversaries|crews?)\s*,?\s+(?:such\s+as|like|including)\s+(?:[\p{L}\p{N}][\p{L}\p{N}.'’-]*\s*(?:,\s*(?:and\s+|or\s+)?|\/\s*|and\s+|or\s+)){0,6}$`,
    'iu',
  ),
  LIST_WORD,
);

/**
 * Right after the name, its other names: "Leviathan , also known as TEMP", "Dharma ( aka Crysis )". Words are
 * not given aliases: the catalogue's name is meant, of the kind the catalogue says.
 */
const OTHER_NAMES_AFTER = lazyRegExp(String.raw`^\s*[”"’'*]?\s*[,(]\s*(?:also\s+)?(?:known\s+as|aka|a\.k\.a\.?)\s+[“"‘']?\s*\p{Lu}`, 'u');

/** The text just before `start` (within its sentence, at most 60 characters), and just after `end`. */
function sides(text: string, start: number, end: number): [string, string] {
  let from = Math.max(0, start - 60);
  const stop = Math.max(text.lastIndexOf('. ', start - 1), text.lastIndexOf('\n', start - 1));
  if (stop >= from) from = stop + 1;
  return [text.slice(from, start), text.slice(end, end + 90)];
}

/**
 * A preposition opening the sentence before the name, a comma after it: an adverbial phrase ("In August, a
 * variant of the Hancitor downloader was found", "According to Synack, the ransomware gang used"), so what
 * follows the comma is the sentence, not an apposition.
 */
const OPENING_PREPOSITION = /^\s*(?:In|On|Since|By|During|After|Before|Until|Through|From|Throughout|According\s+to)\s+$/u;

/**
 * The rest of a list the name begins or goes on ("Kronos[, Osiris, and Ares] binaries", "APT28[ and APT29] groups"):
 * capitalised names joined by commas, "and", "or" or slashes. A noun after the list is said of each of its names.
 */
const LIST_TAIL_FULL =
  /^(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*\/\s*)\p{Lu}[\p{L}\p{N}.-]*(?:\s\p{Lu}[\p{L}\p{N}.-]*)?){1,6}/u;
/**
 * Its first joint, with no letter class: a capital is neither a blank nor a lower-case ASCII letter. Tested first,
 * so that V8 builds the list's Unicode classes (as it first runs it: milliseconds in a woken worker) only where a
 * list may go on.
 */
const LIST_TAIL = guarded(
  // An ASCII text's list is read by the same pattern with ASCII classes (no Unicode class to build).
  asciiTwin(
    LIST_TAIL_FULL,
    /^(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*\/\s*)[A-Z][A-Za-z0-9.-]*(?:\s[A-Z][A-Za-z0-9.-]*)?){1,6}/,
  ),
  /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|\/\s*)[^\sa-z]/,
);

/** The sentence around text[start, end) says that the name there is of `type` ('actor' or 'malware'). */
export function sentenceSaysKind(text: string, start: number, end: number, type: string): boolean {
  const [before, said] = sides(text, start, end);
  const after = OPENING_PREPOSITION.test(before) && /^\s*,/.test(said) ? '' : said;
  if (OTHER_NAMES_AFTER().test(after)) return true;
  const tail = LIST_TAIL.exec(after);
  const afterList = tail ? after.slice(tail[0].length) : after;
  if (type === 'malware')
    return (
      MALWARE_COPULA.test(after) ||
      MALWARE_AFTER.test(afterList) ||
      MALWARE_DOES.test(after) ||
      MALWARE_BEFORE.test(before) ||
      MALWARE_APPOSITION_BEFORE.test(before)
    );
  if (type === 'actor')
    return (
      ACTOR_COPULA.test(after) ||
      ACTOR_AFTER.test(afterList) ||
      ACTOR_USES_MALWARE.test(afterList) ||
      ACTOR_BEFORE.test(before) ||
      ACTOR_LIST_BEFORE.test(before)
    );
  return false;
}

/**
 * Between two names of one list: a comma, "and", "or", a slash ("Kronos, Osiris, and Ares", "Egregor /
 * Maze"), or the words that give a name's other names ("Leviathan, also known as Periscope", "Dharma
 * (aka Crysis)").
 */
const LIST_GAP =
  /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|\/\s*|&\s*|[,(]?\s*(?:also\s+)?(?:known\s+as|called|aka|a\.k\.a\.?)\s+)(?:the\s+)?[“"‘']?\s*$/iu;

/** text[a, b) is only a list separator: the names either side are read as one kind. */
export function isListGap(text: string, a: number, b: number): boolean {
  return b - a <= 24 && LIST_GAP.test(text.slice(a, b));
}

/** Nouns for a band of people that a ransomware family's name takes when the text means its crew. */
const CREW_NOUNS = 'gang|group|crew|cartel';

/** Right after a ransomware family's name: the people behind it ("DarkSide affiliates", "DarkSide's developer"). */
const CREW_AFTER =
  /^(?:\s*['’]\s*s)?(?:\s+ransomware)?\s+(?:affiliates?|operators?|developers?|members|leaders?|administrators?|spokesperson)\b/iu;
/**
 * Right after the name, a noun for a band of people, in lower case ("the LockBit gang", "the Clop ransomware
 * group", "Conti crew"): the text calls the family a group. A capitalised "Group" begins a company's name
 * ("Phobos Group"), and "group policy" is Windows'.
 */
const CREW_NOUN_AFTER = new RegExp(String.raw`^(?:\s+ransomware)?\s+(?:${CREW_NOUNS})s?\b(?!\s+polic)`, 'u');
/** Right after the name, a noun for its band of people ("REvil group", "LockBit operators"): where an apposition would begin. */
const BAND_AFTER = new RegExp(String.raw`^(?:\s+ransomware)?\s+(?:${CREW_NOUNS}|operators?|affiliates?)\b`, 'u');

/** Past the noun for a band of people right after a name that ends at `end` ("the REvil group, also known as ..."). */
export function pastBandNoun(text: string, end: number): number {
  const n = BAND_AFTER.exec(text.slice(end, end + 30));
  return n ? end + n[0].length : end;
}
/**
 * The name, then a copula or a comma and a noun for a group: "DarkSide was not the only group", "Conti is a
 * Russian-speaking gang", "Akira, a ransomware group that emerged in 2023".
 */
const CREW_COPULA = lazyRegExp(
  String.raw`^(?:\s*,\s*|\s+(?:is|was|are|were)\s+(?:not\s+)?)(?:a|an|the)\s+(?:[\p{L}\p{N}][\p{L}\p{N}'’-]*\s+){0,3}?(?:group|gang|crew|actor|threat actor|cartel)s?\b(?!\s+of\b)`,
  'iu',
);
/** Before the name, a list of groups: "Ransomware groups such as SamSam and Dharma", "gangs like Conti, REvil". */
const CREW_LIST_BEFORE = lazyRegExp(
  String.raw`\b(?:groups?|gangs?|crews?|actors?|operators)\s+(?:such\s+as|like|including)\s+(?:[\p{L}\p{N}][\p{L}\p{N}.'’-]*\s*(?:,\s*(?:and\s+|or\s+)?|\/\s*|and\s+|or\s+)){0,6}$`,
  'iu',
);
/** Before the name, the noun for a group naming it: "the ransomware gang LockBit", "a group called Rhysida". */
const CREW_NOUN_BEFORE = lazyRegExp(String.raw`\b(?:ransomware\s+)?(?:${CREW_NOUNS})\s+(?:called\s+|named\s+|known\s+as\s+)?[“"‘']?$`, 'u');

/**
 * The sentence speaks of a ransomware family's name as of the people who run it: its affiliates, operators
 * or developer, a group it is one of or is called ("DarkSide was not the only group", "ransomware groups
 * such as SamSam and Dharma", "the LockBit gang", "the ransomware group Rhysida"). A gang is people, so an
 * actor by the entity types' contract, keyed with the family's slug so that the two meet on the card. The
 * labelled reports of the tuned rows read "the X gang" as the malware (3 mentions); that is their convention,
 * and the hidden sets' misses are of the other kind (gang names in text that calls them a group).
 * X as the subject of a deed only people do ("ALPHV claimed the attack", "DarkSide rose to prominence") stays
 * the family: read as the crew they moved one tuned mention right and two held-out ones wrong. So did the
 * people of its gang ("Conti gang members", "the X ransomware group's leaders"): no tuned mention moved, one
 * held-out malware mention was made the actor wrongly (reverted in b60a352).
 */
export function sentenceSaysCrew(text: string, start: number, end: number): boolean {
  const [before, said] = sides(text, start, end);
  // ("According to Synack, the ransomware gang used ...": past the opening phrase's comma comes the sentence.)
  const after = OPENING_PREPOSITION.test(before) && /^\s*,/.test(said) ? '' : said;
  return (
    CREW_AFTER.test(after) ||
    CREW_NOUN_AFTER.test(after) ||
    CREW_COPULA().test(after) ||
    CREW_LIST_BEFORE().test(before) ||
    CREW_NOUN_BEFORE().test(before)
  );
}

/**
 * Right after the name, a deed of people: what a gang does to its victims or says ("Vice Society targeted
 * schools", "LockBit claimed the attack", "Rhysida posted the data", "the gang said"), not what its software
 * does ("encrypted", "spread").
 */
const PEOPLE_DEED_AFTER =
  /^\s+(?:(?:has|have|had)\s+(?:also\s+)?(?:been\s+)?)?(?:also\s+|reportedly\s+|allegedly\s+|later\s+|then\s+)?(?:targeted|targeting|attacked|breached|hit|claimed|claims|leaked|leaks|posted|posts|published|demanded|demands|threatened|threatens|extorted|listed|added|announced|said|says|told|denied|rose|emerged|rebranded|recruited|recruits|negotiated|shut\s+down)\b/iu;

/** A possessive after the name, and after it a noun for people ("Ryuk's operators"). */
const POSSESSIVE = /^\s*['’]\s*s\b/u;
const POSSESSED_PEOPLE = /^\s*['’]\s*s\s+(?:(?:threat\s+)?actors?|operators?|members|affiliates?|leaders?|hackers|gang|group|crew)\b/iu;

/**
 * The sentence speaks of the name as of people: something is held to them ("attributed to X", "targeted by
 * X") or they did what people do ("X targeted schools", "X claimed the attack"). Read for a ransomware family
 * only where the same text calls it a gang elsewhere (gazetteer.ts): by itself such a sentence is as often
 * about the software ("Ryuk hit the hospital").
 */
export function sentenceSaysPeople(text: string, start: number, end: number): boolean {
  const [before, after] = sides(text, start, end);
  if (ACTOR_BEFORE.test(before)) return true;
  // "Ryuk's targeted nature": after a possessive, only a noun for people says so ("Ryuk's operators").
  if (POSSESSIVE.test(after)) return POSSESSED_PEOPLE.test(after);
  return PEOPLE_DEED_AFTER.test(after) || ACTOR_AFTER.test(after);
}

/**
 * Right after a name, what a program has and malware has not: its users or their accounts, its flaws and
 * patches ("SocialMiner users", "a TeamViewer account", "BitLocker vulnerabilities").
 */
const PROGRAM_OWN = String.raw`users?|accounts?|vulnerabilit(?:y|ies)|flaws?|bugs?|patch(?:es)?|security\s+(?:flaws?|holes?|bugs?|updates?|patch(?:es)?)`;
const PROGRAM_OWN_AFTER = lazyRegExp(String.raw`^\s+(?:${PROGRAM_OWN})(?![\p{L}\p{N}-])`, 'u');
/**
 * The same, or the network a tool makes and its parts: "the Tor network", "a Tor exit node", "the Tor Browser",
 * "Tor Project". In lower case, but for a product's capitalised parts: "Cobalt Strike User-Agent" is the tool's.
 */
const PRODUCT_AFTER = lazyRegExp(
  String.raw`^\s+(?:${PROGRAM_OWN}|user\s+base|browser|Browser|network|Network|(?:exit|entry|guard|relay)\s+nodes?|relays|hidden\s+services?|onion\s+services?|Project)(?![\p{L}\p{N}-])`,
  'u',
);

/**
 * Whether what follows `end` is what a program has (its users, accounts, flaws, patches): a name found by its
 * shape is then a product's. Not its network: a botnet is one ("the Popa network").
 */
export function saysProgramOwn(text: string, end: number): boolean {
  return PROGRAM_OWN_AFTER().test(text.slice(end, end + 40));
}

/**
 * The text speaks of the name as of a program people use, not of malware: its users, its network or its
 * browser. Read for tools (Tor, TeamViewer, AnyDesk), which catalogues of attackers' software list because
 * attackers run them too. (The writer calling it legitimate, "legitimate binaries such as TeamViewer", was
 * tried too: one tuned-even mention right, one tuned-odd mention wrong, so it was left out.)
 */
export function saysProduct(text: string, end: number): boolean {
  return PRODUCT_AFTER().test(text.slice(end, end + 40));
}

/**
 * Words only the security field uses of software and attacks: kinds of malware, hacking, the cyber words,
 * attackers, exploits and vulnerabilities, ransom, exfiltration, breaches. Not "attack", "virus", "worm",
 * "infected" or "security", which ordinary English uses of hearts, plants, gardens and doors.
 */
const FIELD_WORD =
  /\b(?:malware|ransomware|trojans?|backdoors?|botnets?|spyware|rootkits?|keyloggers?|infostealers?|stealers?|wipers?|hack(?:ers?|ed|ing)|cyber[a-z-]*|phishing|threat actors?|attackers?|exploit(?:s|ed|ing|ation)?|vulnerabilit(?:y|ies)|zero-days?|CVE-\d{4}|espionage|APT\d*|C2|ransom|exfiltrat[a-z]*|intrusions?|compromised|breach(?:es|ed)?)\b/i;

const FIELD_WORDS = new RegExp(FIELD_WORD.source, 'gi');
/** "C2" or "C&C" followed by a capitalised word goes on as a model's name ("the Hisense C2 Ultra"), not a server's. */
export const MODEL_NAME_C2 = guarded(
  lazyRegExp(String.raw`^(?:C2|C&C)[ \t\u00a0]+\p{Lu}\p{Ll}`, 'u'),
  (s) => s.startsWith('C2') || s.startsWith('C&C'),
);

/** Below this many characters a text (a sentence, a headline, a feed item's summary) says too little of its topic to judge it by. */
const TOPIC_MIN_CHARS = 1000;

/**
 * Whether a text can name malware or threat actors: a short one always; a longer one (a page) only where it
 * uses a word of the security field somewhere. A page about projectors, gardening, films or pests that never
 * does names no ransomware "Atlas" or "Onyx", no "Lazarus" group and no spider "Latrodectus" malware, though
 * the catalogues hold such names: there the words are the page's own.
 */
export function speaksOfTheField(text: string): boolean {
  if (text.length < TOPIC_MIN_CHARS) return true;
  // A phone's or a camera's model ("the Hisense C2 Ultra") says nothing of the field.
  for (const m of text.matchAll(FIELD_WORDS)) if (!MODEL_NAME_C2.test(text.slice(m.index, m.index + 12))) return true;
  return false;
}

/** Before a word of prose: a space after a lower-case word, a comma or an opening bracket or quote. */
const PROSE_BEFORE = lazyRegExp(String.raw`(?:\p{Ll}|[,;:(“"‘'])\s+$`, 'u');
/** After it: a space, or punctuation that ends a clause; not a file's extension, a path or a compound's hyphen. */
const PROSE_AFTER = /^(?:\s|[,;:)”"’']|[.!?](?:\s|$))/u;

/**
 * Whether the text writes `lower` (a name, in lower case) as a word of its prose somewhere: after a lower-case
 * word or a comma, before a space or a clause's end ("the coronavirus disease", "fears of coronavirus,"), not
 * as a file name, a path or a link's part ("corona.exe", "/coronavirus/").
 */
export function writesInLowerCase(text: string, lower: string): boolean {
  return someMention(
    text,
    lower,
    (start, end) => PROSE_BEFORE().test(text.slice(Math.max(0, start - 24), start)) && PROSE_AFTER.test(text.slice(end, end + 2)),
  );
}
