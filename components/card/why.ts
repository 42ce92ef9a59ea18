/** Words for where a fact came from and why a piece of text was taken for an entity. */
import type { EntityMatch } from '../../lib/types';

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

/** "Matched “Fancy Bear”, an alias of APT28 (MISP galaxy “threat-actor”)." */
export function whyMatched(m: Pick<EntityMatch, 'text' | 'name' | 'why' | 'type'>): string {
  const why = m.why ?? {};
  const src = why.source ? ` (${sourceLabel(why.source)})` : '';
  if (why.pattern) {
    const defanged = m.type === 'indicator' && m.text !== m.name ? `; written defanged, read as ${m.name}` : '';
    return `Matched the ${why.pattern} pattern${defanged}${src}.`;
  }
  const alias = why.alias ?? m.text;
  const rule = why.rule ? ` — ${why.rule}` : '';
  if (alias.toLowerCase() === m.name.toLowerCase()) return `Matched the name “${alias}”${src}${rule}.`;
  return `Matched “${alias}”, an alias of ${m.name}${src}${rule}.`;
}
