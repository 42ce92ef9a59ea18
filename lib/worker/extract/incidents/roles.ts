import type { EntityMatch, IncidentType } from '../../../shared/types';
import { ORGANIZATIONS } from '../../knowledge/seed/organizations';
import type { SentenceInfo } from './index';

/**
 * Who was hit, who did it and where, from the words around each candidate in the sentences that
 * report the incident. Victims are organisations (or vendors, or a country when the text says so);
 * the security firm that reports an attack is not its victim.
 */
export interface Scored {
  entity: EntityMatch;
  score: number;
}

// Before a victim: "attack on", "breach at", "hit", "targeting" — up to two words of description
// between ("attack on US retailer Acme").
const VICTIM_BEFORE =
  /\b(?:attacks? (?:on|against)|breach(?:es)? (?:at|of)|hack(?:ing)? (?:of|on|at)|intrusions? (?:at|into)|incidents? (?:at|affecting)|compromise of|targeted|targeting|hit|hitting|struck|crippled|disrupted|breached|compromised|infiltrated|hacked|victims? (?:include|included|including|was|is)|impacting|affecting|affected|customers of|employees of|patients of|(?:systems?|networks?|servers?|environment|infrastructure|pipeline|accounts?|website|databases?|data) of|stolen from|stole from|leaked from|exfiltrated from|on behalf of|(?:gained|obtained|unauthori[sz]ed) access to)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;

// After a victim: "said it", "disclosed", "was hit", "'s systems" — an apposition may come between
// ("Acme, a Texas retailer, said it ...").
const VICTIM_AFTER =
  /^(?:\s*\([^()]{1,12}\))?(?:\s*,[^,]{1,80},)?(?:\s*,\s*which)?\s*(?:(?:’s|'s)\s+(?:\w+\s+)?(?:systems|network|networks|servers|data|customers|employees|patients|students|website|email|infrastructure|it|computer)|said (?:it|its|that it|in a|on \w+ (?:that )?(?:it|the)|(?:on \w+ )?that (?:the|a|its)|(?:on \w+ )?(?:that )?(?:an? |the )?(?:[\w$-]+ ){0,2}(?:hackers?|attackers?|actors?|groups?|gang|operators|cybercriminals|criminals|intruders?|unauthori[sz]ed|party|parties))\b|(?:[a-z]+ ){1,2}its (?:[\w,-]+ ){0,2}(?:systems|network|networks|operations|servers|services|computers|website|pipeline|plants?|factories|stores|offices|doors)\b|lost (?:\S+ )?(?:million|billion|\$)|said (?:[\w,-]+ ){0,5}(?:of )?its (?:own )?(?:direct )?(?:customers|clients|users|systems|servers|network|employees|patients|students|members)|says it|disclosed|confirmed|exposed|leaked|lost|(?:agreed|voted|decided|chose|opted) to pay|announced|revealed|notified|is notifying|has notified|began notifying|has begun|(?:was|were|had been|has been|have been) (?:hit|attacked|targeted|breached|hacked|compromised|struck|the (?:victim|target)|affected|impacted|infected|crippled|disrupted)|suffered|fell victim|experienced|(?:customers|patients|subscribers|policyholders|account holders|employees|students)\b|(?:data breach|breach|ransomware attack|cyber ?attack|hack)\b|detected|discovered (?:a|an|that|suspicious|unauthori[sz]ed)|is investigating|became aware|reported (?:a|an|that)|warned (?:customers|users|employees|patients))/iu;

// The reporter, not the victim: "according to X", "X researchers", "X said the group", "an analysis
// released by X", "submitted to X" (a detection service), "X has observed", "X assesses".
const REPORTER_BEFORE =
  /\b(?:according to|(?:security|cybersecurity|threat intelligence|research|intelligence|antivirus|anti-virus) (?:company|firm|vendor|provider|outfit|researchers?)|researchers (?:at|from|with)|analysts (?:at|from)|experts (?:at|from)|reported by|discovered by|observed by|tracked by|spotted by|analy[sz]ed by|detected by|flagged by|identified by|uncovered by|(?:released|published|issued|shared) by|(?:a |an |the )?(?:new |recent |latest )?(?:report|analysis|research|study|blog(?: post)?|advisory|alert|telemetry|data|findings|paper|write-?up)(?: \w+){0,2} (?:by|from)|report from|(?:submitted|uploaded) to|(?:scanned|seen|found) (?:on|by)|(?:credit(?:ed)? to|thanks to))\s+(?:the\s+)?$/i;
const REPORTER_AFTER =
  /^(?:’s|'s)?(?:\s+\p{Lu}[\p{L}-]+)?\s*(?:threat intelligence|threat research|security research|security response|research team|research (?:group|center|centre|division|lab)|researchers|analysts|labs?\b|intelligence team|incident response|observed|tracks|has tracked|(?:is|are|has been|have been) (?:tracking|monitoring)|(?:has |have )?(?:observed|identified|detected|documented|analy[sz]ed|attributed|assessed|seen|tracked) (?!(?:a |an |the )?(?:breach|intrusion|attack|compromise|incident|ransomware|unauthori[sz]ed|suspicious)\b)|assess(?:es)?|believes|spotted|uncovered|dubbed|attributed|recommends|continues to (?:track|monitor|investigate)|said the (?:group|gang|actor|hackers|attackers|campaign|operators|malware)|published (?:research|a report|findings|an analysis)|(?:revealed|showed|described|detailed|explained) how|discovered (?:new |a new |the )?(?:evidence|samples?|variants?|versions?|campaigns?|backdoors?|malware|implants?|toolsets?|frameworks?|activity)\b)/iu;
const RESPONDER_AFTER =
  /^(?:’s|'s)?\s*(?:(?:was|were|had been|has been) (?:contacted|hired|called in|brought in|engaged|retained)\b|(?:’s|'s)? role in (?:investigating|responding)|(?:responded|was called) to (?:the|a|an) )/i;
const RESPONDER_BEFORE =
  /\b(?:contacted|hired|called in|brought in|engaged|retained|enlisted)\s+(?:the\s+)?(?:security firm\s+|forensic firm\s+|incident response firm\s+)?$/i;
const RESPONDER_TASK =
  /^\s+(?:to (?:respond|investigate|help|assist|remediate|look into)|for (?:incident response|forensics|the investigation))/i;
/** A research team by its name: "Check Point Research", "Microsoft Threat Intelligence", "Cisco Talos", "Unit 42". */
const RESEARCH_TEAM_NAME =
  /(?:\b(?:Research|Labs?|Threat Intelligence|Threat Research|Security Response|Research Center|SpiderLabs|X-Force(?: Red)?|Talos|Unit 42|Threat Hunting|Threat Analysis Group|CTU|ATR|GReAT)|\bSecurity Intelligence)$/u;

const ATTACKER_AFTER =
  /^\s*(?:(?:has|have|had|then|later|allegedly|reportedly)\s+)?(?:gained (?:\w+ )?access|obtained access|breached|hacked into|hacked (?:the|a|an|its|their)|infiltrated|stole|exfiltrated|deployed|spear-?phished|used (?:the|a|an|its) (?:\w+ )?(?:backdoor|malware|implant|exploit))\b/;

/** The attacker's verb after a name, with an apposition of one or two capitalised words or agency words between. */
const ATTACKER_NEAR = new RegExp(
  String.raw`^(?:\s+(?:agency|unit|group|service|\p{Lu}[\p{L}\d-]+)){0,2}\s*[“"]?\s*(?:(?:has|have|had|then|later|allegedly|reportedly)\s+)?(?:gained (?:\w+ )?access|obtained access|breached|hacked into|infiltrated|exfiltrated|stole)\b`,
  'u',
);

/** After a place: a noun it describes, possibly after "and" + another place word ("US and European energy firms"). */
const PLACE_AS_MODIFIER =
  /^(?:[’']s)?(?:\s+and\s+\p{Lu}[\p{L}-]*)?\s+(?!(?:was|were|is|are|has|have|had|said|says|confirmed|suffered|fell|experienced|and|or|in|on|at|last|this|after|before|when|with|by|for|from|to|which|that|but|as|itself|government|authorities)\b)\p{Ll}[\p{L}-]+/u;

const IMPERSONATED_BEFORE =
  /\b(?:pretend(?:s|ed|ing)? to (?:be|come) from|purport(?:s|ed|ing)? to (?:be|come) from|posing as|pose as|poses as|impersonat\w*|spoof\w*|disguised as|masquerad\w* as|claiming to be from|fake|cloned|bogus|counterfeit|look-?alike|copycat|fraudulent|themed)\s+(?:the\s+|a\s+)?$/i;
/** "said Lukas Stefanko with ESET": the organisation a quoted person works for is the source. */
const AFFILIATION_BEFORE =
  /\b(?:said|says|according to|wrote|told)\s+\p{Lu}\p{Ll}+\s+\p{Lu}[\p{L}'’-]+,?\s+(?:with|at|from|of)\s+(?:the\s+)?$/u;
const BRAND_CUSTOMERS_AFTER = /^(?:’s|'s)?\s*(?:customers|clients|subscribers|users|account holders|policyholders|shoppers)\b/i;
const AUTHORITY =
  /^(?:the )?(?:FBI|CISA|NSA|NCSC|GCHQ|Europol|Interpol|DOJ|ENISA|US-CERT|CERT|Secret Service|Department of Justice|Justice Department|Federal Bureau of Investigation|Cybersecurity and Infrastructure Security Agency|National Cyber Security Centre|police)\b/i;

/** Keys of entities the text uses as the source of its findings (security firms, researchers), or names as the attacker. */
export function reporterKeys(text: string, entities: EntityMatch[]): Set<string> {
  const out = new Set<string>();
  for (const e of entities) {
    if (e.type !== 'organization' && e.type !== 'vendor') continue;
    const before = text.slice(Math.max(0, e.start - 40), e.start);
    const after = text.slice(e.end, e.end + 50);
    if (REPORTER_BEFORE.test(before) || REPORTER_AFTER.test(after) || RESEARCH_TEAM_NAME.test(e.name) || RESEARCH_TEAM_NAME.test(e.text))
      out.add(e.key);
    // The attacker, named by what it did anywhere in the text ("the Russian intelligence agency GRU had
    // exfiltrated ...", "Lazarus breached"), is never the victim either.
    else if (ATTACKER_NEAR.test(after)) out.add(e.key);
    // The firm called in to respond: "CrowdStrike was contacted to respond", "hired Mandiant to investigate".
    else if (RESPONDER_AFTER.test(after) || (RESPONDER_BEFORE.test(before) && RESPONDER_TASK.test(after))) out.add(e.key);
  }
  return out;
}

const VICTIM_TYPES = new Set(['organization', 'vendor', 'location']);

/**
 * Security firms and research teams the catalogue knows (its 'security-research' organisations): in news
 * they are the source of findings far more often than the victim, so they need the text's word for it
 * ("FireEye said it was breached") rather than a weak cue.
 */
let researchKeys: Set<string> | undefined;
function isResearchFirm(key: string): boolean {
  researchKeys ??= new Set(ORGANIZATIONS.filter((r) => r.meta?.kind === 'security-research').map((r) => `organization:${r.id}`));
  return researchKeys.has(key);
}

export function findVictim(text: string, s: SentenceInfo, type: IncidentType, reporters: Set<string>): Scored | undefined {
  let best: Scored | undefined;
  const trigger = s.triggerAt.get(type) ?? s.end;
  for (const e of s.entities) {
    if (!VICTIM_TYPES.has(e.type)) continue;
    if (isInsideAnother(e, s.entities)) continue;
    const before = text.slice(Math.max(s.start, e.start - 45), e.start);
    const after = text.slice(e.end, Math.min(s.end, e.end + 110));
    let score = 0;
    if (VICTIM_BEFORE.test(before)) score += 3;
    if (VICTIM_AFTER.test(after)) score += 3;
    if (reporters.has(e.key) || REPORTER_BEFORE.test(before) || REPORTER_AFTER.test(after) || AFFILIATION_BEFORE.test(before)) score -= 5;
    // "..., Proofpoint warned." — who says it at the end of the sentence is the source.
    if (
      /,\s*(?:[\w-]+\s+){0,3}$/.test(before) &&
      /^\s*(?:warned|said|says|reported|wrote|noted|found|explained|added|observed)\s*[.!]?\s*$/.test(after)
    )
      score -= 5;
    // The subject of a statement that opens the sentence ("Under Armour said that data ...").
    else if (
      e === firstNamed(s) &&
      /^\s*(?:the\s+)?$/i.test(text.slice(s.start, e.start)) &&
      /^(?:’s|'s)?\s+(?:said|says|confirmed|announced|disclosed|revealed|admitted)\b/.test(after)
    )
      score += 2;
    // The brand a lure imitates is not the one it hits; nor is the brand whose customers a lure or
    // scam goes after in its name ("targeting Netflix subscribers"): the people are.
    if (IMPERSONATED_BEFORE.test(before)) score -= 5;
    if ((type === 'phishing' || type === 'fraud') && BRAND_CUSTOMERS_AFTER.test(after)) continue;
    // The maker of an exploited product is not who was hit ("a flaw affecting Pulse Secure VPN
    // appliances"), unless the text says it was.
    if (type === 'vulnerability-exploitation' && e.type === 'vendor' && !VICTIM_AFTER.test(after)) continue;
    // Police and national agencies investigate and warn; they are rarely the victim of the story.
    if (AUTHORITY.test(e.name) || AUTHORITY.test(e.text)) score -= 4;
    // "claimed the attacks on Telegram": the platform a claim was made on.
    // A platform named last in a sentence that reports a claim or a post.
    if (
      e.type !== 'organization' &&
      /\bon\s+$/.test(before) &&
      /^\W*$/.test(text.slice(e.end, s.end)) &&
      /\b(?:claimed|claiming|posted|posting|announced|published|wrote|shared|boasted|bragged)\b/i.test(text.slice(s.start, e.start))
    )
      score -= 4;
    // A place is the victim only when the text says the place itself was hit ("an attack on Estonia",
    // "Ukraine was hit"); a place that describes the targets ("Singapore organisations", "Middle Eastern
    // targets", "US and European energy firms") or sits in a list of where they are is not.
    if (e.type === 'location' && PLACE_AS_MODIFIER.test(after)) continue;
    if (isResearchFirm(e.key)) score -= 2.5;
    if (e.type === 'organization') score += 1;
    else if (e.type === 'location') score -= 1.5; // a country is a victim only when the cues say so
    // The subject before the trigger word is the usual victim of news syntax ("Acme ... data breach").
    if (score >= 0 && e.start < trigger) score += 0.5;
    if (/^\s*(?:-based|’s|'s)?\s*(?:ransomware|hackers|group|gang|operators)\b/i.test(after) && e.type !== 'organization') score -= 3;
    // The subject of an attacker's verb: "Russian intelligence gained access to ...", "X breached Y".
    // (Lower-case verbs only: "Acme Hacked" is a headline about the victim.)
    if (ATTACKER_AFTER.test(after)) score -= 4;
    // "Russian intelligence-affiliated adversaries", "Iran-linked hackers": whom the attacker serves.
    if (/^-?\s*(?:affiliated|linked|backed|sponsored|aligned|nexus|connected|controlled)\b/i.test(after)) score -= 5;
    if (best === undefined || score > best.score) best = { entity: e, score };
  }
  return best;
}

function firstNamed(s: SentenceInfo): EntityMatch | undefined {
  return s.entities.find((e) => VICTIM_TYPES.has(e.type));
}

function isInsideAnother(e: EntityMatch, all: EntityMatch[]): boolean {
  return all.some((o) => o !== e && o.start <= e.start && o.end >= e.end && o.end - o.start > e.end - e.start);
}

/** The actor: an actor entity, or for ransomware the ransomware family, most mentioned in the story. */
export function findActor(type: IncidentType, sentences: SentenceInfo[], all: EntityMatch[]): EntityMatch | undefined {
  const pick = (pool: EntityMatch[]) => {
    const count = new Map<string, { e: EntityMatch; n: number }>();
    for (const e of pool) {
      const c = count.get(e.key) ?? { e, n: 0 };
      c.n++;
      count.set(e.key, c);
    }
    return [...count.values()].sort((a, b) => b.n - a.n || a.e.start - b.e.start)[0]?.e;
  };
  const isActor = (e: EntityMatch) => e.type === 'actor' || (type === 'ransomware' && e.type === 'malware' && e.subtype === 'ransomware');
  const local = sentences.flatMap((s) => s.entities.filter(isActor));
  if (local.length > 0) return pick(local);
  // Named elsewhere in the article: only if the article names a single one.
  const anywhere = all.filter(isActor);
  if (new Set(anywhere.map((e) => e.key)).size === 1) return anywhere[0];
  return undefined;
}

/** Where: a place in the story's sentences that is not the victim itself, after "in"/"based in". */
export function findPlace(text: string, sentences: SentenceInfo[], victim?: EntityMatch): EntityMatch | undefined {
  let fallback: EntityMatch | undefined;
  for (const s of sentences) {
    for (const e of s.entities) {
      if (e.type !== 'location') continue;
      if (victim && e.start >= victim.start && e.end <= victim.end) continue;
      const before = text.slice(Math.max(s.start, e.start - 20), e.start);
      const after = text.slice(e.end, e.end + 8);
      if (/\b(?:in|based in|across|throughout|at)\s+(?:the\s+)?$/i.test(before) || /^-based\b/.test(after)) return e;
      // A demonym before the victim's name ("Dutch hospital") is the victim's place.
      if (victim && e.end <= victim.start && victim.start - e.end < 30) fallback ??= e;
    }
  }
  if (victim?.type === 'location') return victim;
  return fallback;
}
