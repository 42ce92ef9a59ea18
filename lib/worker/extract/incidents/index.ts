import type { EntityMatch, EntityRef, Incident, IncidentType } from '../../../shared/types';
import { INCIDENT_LABELS } from '../../../shared/types';
import { findDates, type DateMention } from '../../../shared/dates';
import { splitSentences, type Span } from './sentences';
import {
  ADVICE_BEFORE,
  ALL_TRIGGERS,
  BARE_VERB,
  CAPABILITY,
  EARLIER_BEFORE,
  EVENT,
  FOUND_BY,
  GENERIC,
  GENERIC_PRESENT,
  HEADLINE_HACKED,
  HEADLINE_TAKEN,
  HYPOTHETICAL,
  IMPERATIVE,
  NAMES_A_FLAW,
  NO_FIX_YET,
  PARTICIPLE,
  STATISTICS,
  TAKEN_BEFORE,
  TRIGGERS_BY_WEIGHT,
  UNREAL_BEFORE,
  WARNING,
  caseSensitiveTwin,
} from './triggers';

const ALL_TRIGGERS_CS = caseSensitiveTwin(ALL_TRIGGERS);
const GENERIC_CS = caseSensitiveTwin(GENERIC);
const IMPERATIVE_CS = caseSensitiveTwin(IMPERATIVE);
const EVENT_CS = caseSensitiveTwin(EVENT);
const WARNING_CS = caseSensitiveTwin(WARNING);
const HYPOTHETICAL_CS = caseSensitiveTwin(HYPOTHETICAL);
const STATISTICS_CS = caseSensitiveTwin(STATISTICS);
const CAPABILITY_CS = caseSensitiveTwin(CAPABILITY);
import { VICTIM_MIN_CONFIDENCE, findActor, findPlace, findVictim, reporterKeys, victimConfidence, type Scored } from './roles';
import { chooseWhen } from './when';
import { knownSpy } from './actor-aims';
import { describedOrganizations } from '../described-orgs';
import { posesAsAttackers } from './false-flag';

export interface IncidentOptions {
  /** The article's publication date (ISO), to resolve "in September". */
  published?: string;
  /** The page's address or site name: the publisher reports the story and is not its victim. */
  site?: string;
  /** Victims named with less confidence than this are left out (default VICTIM_MIN_CONFIDENCE; the eval sweeps it). */
  victimMin?: number;
  /**
   * The page's headline, when the text does not open with it: the headline says what the story is, and
   * is read as the text's first line (offsets stay the text's own; nothing is reported inside it).
   */
  title?: string;
  /**
   * Told each incident's victim as the chooser scored it, with the incident's weight (the eval's
   * --victim-scores; offsets are those of the text read, headline included).
   */
  onVictim?: (victim: Scored, incident: Incident, incidentScore: number) => void;
}

/**
 * The incidents a text reports, strongest first.
 *
 * 1. Sentences are scored per incident type: the strongest trigger word of the type in the sentence
 *    (triggers.ts), plus the evidence of entities (a ransomware family, a CVE), discounted when the
 *    sentence explains or hedges ("ransomware can encrypt ...", "if any data was stolen") and raised in
 *    the lede, where news puts the story it is about.
 * 2. Per type, the sentences with evidence form one incident (or one per distinct victim when
 *    several victims each have their own strong evidence); its victim, actor, place and date are
 *    chosen from those sentences by the cues around each candidate (roles.ts, when.ts).
 * 3. Weak types are dropped, and the unspecific ones are merged into the story they belong to: a
 *    "cyberattack" that is the espionage, the stolen data of a ransomware attack, the exploitation
 *    that a patch story mentions.
 */
export function extractIncidents(text: string, entities: EntityMatch[], opts: IncidentOptions = {}): Incident[] {
  const head = headline(text, opts.title);
  if (head === '') return incidentsIn(text, entities, opts);
  const n = head.length;
  const moved = entities.map((e) => ({ ...e, start: e.start + n, end: e.end + n }));
  return incidentsIn(head + text, moved, opts).map((i) => shiftIncident(i, n));
}

/** The title followed by a paragraph break, when it is a headline the text does not already open with; else ''. */
function headline(text: string, title?: string): string {
  const t = title?.replace(/\s+/g, ' ').trim() ?? '';
  if (t.length < 8 || t.length > 200) return '';
  const opening = text.slice(0, 600).replace(/\s+/g, ' ').toLowerCase();
  return opening.includes(t.toLowerCase().slice(0, 40)) ? '' : `${t}\n\n`;
}

/** An incident read on headline + text, with its offsets moved back into the text (spans in the headline dropped). */
function shiftIncident(i: Incident, n: number): Incident {
  const back = <T extends { start?: number; end?: number }>(r: T): T =>
    r.start === undefined || r.end === undefined ? r : { ...r, start: r.start - n, end: r.end - n };
  const out: Incident = { ...i, spans: i.spans.filter((sp) => sp.start >= n).map(back) };
  if (i.victim) out.victim = back(i.victim);
  if (i.actor) out.actor = back(i.actor);
  if (i.place) out.place = back(i.place);
  if (i.entities) out.entities = i.entities.map(back);
  return out;
}

function incidentsIn(text: string, entities: EntityMatch[], opts: IncidentOptions): Incident[] {
  const sentences = splitSentences(text);
  if (sentences.length === 0) return [];
  // Organisations the text describes without a name ("an Indiana hospital") may be victims, though no entity.
  const sorted = [...entities, ...describedOrganizations(text, entities)].sort((a, b) => a.start - b.start);
  const dates = findDates(text, 0, text.length, opts.published);
  const reporters = reporterKeys(text, sorted, opts.site, opts.published);
  const infos = scoreSentences(text, sentences, sorted, dates);

  // Candidate incidents: per type, the sentences that carry it, grouped by victim.
  const candidates: Candidate[] = [];
  for (const type of TYPE_ORDER) {
    const carrying = infos.filter((s) => (s.scores.get(type) ?? 0) > 0);
    if (carrying.length === 0) continue;
    for (const group of groupByVictim(text, type, carrying, reporters)) candidates.push(group);
  }
  if (candidates.length === 0) return [];

  // A fix or a flaw is a security story only where the text talks security at all ("the issue was
  // addressed in Part I", "a firmware update", "bug net" are not).
  const security = SECURITY_CONTEXT.test(text);
  const relevant = security ? candidates : candidates.filter((c) => !VULN_TYPES.has(c.type));
  const kept = flawsInPassing(mergeAndFilter(text, relevant, opts.published), sentences.length);
  const spying = spyingBy(infos, kept);
  // Strongest first: it goes before the first weaker incident.
  if (spying) {
    const at = kept.findIndex((c) => c.score < spying.score);
    kept.splice(at === -1 ? kept.length : at, 0, spying);
  }
  for (const c of kept) {
    // Where the text does not plainly say who was hit, say nothing rather than guess.
    if (c.victim && victimConfidence(c.victim.score) < (opts.victimMin ?? VICTIM_MIN_CONFIDENCE)) c.victim = undefined;
    if (ATTACK_TYPES.has(c.type) && c.victim === undefined && c !== spying) c.victim = victimNextDoor(text, c, infos, reporters);
    if (c.victim) addVictimMentions(text, c, infos);
  }
  // A headline that tells a trend ("49% of businesses fell victim to ransomware", "SLocker variants surge") heads a
  // story about many incidents: an attack in it is reported only with someone it hit.
  // An attack that researchers built or showed to make a point (a proof of concept, a lab experiment), told
  // so in the lede, is what could happen: without someone it hit, no attack of its own.
  const trend = trendHeadline(text, infos[0]);
  const demonstrated = (c: Candidate) => c.sentences.some((s) => s.index < LEDE && DEMONSTRATION.test(text.slice(s.start, s.end)));
  const told = kept.filter((c) => !ATTACK_TYPES.has(c.type) || c.victim !== undefined || !(trend || demonstrated(c)));
  const incidents = told.map((c) => toIncident(text, c, sorted, opts.published));
  if (opts.onVictim) told.forEach((c, k) => c.victim && opts.onVictim!(c.victim, incidents[k], c.score));
  // Two incidents of one victim are steps of one story: a date told for one dates the other.
  for (const a of incidents) {
    if (a.when || !a.victim) continue;
    const b = incidents.find((o) => o !== a && o.when && o.victim?.key === a.victim?.key);
    if (b) {
      a.when = b.when;
      a.whenText = b.whenText;
      a.summary += `, ${b.when}`;
    }
  }
  return incidents;
}

const VULN_TYPES = new Set<IncidentType>(['patch', 'vulnerability-disclosure', 'vulnerability-exploitation']);
const SECURITY_CONTEXT =
  /\b(?:vulnerabilit(?:y|ies)|cve-\d{4}|exploit(?:s|ed|ing|ation)?|zero[- ]days?|security (?:flaws?|bugs?|updates?|fix(?:es)?|patch(?:es)?|issues?|holes?|advisor(?:y|ies)|notes?|bulletins?|researchers?)|patch (?:tuesday|day)|(?:heap|buffer|stack|integer) overflows?|use[- ]after[- ]free|memory corruption|remote code execution|privilege escalation|vulnerable to|side[- ]channel|malicious|attackers?|hack(?:ed|ers?|ing)|bypass(?:ed|es|ing)?|compromised)\b/i;

/** A flaw told as the means of an attack: exploited, exploits for it, abused. */
const EXPLOITED = /\b(?:exploit(?:s|ed|ing)?|abus(?:e|es|ed|ing))\b/i;

/** Types in order of specificity: when two explain the same sentences, the earlier one is the story. */
const TYPE_ORDER: IncidentType[] = [
  'ransomware',
  'wiper',
  'espionage',
  'supply-chain',
  'ddos',
  'phishing',
  'fraud',
  'data-breach',
  'vulnerability-exploitation',
  'patch',
  'vulnerability-disclosure',
  'cyberattack',
];

/** Which specific type an unspecific "cyberattack" most likely is, when the text names several. */
const NAMES_THE_ATTACK: IncidentType[] = ['ransomware', 'wiper', 'espionage', 'supply-chain', 'ddos', 'data-breach', 'fraud', 'phishing'];

const ATTACK_TYPES = new Set<IncidentType>([
  'ransomware',
  'wiper',
  'espionage',
  'supply-chain',
  'ddos',
  'phishing',
  'fraud',
  'data-breach',
  'cyberattack',
  'vulnerability-exploitation',
]);

export interface SentenceInfo {
  index: number;
  start: number;
  end: number;
  scores: Map<IncidentType, number>;
  /** Strongest raw trigger weight per type (before discounts): a strong word must appear somewhere. */
  strongest: Map<IncidentType, number>;
  /** Where the first trigger of each type sits, to find the subject before it. */
  triggerAt: Map<IncidentType, number>;
  entities: EntityMatch[];
  dates: DateMention[];
  /** Reports a happening (a past event, a statement) or names who or what was involved. */
  anchored: boolean;
  /** Explains or hedges ("you", "typically", "if any"). */
  generic: boolean;
  /** Tells what a tool can do or is for ("can be used to steal information"), not what it did. */
  describesTool?: boolean;
  /** Tells of a fix not yet released ("a fix is expected", "has not been patched"). */
  noFixYet?: boolean;
  /** Names an actor the catalogue knows for spying. */
  spy?: boolean;
}

/**
 * Every trigger, and the hedging and event words, are scanned once over the whole text and their
 * matches dealt out to the sentences they fall in: a few scans instead of a few per sentence.
 */
function scoreSentences(text: string, spans: Span[], entities: EntityMatch[], dates: DateMention[]): SentenceInfo[] {
  const infos: SentenceInfo[] = spans.map((sp, index) => ({
    index,
    start: sp.start,
    end: sp.end,
    scores: new Map(),
    strongest: new Map(),
    triggerAt: new Map(),
    entities: [],
    dates: [],
    anchored: false,
    generic: false,
  }));
  const starts = spans.map((sp) => sp.start);
  const sentenceAt = (pos: number): SentenceInfo | undefined => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    const s = infos[lo];
    return pos >= s.start && pos < s.end ? s : undefined;
  };
  const raise = (s: SentenceInfo, type: IncidentType, w: number, at: number) => {
    if (w > (s.strongest.get(type) ?? 0)) s.strongest.set(type, w);
    if (!s.triggerAt.has(type) || at < s.triggerAt.get(type)!) s.triggerAt.set(type, at);
  };
  // Scan a lower-cased copy with case-sensitive twins when lower-casing keeps every offset (it does
  // for all but a few letters such as the Turkish İ); else scan the text case-insensitively.
  // Hyphens typed as Unicode ("cyber‑espionage", U+2010/U+2011) read as the ASCII one the triggers name.
  const lower = text.toLowerCase().replace(/[\u2010\u2011]/g, '-');
  const fast = lower.length === text.length;
  const scanned = fast ? lower : text;
  const pick = (re: RegExp, twin: RegExp) => (fast ? twin : re);
  const eachMatch = (re: RegExp, f: (s: SentenceInfo, at: number) => void) => {
    re.lastIndex = 0;
    for (let m = re.exec(scanned); m !== null; m = re.exec(scanned)) {
      const s = sentenceAt(m.index);
      if (s) f(s, m.index);
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  const all = pick(ALL_TRIGGERS, ALL_TRIGGERS_CS);
  all.lastIndex = 0;
  for (let m = all.exec(scanned); m !== null; m = all.exec(scanned)) {
    let g = 1;
    while (m[g] === undefined) g++;
    const trig = TRIGGERS_BY_WEIGHT[g - 1];
    const s = sentenceAt(m.index);
    if (!s || inPathOrName(text, m.index, m.index + m[0].length)) continue;
    // Attackers posing as another group of attackers (a false flag) lure no one: no phishing.
    if (trig.type === 'phishing' && posesAsAttackers(text, m[0], m.index + m[0].length, entities)) continue;
    // An attack word told as an ability, an aim or a denial, or loot named by its earlier taking, reports
    // nothing that happened here: it only counts next to stronger evidence.
    const unreal = notHappening(text, s, m.index, m[0], ATTACK_TYPES.has(trig.type));
    raise(s, trig.type, unreal ? Math.min(1, trig.weight) : trig.weight, m.index);
  }
  const generic = new Set<number>();
  const event = new Set<number>();
  eachMatch(pick(GENERIC, GENERIC_CS), (s) => generic.add(s.index));
  // A trend told in figures explains the threat rather than reporting an incident of it.
  eachMatch(pick(STATISTICS, STATISTICS_CS), (s) => generic.add(s.index));
  // An imperative counts only as the first word of a sentence or list item.
  eachMatch(pick(IMPERATIVE, IMPERATIVE_CS), (s, at) => {
    if (at === s.start || /^[\s"“*•-]*$/.test(text.slice(s.start, at))) generic.add(s.index);
  });
  eachMatch(pick(EVENT, EVENT_CS), (s) => event.add(s.index));
  const hypothetical = new Set<number>();
  eachMatch(pick(HYPOTHETICAL, HYPOTHETICAL_CS), (s) => hypothetical.add(s.index));
  const capability = new Set<number>();
  eachMatch(pick(CAPABILITY, CAPABILITY_CS), (s) => capability.add(s.index));
  const warning = new Set<number>();
  eachMatch(pick(WARNING, WARNING_CS), (s) => warning.add(s.index));
  for (const e of entities) sentenceAt(e.start)?.entities.push(e);
  for (const d of dates) sentenceAt(d.start)?.dates.push(d);

  for (const s of infos) {
    const { strongest } = s;
    // A patch sentence always names the flaw it fixes ("fixes 73 vulnerabilities"): only an explicit
    // discovery or disclosure there makes a disclosure story.
    const patchSentence = (strongest.get('patch') ?? 0) >= 2;
    if (patchSentence && (strongest.get('vulnerability-disclosure') ?? 0) < 3) strongest.delete('vulnerability-disclosure');
    // Entity evidence: a ransomware family names the kind of attack; a CVE makes "flaw" talk concrete.
    let cve: EntityMatch | undefined;
    let anchoredByEntity = false;
    for (const e of s.entities) {
      if (e.type === 'malware' && e.subtype === 'ransomware') raise(s, 'ransomware', 2, e.start);
      if (e.type === 'malware' && e.subtype === 'wiper') raise(s, 'wiper', 3, e.start);
      if (e.type === 'vulnerability') cve ??= e;
      if (e.type === 'actor' && knownSpy(e.key)) s.spy = true;
      if (e.type === 'organization' || e.type === 'actor' || e.type === 'vulnerability' || e.type === 'vendor' || e.type === 'malware')
        anchoredByEntity = true;
    }
    if (cve) {
      for (const type of ['vulnerability-disclosure', 'patch', 'vulnerability-exploitation'] as const) {
        const w = strongest.get(type);
        // A CVE makes talk of a flaw concrete, but only a verb of discovery makes it a disclosure story.
        if (w !== undefined) strongest.set(type, Math.min(type === 'vulnerability-disclosure' ? Math.max(w, 2) : 3, w + 1));
      }
      if (!strongest.has('vulnerability-disclosure') && !patchSentence) raise(s, 'vulnerability-disclosure', 1, cve.start);
    }
    // "Exploited" tells of a flaw only where a flaw is named, here or in the sentence before ("the method
    // exploited by the attacker", "the scale at which it has been exploited" of a hijacking are not).
    if (
      strongest.get('vulnerability-exploitation') === 3 &&
      !cve &&
      !NAMES_A_FLAW.test(text.slice(infos[s.index - 1]?.start ?? s.start, s.end))
    )
      strongest.set('vulnerability-exploitation', 2);
    // A flaw found by someone, told in the passive or as their credit, is made known: where a flaw is named,
    // here or in the sentence before ("The vulnerabilities are present in v5.2.1. They were discovered by ...").
    if ((strongest.get('vulnerability-disclosure') ?? 0) < 3) {
      const found = FOUND_BY.exec(text.slice(s.start, s.end));
      if (found && (cve || NAMES_A_FLAW.test(text.slice(infos[s.index - 1]?.start ?? s.start, s.end))))
        raise(s, 'vulnerability-disclosure', 3, s.start + found.index);
    }
    // A flaw told as exploited is how an attack got in, not a flaw made known: there only a verb of
    // discovery or disclosure makes a disclosure ("malicious documents exploiting CVE-2017-0199").
    if (strongest.get('vulnerability-disclosure') === 2 && EXPLOITED.test(text.slice(s.start, s.end)))
      strongest.set('vulnerability-disclosure', 1);
    // A headline reports its story in telegraphic style, without the past tense that marks a happening
    // elsewhere ("Medtronic Data Breach Impacts 3.8 Million People").
    const headline = s.index === 0 && isHeadline(text, s);
    const anchored = event.has(s.index) || anchoredByEntity || headline;
    // A headline drops the passive's auxiliary ("Quorvant Hacked, Customer Data Stolen"): its bare participle reports.
    if (headline) {
      const line = text.slice(s.start, s.end);
      const hacked = HEADLINE_HACKED.exec(line);
      if (hacked) raise(s, 'cyberattack', 3, s.start + hacked.index);
      const taken = HEADLINE_TAKEN.exec(line);
      if (taken) raise(s, 'data-breach', 2, s.start + taken.index);
    }
    // The headline says what the story is: a type it names is named outright.
    if (headline && !generic.has(s.index)) for (const [type, w] of strongest) if (w === 2 && type !== 'cyberattack') strongest.set(type, 3);
    s.anchored = anchored;
    s.generic = generic.has(s.index);
    s.describesTool = capability.has(s.index);
    if (strongest.has('patch')) s.noFixYet = NO_FIX_YET.test(text.slice(s.start, s.end));
    for (const [type, w] of strongest) {
      let v = w;
      if (generic.has(s.index)) v *= 0.35; // explains or hedges
      if (warning.has(s.index) && (type === 'phishing' || type === 'fraud')) v *= 0.35; // "watch for phishing emails"
      if ((hypothetical.has(s.index) || capability.has(s.index)) && ATTACK_TYPES.has(type)) v *= 0.35; // "an attacker could ...", "can be used to steal"
      if (s.noFixYet && type === 'patch') v *= 0.35; // "a fix is expected"
      if (!anchored) v *= 0.6; // reports no happening and names nobody
      if (s.index < 3) v *= 1.5; // the lede
      s.scores.set(type, v);
    }
  }
  return infos;
}

/**
 * Whether the words just before an attack trigger make it something that did not happen (UNREAL_BEFORE)
 * or an earlier incident (EARLIER_BEFORE), or make its participle an adjective for what was taken earlier (TAKEN_BEFORE; not in a headline, whose
 * telegraphic style says "blamed for leaked customer data" of the story itself); whether its verb tells what a
 * tool does as a rule (GENERIC_PRESENT, BARE_VERB; a headline's present reports). Advice before a trigger of
 * any type (ADVICE_BEFORE) makes it no happening either.
 */
function notHappening(text: string, s: Span & { index: number }, at: number, matched: string, attack: boolean): boolean {
  const before = text.slice(Math.max(s.start, at - 70), at).toLowerCase();
  // Advice is no happening of any type: a fix recommended is not a fix released.
  if (ADVICE_BEFORE.test(before)) return true;
  if (!attack) return false;
  if (UNREAL_BEFORE.test(before)) return true;
  const verb = matched.toLowerCase();
  if (!(s.index === 0 && isHeadline(text, s))) {
    // A verb without its subject at a sentence's start, or in the present of a subject's habit or ability.
    if (GENERIC_PRESENT.test(verb)) return true;
    if (BARE_VERB.test(verb) && /^[\s"“*•-]*$/.test(text.slice(s.start, at))) return true;
  }
  if (EARLIER_BEFORE.test(before)) return true;
  return PARTICIPLE.test(matched.toLowerCase()) && TAKEN_BEFORE.test(before) && !(s.index === 0 && isHeadline(text, s));
}

/**
 * A word inside a file name, a path, an address or a detection name ("SolarWinds-Core-Hotfix5.msp",
 * "Microsoft-Windows-Security-Mitigations/KernelMode", "Ransom.Ryuk") is part of a name, not prose: joined
 * to its token by a hyphen, dot, slash or underscore, in a token that has a dot or slash between word characters.
 */
function inPathOrName(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.slice(end, end + 2);
  // After the word, a slash or underscore, or a dot before a lower-case extension (a sentence run on is "breach.The").
  const joined = /[-./\\_]/.test(String.fromCharCode(before)) || /^[/\\_]|^\.[a-z0-9]/.test(after);
  if (!joined) return false;
  let a = start;
  while (a > 0 && start - a < 120 && !/\s/.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && b - end < 120 && !/\s/.test(text[b])) b++;
  return /\w[./\\]\w/.test(text.slice(a, b));
}

/** The first line is a headline that tells figures or a study ("45% of firms ...", "study finds"), or a trend in words ("variants surge"). */
function trendHeadline(text: string, first: SentenceInfo): boolean {
  if (!isHeadline(text, first)) return false;
  STATISTICS.lastIndex = 0;
  const line = text.slice(first.start, first.end);
  return STATISTICS.test(line) || TREND_WORDS.test(line);
}

/**
 * A headline's words for a trend without figures: "BEC soars again", "SLocker variants surge", "increasingly
 * targets", a share told in words ("three-quarters of all malware"; in a headline only: in a report's body
 * "the data of half of its users" tells how much one victim lost).
 */
const TREND_WORDS =
  /\b(?:(?:soar|surg|skyrocket|spik|balloon)(?:s|es|ed|ing)|(?:attacks|variants|scams|infections|campaigns|threats|incidents) (?:soar|surge|rise|grow|jump|spike)|on the rise|increasingly|(?:rise|rising|growth) in|(?:three[- ]quarters|two[- ]thirds|(?:a|one)[- ](?:half|third|quarter|fifth)|half|(?:the )?majority) of (?:all )?(?:[\w-]+ ){0,2}(?:attacks|businesses|companies|organi[sz]ations|firms|users|consumers|people|adults|respondents|malware|incidents|breaches|e-?mails|victims))\b/i;

/** A first line without a closing full stop, followed by a paragraph break: a headline. */
function isHeadline(text: string, s: Span): boolean {
  if (s.end - s.start > 200 || /[.!?…]["'”’)]*$/.test(text.slice(Math.max(s.start, s.end - 3), s.end))) return false;
  return /^[ \t]*\r?\n/.test(text.slice(s.end, s.end + 4)) || s.end === text.length;
}

interface Candidate {
  type: IncidentType;
  sentences: SentenceInfo[];
  score: number;
  strongest: number;
  victim?: Scored;
}

function groupByVictim(text: string, type: IncidentType, carrying: SentenceInfo[], reporters: Set<string>): Candidate[] {
  const wantsVictim = ATTACK_TYPES.has(type);
  // Each sentence is asked twice (to group, then for a weaker cue): ask once.
  const cache = new Map<number, Scored | undefined>();
  const victimIn = (s: SentenceInfo) => {
    if (!cache.has(s.index)) cache.set(s.index, findVictim(text, s, type, reporters));
    return cache.get(s.index);
  };
  const groups = new Map<string, Candidate>();
  const loose: SentenceInfo[] = [];
  for (const s of carrying) {
    const v = wantsVictim ? victimIn(s) : undefined;
    if (v === undefined || v.score < 3) {
      loose.push(s);
      continue;
    }
    const g = groups.get(v.entity.key) ?? { type, sentences: [], score: 0, strongest: 0, victim: v };
    g.sentences.push(s);
    if (v.score > (g.victim?.score ?? 0)) g.victim = v;
    groups.set(v.entity.key, g);
  }
  let list = [...groups.values()];
  // Sentences without a victim of their own belong to the best-attested victim's story.
  if (list.length === 0) list = [{ type, sentences: [], score: 0, strongest: 0 }];
  list.sort((a, b) => b.sentences.length - a.sentences.length || a.sentences[0].index - b.sentences[0].index);
  list[0].sentences.push(...loose);
  for (const g of list) {
    g.sentences.sort((a, b) => a.index - b.index);
    g.score = g.sentences.reduce((sum, s) => sum + (s.scores.get(type) ?? 0), 0);
    g.strongest = Math.max(...g.sentences.map((s) => s.strongest.get(type) ?? 0));
    if (wantsVictim && g.victim === undefined) {
      // A weaker cue, or the subject of the strongest sentence, still names the victim.
      let best: Scored | undefined;
      for (const s of g.sentences) {
        const v = victimIn(s);
        if (v && (best === undefined || v.score > best.score)) best = v;
      }
      if (best && best.score >= 1) g.victim = best;
    }
  }
  return list;
}

/**
 * News often names the victim in the sentence after the one that names the attack ("Websites were
 * knocked offline. Acme Airport said its site ..."): look there, with the same cues, when the story's
 * own sentences name nobody.
 */
function victimNextDoor(text: string, c: Candidate, infos: SentenceInfo[], reporters: Set<string>): Scored | undefined {
  let best: Scored | undefined;
  for (const s of c.sentences.slice(0, 3)) {
    const next = infos[s.index + 1];
    if (!next || c.sentences.includes(next)) continue;
    const v = findVictim(text, next, c.type, reporters);
    if (v && v.score >= 3 && (best === undefined || v.score > best.score)) best = v;
  }
  return best;
}

/**
 * An actor the catalogue knows for spying (a state's intelligence service, an APT), named as the doer
 * in the story, says what its attack is for, as an analyst reads "STRONTIUM launched credential
 * harvesting attacks against ...": espionage, beside whatever the text calls the attack (the phishing,
 * the breach), which stays the story's own type. Its weight is a weak word's in each sentence that names
 * the actor and reports a happening; three such sentences (two in the lede) make it.
 */
function spyingBy(infos: SentenceInfo[], kept: Candidate[]): Candidate | undefined {
  if (kept.some((c) => c.type === 'espionage')) return undefined;
  const sentences = infos.filter((s) => s.spy === true && reportsHappening('espionage', s));
  const score = sentences.reduce((sum, s) => sum + (s.index < LEDE ? 3 : 2), 0);
  // In a story of an attack, not only named in passing (a flaw "exploited by APT28" in a patch story).
  const attack = (type: IncidentType) => ATTACK_TYPES.has(type) && !VULN_TYPES.has(type);
  const attacks = kept.some((c) => attack(c.type)) || sentences.some((s) => [...s.strongest].some(([type, w]) => w >= 2 && attack(type)));
  if (score < 6 || !attacks) return undefined;
  // Who was spied on is the other incidents' to say: the actor's name tells the aim, not the target.
  return { type: 'espionage', sentences, score, strongest: 2 };
}

const HAPPENING =
  /\b(?:detected|discovered|noticed|identified|occurred|began|started|took place|happened|hit|struck|attacked|breached|compromised|encrypted|intruders?|attackers?|hackers?)\b/i;

/** Sentences that name the victim and a happening belong to its story (they often hold the date). */
function addVictimMentions(text: string, c: Candidate, infos: SentenceInfo[]): void {
  const key = c.victim!.entity.key;
  const have = new Set(c.sentences.map((s) => s.index));
  for (const s of infos) {
    if (have.has(s.index) || !s.entities.some((e) => e.key === key)) continue;
    // A trigger of any kind, or a date next to a word of the incident ("detected on October 30").
    // A date alone may be background ("In June 2022, ... the ICC"), and stays out.
    if (s.scores.size > 0 || (s.dates.length > 0 && HAPPENING.test(text.slice(s.start, s.end)))) c.sentences.push(s);
  }
  c.sentences.sort((a, b) => a.index - b.index);
}

const sameVictimOrNone = (a: Candidate, b: Candidate) =>
  a.victim === undefined || b.victim === undefined || a.victim.entity.key === b.victim.entity.key;

/** A sentence that reports a fix released: as a happening, not advice, and not one still to come. */
const tellsOfFix = (s: SentenceInfo) => s.anchored && !s.generic && !s.noFixYet && (s.strongest.get('patch') ?? 0) >= 2;

/** A sentence that reports a fix released in strong words ("released a patch", "security update"). */
const releasesFix = (text: string, s: SentenceInfo) =>
  tellsOfFix(s) && (s.strongest.get('patch') ?? 0) >= 3 && SHIPS_A_FIX.test(text.slice(s.start, s.end));
/** A fix shipped to users (an update, a patch, a new version), not a service quietly repaired. */
const SHIPS_A_FIX =
  /\b(?:(?:released|issued|rolled out|shipped|pushed|published|made available)\b.{0,60}?\b(?:patch|update|fix|firmware|version)|security (?:updates?|patch(?:es)?|fix(?:es)?)|patch tuesday|hotfix|patched (?:the |a |an |this |these |those |its |their |both |two |several )?(?:[\w-]+ ){0,2}(?:vulnerabilit(?:y|ies)|flaws?|bugs?|security (?:holes?|issues?)|zero[- ]days?))/i;

/** A sentence that reports the type as a happening: not advice or a definition, nor (for an attack) what a tool can do. */
const reportsHappening = (type: IncidentType, s: SentenceInfo) =>
  s.anchored && !s.generic && !(s.describesTool === true && ATTACK_TYPES.has(type));

/** Named in strong words by the first line (the headline), as a happening. */
const headlined = (c: Candidate) =>
  c.sentences.some((s) => s.index === 0 && (s.strongest.get(c.type) ?? 0) >= 3 && reportsHappening(c.type, s));

/**
 * Phishing told with its own strong words and weight is an event of its own, even as the way into another
 * story: the e-mails that let the ransomware in, told in two sentences of a long ransomware report, are
 * still a phishing attack on the victim (a fifth of the story's weight; a third lost them once the story
 * had taken in its unspecific attack talk).
 */
const ownEvent = (c: Candidate, story: Candidate) => c.type === 'phishing' && c.strongest >= 3 && c.score >= 0.2 * story.score;

/** Score a type needs, summed over its sentences, to be reported at all. */
const MIN_SCORE = 4;

function mergeAndFilter(text: string, cands: Candidate[], published?: string): Candidate[] {
  // "A cyberattack that compromised emails": the unspecific word and a weaker specific one tell one
  // story, and the specific type names it.
  for (const c of cands) {
    if (c.type !== 'cyberattack') continue;
    // Strongly named types first, the more specific first (ransomware before data-breach); among the
    // weakly named, the better attested (one aside on ransomware does not name a spying campaign).
    const pool = cands
      .filter(
        (o) =>
          ATTACK_TYPES.has(o.type) &&
          o.type !== 'cyberattack' &&
          o.type !== 'vulnerability-exploitation' &&
          o.score >= 1.5 &&
          o.strongest >= 2,
      )
      .filter((o) => c.victim === undefined || o.victim === undefined || o.victim.entity.key === c.victim.entity.key);
    // A strong word said once in passing ("mail filtering can block malicious emails" at the end of a
    // wiper report) does not name the attack: a type counts as strongly named only with a third of the
    // weight of the attack talk or of the best-attested type.
    const most = Math.max(c.score, ...pool.map((o) => o.score));
    // The headline names what the attack is, however briefly the rest of the text names it.
    const strong = (o: Candidate) => (o.strongest >= 3 && o.score >= 0.33 * most) || headlined(o);
    const typed = pool.sort(
      (a, b) =>
        Number(strong(b)) - Number(strong(a)) ||
        (strong(a) ? 0 : b.score - a.score) ||
        NAMES_THE_ATTACK.indexOf(a.type) - NAMES_THE_ATTACK.indexOf(b.type) ||
        b.score - a.score,
    )[0];
    if (!typed) continue;
    typed.sentences = [...new Map([...typed.sentences, ...c.sentences].map((s) => [s.index, s])).values()].sort(
      (x, y) => x.index - y.index,
    );
    typed.score += c.score;
    typed.strongest = Math.max(typed.strongest, c.strongest);
    typed.victim ??= c.victim;
    c.score = 0;
  }
  // A scam told as phishing (fake e-mails, a sender posing as a brand) is the phishing: talk of the
  // scam and the scammers continues that story rather than telling a fraud of its own.
  const phishing = cands.filter((c) => c.type === 'phishing' && c.strongest >= 3).sort((a, b) => b.score - a.score)[0];
  for (const c of cands) {
    if (!phishing || c.type !== 'fraud' || c.strongest >= 3 || !sameVictimOrNone(c, phishing)) continue;
    phishing.sentences = [...new Map([...phishing.sentences, ...c.sentences].map((s) => [s.index, s])).values()].sort(
      (x, y) => x.index - y.index,
    );
    phishing.score += c.score;
    phishing.victim ??= c.victim;
    c.score = 0;
  }
  // Keep what has a strong trigger somewhere and enough evidence overall. Weak talk of "the attack"
  // still tells where the typed story continues (and often when it happened).
  // A story needs one sentence that reports it as a happening, not as advice or a definition.
  // Many weaker words add up to a story's event.
  const addsUp = (c: Candidate) => c.strongest >= 2 && c.score >= 6;
  const isLive = (c: Candidate) =>
    c.score >= MIN_SCORE && (c.strongest >= 3 || addsUp(c)) && c.sentences.some((s) => reportsHappening(c.type, s));
  const typedTop = cands
    .filter((c) => isLive(c) && ATTACK_TYPES.has(c.type) && c.type !== 'cyberattack')
    .sort((a, b) => b.score - a.score)[0];
  for (const c of cands) {
    if (c.type !== 'cyberattack' || isLive(c) || !typedTop) continue;
    if (c.victim === undefined || c.victim.entity.key === typedTop.victim?.entity.key) {
      typedTop.sentences = [...new Map([...typedTop.sentences, ...c.sentences].map((s) => [s.index, s])).values()].sort(
        (x, y) => x.index - y.index,
      );
    }
  }
  let live = cands.filter(isLive);
  if (live.length === 0) {
    // A short report may name its incident once, outside the lede: the best candidate still counts
    // when a specific word names it and a sentence reports it as a happening (not advice).
    const best = cands
      .filter((c) => c.type !== 'cyberattack' || c.victim !== undefined)
      .filter(
        (c) =>
          c.score >= 2.5 && c.strongest >= 3 && c.sentences.some((s) => reportsHappening(c.type, s) && (s.scores.get(c.type) ?? 0) > 0),
      )
      .sort((a, b) => b.score - a.score)[0];
    if (!best) return [];
    // A flaw told once still reports the fix the text tells of as done, as a longer disclosure story does.
    const fix =
      best.type === 'vulnerability-disclosure' ? cands.find((c) => c.type === 'patch' && c.sentences.some(tellsOfFix)) : undefined;
    return fix ? [best, fix] : [best];
  }
  const top = Math.max(...live.map((c) => c.score));
  // The headline names the story: a type it names in strong words stays, however much else the text says.
  live = live.filter((c) => c.score >= 0.3 * top || headlined(c));
  // A disclosure story that tells, even once, of the fix released reports the patch too.
  if (live.some((c) => c.type === 'vulnerability-disclosure') && !live.some((c) => c.type === 'patch')) {
    const fix = cands.find((c) => c.type === 'patch' && c.sentences.some(tellsOfFix));
    if (fix) live.push(fix);
  }
  // A fix released, told with a strong word ("Microsoft released a patch in March"), is news of its own
  // in any story, even told once: the attack that used the flaw, the breach it opened.
  if (!live.some((c) => c.type === 'patch')) {
    const fix = cands.find((c) => c.type === 'patch' && c.sentences.some((x) => releasesFix(text, x)));
    if (fix) live.push(fix);
  }

  const sameStory = (a: Candidate, b: Candidate) =>
    a.victim === undefined || b.victim === undefined || a.victim.entity.key === b.victim.entity.key;
  const absorb = (weak: Candidate, into: Candidate) => {
    into.sentences = [...new Map([...into.sentences, ...weak.sentences].map((s) => [s.index, s])).values()].sort(
      (x, y) => x.index - y.index,
    );
    into.score += weak.score * 0.5;
    if (!into.victim && weak.victim) into.victim = weak.victim;
  };
  const byType = (t: IncidentType) => live.filter((c) => c.type === t);
  const strongestOf = (types: IncidentType[]) =>
    live.filter((c) => types.includes(c.type)).sort((a, b) => b.score - a.score)[0] as Candidate | undefined;
  const drop = new Set<Candidate>();

  // "Cyberattack" is what the text calls an attack it has not typed: it is the typed story when there is one.
  for (const c of byType('cyberattack')) {
    const into = live.find((o) => o !== c && o.type !== 'cyberattack' && ATTACK_TYPES.has(o.type) && sameStory(o, c));
    if (into) {
      absorb(c, into);
      drop.add(c);
    }
  }
  // An unspecific attack in a text whose stronger story is a flaw is the attack the flaw allows or that
  // researchers demonstrated ("the feature has been hacked"), not an incident of its own.
  const flawStory = strongestOf(['vulnerability-disclosure', 'patch']);
  for (const c of byType('cyberattack')) {
    if (!drop.has(c) && flawStory && c.score < flawStory.score) {
      // Its "victim" is the maker of the flawed product: a flaw story has none.
      c.victim = undefined;
      absorb(c, flawStory);
      drop.add(c);
    }
  }
  // Phishing or an exploited flaw that opened the door to a breach or a ransomware attack is how that
  // story began, not a story of its own.
  for (const c of [...byType('phishing'), ...byType('vulnerability-exploitation')]) {
    const into = live.find(
      (o) => (o.type === 'data-breach' || o.type === 'ransomware' || o.type === 'espionage' || o.type === 'wiper') && sameStory(o, c),
    );
    // Same victim: the same story, told by its first step. No victim of its own: unless it is the bigger part.
    const shared = into !== undefined && c.victim !== undefined && into.victim?.entity.key === c.victim.entity.key;
    if (into && !ownEvent(c, into) && (shared ? c.score <= into.score : c.score < 0.8 * into.score)) {
      absorb(c, into);
      drop.add(c);
    }
  }
  // Data stolen in a ransomware attack or an espionage operation is part of that story unless the
  // text makes the breach a story of its own.
  for (const c of byType('data-breach')) {
    const into = live.find((o) => (o.type === 'ransomware' || o.type === 'espionage' || o.type === 'wiper') && sameStory(o, c));
    if (into && c.strongest < 3 && c.score < 0.6 * into.score) {
      absorb(c, into);
      drop.add(c);
    }
  }
  // Exploitation mentioned in a patch or disclosure story, with no victim of its own, is that story.
  for (const c of byType('vulnerability-exploitation')) {
    const into = strongestOf(['patch', 'vulnerability-disclosure']);
    if (into && !c.victim) {
      absorb(c, into);
      drop.add(c);
    }
  }
  // A fix released for a security flaw makes the flaw known (the vendor's advisory, the researcher's
  // credit): a patch story also reports the flaw's disclosure. A disclosure story reports the fix too
  // when the text tells of one released, not one expected.
  const patch = strongestOf(['patch']);
  let disclosure = strongestOf(['vulnerability-disclosure']);
  if (patch && !drop.has(patch) && !disclosure) {
    const flawed = patch.sentences.filter((s) => NAMES_A_FLAW.test(text.slice(s.start, s.end)));
    if (flawed.length > 0) {
      disclosure = { type: 'vulnerability-disclosure', sentences: flawed, score: 0.9 * patch.score, strongest: patch.strongest };
      live.push(disclosure);
    }
  }
  if (patch && disclosure && !drop.has(patch) && !drop.has(disclosure) && patch.score < disclosure.score) {
    if (!patch.sentences.some(tellsOfFix)) {
      absorb(patch, disclosure);
      drop.add(patch);
    }
  }
  live = live.filter((c) => !drop.has(c));
  // Two attack types told in the same sentences are one story told with two words ("a supply chain
  // attack that hit hundreds of businesses" in a ransomware story): the stronger names it.
  const attacks = live.filter((c) => ATTACK_TYPES.has(c.type)).sort((a, b) => b.score - a.score);
  for (const c of attacks.slice(1)) {
    const main = attacks[0];
    const within = c.sentences.every((s) => main.sentences.some((t) => t.index === s.index));
    if (within && !ownEvent(c, main) && sameStory(main, c)) {
      absorb(c, main);
      drop.add(c);
    }
  }
  live = live.filter((c) => !drop.has(c));
  // An attack story that mentions flaws in passing is not a vulnerability story; one that tells of the
  // flaw in two sentences and with a third of the attack's weight also reports the flaw.
  const attack = strongestOf([...ATTACK_TYPES].filter((t) => t !== 'vulnerability-exploitation'));
  if (attack) {
    const told = live.filter(
      (c) =>
        ATTACK_TYPES.has(c.type) ||
        (c.score >= 0.3 * attack.score && c.sentences.length >= 2) ||
        (c.type === 'patch' && c.sentences.some((x) => releasesFix(text, x))),
    );
    // A flaw and its fix are one story: the one the attack story tells keeps the other, when the fix is
    // told as done ("the developers managed to fix the flaws") and the flaw as named by it.
    const kept = (t: IncidentType) => told.some((c) => c.type === t);
    live = live.filter(
      (c) =>
        told.includes(c) ||
        (c.type === 'patch' && kept('vulnerability-disclosure') && c.sentences.some(tellsOfFix)) ||
        (c.type === 'vulnerability-disclosure' && kept('patch')),
    );
  }
  // A hack the text does not type that took data (accounts sold, emails leaked, files stolen) is a
  // data breach: the unspecific word becomes the breach. (Not a spying operation: a report on a
  // campaign tells of data taken from many, which is the campaign's aim, not a breach it reports.)
  const dataTaken = cands.find(
    (c) => c.type === 'data-breach' && c.score >= 0.7 && c.sentences.some((s) => reportsHappening('data-breach', s)),
  );
  if (dataTaken && !live.includes(dataTaken) && !live.some((c) => ATTACK_TYPES.has(c.type) && c.type !== 'cyberattack')) {
    const hack = live.filter((c) => c.type === 'cyberattack').sort((a, b) => b.score - a.score)[0];
    if (hack) hack.type = 'data-breach';
  }
  // A fraud carried out by e-mail or by someone posing as another (a CEO's mail to payroll, a bank's
  // fake text) is phishing too: the lure is how it was done, told in the lure's own words.
  if (live.some((c) => c.type === 'fraud') && !live.some((c) => c.type === 'phishing')) {
    const lure = cands
      .filter(
        (c) => c.type === 'phishing' && c.strongest >= 2 && c.sentences.some((s) => s.anchored && (s.scores.get('phishing') ?? 0) > 0),
      )
      .sort((a, b) => b.score - a.score)[0];
    if (lure) live.push(lure);
  }
  live = ledeStory(live);
  // Ties go to the story the text tells first.
  live.sort((a, b) => b.score - a.score || a.sentences[0].index - b.sentences[0].index);
  return dropBackground(text, live, published);
}

/**
 * A flaw that a long text (a threat report, an advisory) names outside its headline and lede, in fewer
 * than one sentence in twenty, is the background or the means of what the text tells (the CVE its exploit
 * used, the routers' weaknesses), not a flaw it discloses; so is a fix named so in the story of an attack
 * (the patch its victims had not applied). A flaw story told at length (the flaw or its fix) keeps both;
 * a fix released, in a text that tells no attack (a product's news), is news of its own and keeps its flaw.
 */
function flawsInPassing(kept: Candidate[], sentenceCount: number): Candidate[] {
  const told = (c: Candidate) =>
    c.sentences.some((s) => s.index < LEDE && (s.strongest.get(c.type) ?? 0) >= 2) || c.sentences.length * 20 >= sentenceCount;
  if (kept.some((c) => FLAW_STORY.has(c.type) && told(c))) return kept;
  const attack = kept.some((c) => ATTACK_TYPES.has(c.type) && !VULN_TYPES.has(c.type));
  if (!attack && kept.some((c) => c.type === 'patch')) return kept;
  return kept.filter((c) => !FLAW_STORY.has(c.type));
}

/** Operations told by their means: the spying, the sabotage, the poisoned supply chain. */
const CAMPAIGNS = new Set<IncidentType>(['espionage', 'wiper', 'supply-chain']);

/** Sentences at the head of a text (the headline, when there is one, and the lede): where news says what the story is. */
const LEDE = 3;

/** Named in the headline or lede with a word of its own (not only by an unspecific one it absorbed), as a happening. */
const inLede = (c: Candidate) =>
  c.sentences.some((s) => s.index < LEDE && (s.strongest.get(c.type) ?? 0) >= 2 && reportsHappening(c.type, s));

/**
 * The headline and lede say what the story is; a type told only further down is the story's means, aim
 * or background (the spear-phishing that delivered a spying implant, the data a campaign is after, the
 * flaws its exploits use) unless it has a victim of its own or more weight than the story.
 */
function ledeStory(live: Candidate[]): Candidate[] {
  const story = live.filter((c) => CAMPAIGNS.has(c.type) && inLede(c)).sort((a, b) => b.score - a.score)[0];
  if (!story) return live;
  return live.filter(
    (c) =>
      c === story ||
      ownEvent(c, story) ||
      inLede(c) ||
      c.score >= story.score ||
      (c.victim !== undefined && c.victim.entity.key !== story.victim?.entity.key),
  );
}

/**
 * Researchers' own attack: built, shown or run as an experiment ("Researcher develops ransomware attack
 * that targets water supply", "Researchers found they were able to infect robots with ransomware", "a
 * proof-of-concept attack"); not researchers telling what attackers were able to do.
 */
const DEMONSTRATION =
  /\b(?:(?:researchers?|academics|scientists|(?:phd |graduate )?students?)\b (?:(?!attackers?|hackers?|criminals|actors?|cybercriminals)[\w'’-]+ ){0,3}?(?:develop(?:s|ed)?|buil(?:ds|t)|creat(?:es|ed)|design(?:s|ed)|(?:have |has )?(?:shown|showed|demonstrat(?:es|ed))|(?:were|was) able to)|proof[- ]of[- ]concept|for (?:the )?(?:purposes? of )?research)\b/i;

/**
 * Words that put an incident in the past of the story: "comes months after a ransomware attack on ...". Not "in
 * the past", which says no more than "before" and opens a recent span as often ("in the past few days").
 */
const BACKGROUND =
  /\b(?:comes? (?:\w+ ){0,2}after|follow(?:s|ed|ing)? (?:a|an|the|last)|(?:months|weeks|years) (?:after|before|ago)|previously|last year|a similar|also (?:hit|suffered|targeted|breached)|was also|not the first|second time|the latest in|history of|in recent (?:years|months))\b/i;

const FLAW_STORY = new Set<IncidentType>(['patch', 'vulnerability-disclosure']);

/**
 * The story is the strongest incident; another one stays only if it is not background: not told in
 * sentences that place it in the past, and not dated months before the story.
 */

function dropBackground(text: string, live: Candidate[], published?: string): Candidate[] {
  if (live.length < 2) return live;
  const [top, ...rest] = live;
  const topOwnWhen = chooseWhen(text, top.sentences, published, top.victim?.entity.key)?.iso;
  // A fix released in strong words is news of its own in any story (mergeAndFilter keeps it so), dated
  // before the attack as it may be: the update that would have stopped the worm. The flaw it fixes goes with it.
  const fixReleased = rest.some((c) => c.type === 'patch' && c.sentences.some((x) => releasesFix(text, x)));
  return [
    top,
    ...rest.filter((c) => {
      if (fixReleased && FLAW_STORY.has(c.type)) return true;
      // A flaw and its fix are one story told in two steps, months apart as they may be: the fix of the
      // flaw the story tells is not an earlier incident, whatever words of time its sentences hold
      // ("patches are already rolling out, with Lenovo posting updates in the past month").
      if (FLAW_STORY.has(c.type) && FLAW_STORY.has(top.type)) return true;
      const cued = c.sentences.filter((s) => BACKGROUND.test(text.slice(s.start, s.end))).length;
      if (cued * 2 >= c.sentences.length) return false;
      // Dated well before the story, about someone else: background. (The same victim's earlier
      // step — the phishing that began a breach — is part of the story.)
      if (c.victim && top.victim && c.victim.entity.key === top.victim.entity.key) return true;
      const when = chooseWhen(text, c.sentences, published, c.victim?.entity.key)?.iso;
      if (!when) return true;
      if (topOwnWhen) return monthsBetween(when, topOwnWhen) < 2;
      return !published || monthsBetween(when, published.slice(0, 10)) < 6;
    }),
  ];
}

function monthsBetween(earlier: string, later: string): number {
  const [y1, m1 = 1] = earlier.split('-').map(Number);
  const [y2, m2 = 1] = later.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1);
}

function ref(e: EntityMatch): EntityRef {
  return { key: e.key, name: e.name, start: e.start, end: e.end };
}

function toIncident(text: string, c: Candidate, entities: EntityMatch[], published?: string): Incident {
  const victim = c.victim ? ref(c.victim.entity) : undefined;
  const actorEnt = findActor(c.type, c.sentences, entities);
  const actor = actorEnt ? ref(actorEnt) : undefined;
  const placeEnt = findPlace(text, c.sentences, c.victim?.entity);
  const when = chooseWhen(text, c.sentences, published, c.victim?.entity.key);
  const others = new Map<string, EntityRef>();
  for (const s of c.sentences)
    for (const e of s.entities)
      if (
        (e.type === 'malware' || e.type === 'vulnerability' || e.type === 'technique' || e.type === 'product' || e.type === 'vendor') &&
        e.key !== victim?.key &&
        e.key !== actor?.key &&
        !others.has(e.key)
      )
        others.set(e.key, ref(e));

  let summary = INCIDENT_LABELS[c.type];
  if (victim) summary += ` against ${victim.name}`;
  else if ((c.type === 'patch' || c.type.startsWith('vulnerability')) && others.size > 0) {
    // Name it by the flaw, else the product, else the vendor.
    const all = [...others.values()];
    const subject = all.find((r) => r.key.startsWith('vulnerability:')) ?? all.find((r) => r.key.startsWith('product:')) ?? all[0];
    summary += ` (${subject.name})`;
  }
  if (actor) summary += ` by ${actor.name}`;
  if (when?.iso) summary += `, ${when.iso}`;

  const incident: Incident = {
    type: c.type,
    spans: c.sentences.map((s) => ({ start: s.start, end: s.end })),
    summary,
    confidence: Math.min(1, Math.round((c.score / 12) * 100) / 100),
  };
  if (victim) {
    incident.victim = victim;
    incident.victimConfidence = victimConfidence(c.victim!.score);
  }
  if (actor) incident.actor = actor;
  if (others.size > 0) incident.entities = [...others.values()];
  if (when) {
    if (when.iso) incident.when = when.iso;
    incident.whenText = when.text;
  }
  if (placeEnt) incident.place = ref(placeEnt);
  return incident;
}
