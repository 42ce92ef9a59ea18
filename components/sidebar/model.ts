/** What the sidebar shows, computed from the analysis: plain functions, tested without a DOM. */
import type { EntityMatch, EntityType, Incident } from '../../lib/shared/types';
import { ENTITY_TYPES } from '../../lib/shared/types';

interface EntityItem {
  key: string;
  name: string;
  count: number;
}

export interface EntityGroup {
  type: EntityType;
  items: EntityItem[];
  /** Mentions of all the group's entities. */
  count: number;
}

/**
 * Names in alphabetical order, case aside. Plain code-unit order: `localeCompare` and `Intl.Collator` load
 * the browser's collation data on first use, ~11 ms of the sidebar's first render on every page.
 */
function byName(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** Entities grouped by type (in the contract's order), each entity once with its number of mentions, most first. */
export function groupEntities(matches: readonly Pick<EntityMatch, 'type' | 'key' | 'name'>[]): EntityGroup[] {
  const byType = new Map<EntityType, Map<string, EntityItem>>();
  for (const m of matches) {
    let items = byType.get(m.type);
    if (!items) byType.set(m.type, (items = new Map()));
    const item = items.get(m.key);
    if (item) item.count++;
    else items.set(m.key, { key: m.key, name: m.name, count: 1 });
  }
  return ENTITY_TYPES.filter((t) => byType.has(t)).map((type) => {
    const items = [...(byType.get(type) as Map<string, EntityItem>).values()].sort((a, b) => b.count - a.count || byName(a.name, b.name));
    return { type, items, count: items.reduce((n, i) => n + i.count, 0) };
  });
}

export { INCIDENT_LABELS } from '../../lib/shared/types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2023-09` → `September 2023`; `2023-10-20` → `20 October 2023`; `2023` stays. Written out, not locale-dependent. */
export function formatWhen(when: string | undefined): string | undefined {
  if (!when) return undefined;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(when);
  if (!m) return when;
  const [, y, mo, d] = m;
  if (!mo) return y;
  const month = MONTHS[Number(mo) - 1];
  if (!month) return when;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/**
 * An incident's summary for reading: the engine ends it with the event's ISO date ("…, 2023-09"), which a
 * reader gets written out ("…, September 2023"). The date is read at the summary's end, not from `when`: a
 * related incident (a cluster of feed items) carries its summary but no `when` of its own.
 */
export function readableSummary(summary: string): string {
  const m = /, (\d{4}-\d{2}(?:-\d{2})?)$/.exec(summary);
  const written = m ? formatWhen(m[1]) : undefined;
  return m && written ? `${summary.slice(0, -m[1].length)}${written}` : summary;
}

/** One line that says who was hit, by whom, when: for the sidebar's incident list. */
export function incidentLine(inc: Pick<Incident, 'victim' | 'actor' | 'when' | 'place'>): string {
  const parts: string[] = [];
  if (inc.victim) parts.push(`Victim: ${inc.victim.name}`);
  if (inc.actor) parts.push(`Actor: ${inc.actor.name}`);
  const when = formatWhen(inc.when);
  if (when) parts.push(`When: ${when}`);
  if (inc.place) parts.push(`Where: ${inc.place.name}`);
  return parts.join(' · ');
}
