/**
 * The contracts shared by every part of Incident Lens (see DESIGN.md).
 * Plain types only: this module is imported by the content script, the worker and Node.
 */

export type EntityType =
  'actor' | 'malware' | 'vulnerability' | 'technique' | 'vendor' | 'product' | 'organization' | 'location' | 'attack' | 'indicator';

export const ENTITY_TYPES: readonly EntityType[] = [
  'actor',
  'malware',
  'vulnerability',
  'technique',
  'vendor',
  'product',
  'organization',
  'location',
  'attack',
  'indicator',
];

type MalwareSubtype = 'ransomware' | 'malware' | 'tool';
export type IndicatorSubtype = 'ipv4' | 'ipv6' | 'domain' | 'url' | 'email' | 'md5' | 'sha1' | 'sha256' | 'sha512';

/** One mention of an entity in a text. Offsets are UTF-16 code units into that text. */
export interface EntityMatch {
  type: EntityType;
  subtype?: MalwareSubtype | IndicatorSubtype | string;
  start: number;
  end: number;
  /** The text as it stands in the document (defanged if it was). */
  text: string;
  /** Canonical key: `actor:apt28`, `vulnerability:cve-2023-4966`, `indicator:ipv4:1.2.3.4`. */
  key: string;
  /** Canonical display name (`APT28`) or refanged value for indicators. */
  name: string;
  /** Why it matched: the alias or pattern and the source it came from. */
  why?: { alias?: string; source?: string; pattern?: string; rule?: string };
}

export type IncidentType =
  | 'ransomware'
  | 'data-breach'
  | 'espionage'
  | 'ddos'
  | 'phishing'
  | 'supply-chain'
  | 'vulnerability-exploitation'
  | 'vulnerability-disclosure'
  | 'patch'
  | 'fraud'
  | 'wiper'
  | 'cyberattack';

export const INCIDENT_TYPES: readonly IncidentType[] = [
  'ransomware',
  'data-breach',
  'espionage',
  'ddos',
  'phishing',
  'supply-chain',
  'vulnerability-exploitation',
  'vulnerability-disclosure',
  'patch',
  'fraud',
  'wiper',
  'cyberattack',
];

/** How an incident type reads to a person: the sidebar's headings and the start of each summary. */
export const INCIDENT_LABELS: Record<IncidentType, string> = {
  ransomware: 'Ransomware attack',
  'data-breach': 'Data breach',
  espionage: 'Espionage',
  ddos: 'DDoS attack',
  phishing: 'Phishing',
  'supply-chain': 'Supply-chain attack',
  'vulnerability-exploitation': 'Exploitation of a vulnerability',
  'vulnerability-disclosure': 'Vulnerability disclosed',
  patch: 'Security patch',
  fraud: 'Fraud',
  wiper: 'Wiper attack',
  cyberattack: 'Cyberattack',
};

export interface EntityRef {
  key: string;
  name: string;
  /** Offsets of the mention that named it, when there is one. */
  start?: number;
  end?: number;
}

/** An incident an article reports. */
export interface Incident {
  type: IncidentType;
  victim?: EntityRef;
  /** 0..1: how plainly the text puts the victim in a victim's role (absent without a victim). */
  victimConfidence?: number;
  actor?: EntityRef;
  /** Other entities the incident involves (malware, CVEs, techniques ...). */
  entities?: EntityRef[];
  /** ISO date (yyyy-mm-dd) or period (yyyy-mm, yyyy) as the text gives it, resolved against the article date. */
  when?: string;
  /** The words that said when ("in September"). */
  whenText?: string;
  place?: EntityRef;
  /** Spans of text that report it (several mentions merged into one incident). */
  spans: { start: number; end: number }[];
  /** A short human summary, e.g. "Espionage against International Criminal Court". */
  summary: string;
  /** 0..1 confidence. */
  confidence?: number;
}

/** One entry of the entity catalogue (bundled seed or imported). */
export interface CatalogueEntry {
  /** Canonical key, `type:slug` (`actor:apt28`, `malware:lockbit`, `location:russia`). */
  key: string;
  type: EntityType;
  subtype?: string;
  /** Canonical display name. */
  name: string;
  /** Other names this entity goes by. Matched like the name. */
  aliases: string[];
  description?: string;
  /** Attributed country (actors) or ISO code (locations), as a location key `location:russia`. */
  country?: string;
  /** Where the knowledge came from: `seed`, `misp:threat-actor`, `attack`, `kev` ... */
  sources: string[];
  /** External references (URLs) worth showing. */
  refs?: string[];
  /**
   * Names that are ordinary words ("Play", "Royal") and so match only with the casing or a nearby cue.
   * The matcher decides per alias; this lists the aliases that need a cue.
   */
  ambiguous?: string[];
  /** Words that, near one of the `ambiguous` aliases, confirm it ("ransomware", "gang", "Tbilisi"). */
  cues?: string[];
  /** Free extra facts (vendor/product of a CVE, KEV flags, MITRE id ...). */
  meta?: Record<string, string | number | boolean | string[]>;
}
