/** Words for where a fact came from and why a piece of text was taken for an entity. */
import type { EntityMatch } from '../../lib/shared/types';
import { INDICATOR_LABELS } from '../../lib/shared/labels';

const SOURCE_LABELS: Record<string, string> = {
  seed: 'Incident Lens built-in catalogue',
  kev: 'CISA Known Exploited Vulnerabilities',
  attack: 'MITRE ATT&CK',
};

export function sourceLabel(source: string): string {
  if (SOURCE_LABELS[source]) return SOURCE_LABELS[source];
  if (source.startsWith('misp:')) return `MISP galaxy “${source.slice(5)}”`;
  if (source.startsWith('attack:')) return `MITRE ATT&CK (${source.slice(7)})`;
  return source;
}

/** The engine's reasons (`why.rule`) in words; a plain catalogue name needs none. */
const RULE_WORDS: Record<string, string> = {
  name: '',
  case: 'its capitals make it a name here',
  cue: 'a nearby word confirms it',
  'named-elsewhere': 'the article names it unambiguously elsewhere',
  'attack-id': 'an ATT&CK id',
  defanged: 'written defanged',
  head: 'an organisation word ends the name',
  gov: 'a country’s government or forces',
  apposition: 'the text says what it is',
  acronym: 'the abbreviation given after its full name',
  repeat: 'a later mention of a name found earlier',
};

function ruleWords(rule: string | undefined): string {
  if (!rule) return '';
  const words = RULE_WORDS[rule] ?? rule.replace(/-/g, ' ');
  return words ? ` — ${words}` : '';
}

const PATTERN_WORDS: Record<string, string> = {
  cve: 'CVE id',
  'attack-id': 'ATT&CK id',
  ...INDICATOR_LABELS,
};

/** Each source of a comma-joined list, in words; `text` means the article itself, no catalogue. */
function sourcesWords(source: string | undefined): string {
  const list = (source ?? '').split(',').filter((s) => s && s !== 'text');
  return list.length ? ` (${list.map(sourceLabel).join('; ')})` : '';
}

/** "Matched “Fancy Bear”, an alias of APT28 (MISP galaxy “threat-actor”)." */
export function whyMatched(m: Pick<EntityMatch, 'text' | 'name' | 'why' | 'type'>): string {
  const why = m.why ?? {};
  const src = sourcesWords(why.source);
  if (why.pattern) {
    const pattern = PATTERN_WORDS[why.pattern] ?? why.pattern;
    const defanged = m.type === 'indicator' && m.text !== m.name ? `; written defanged, read as ${m.name}` : '';
    return `Matched the ${pattern} pattern${defanged}${src}.`;
  }
  const alias = why.alias ?? m.text;
  const rule = ruleWords(why.rule);
  if (alias.toLowerCase() === m.name.toLowerCase()) return `Matched the name “${alias}”${src}${rule}.`;
  return `Matched “${alias}”, an alias of ${m.name}${src}${rule}.`;
}
