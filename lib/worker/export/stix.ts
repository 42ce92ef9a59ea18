/**
 * Saved articles as a STIX 2.1 bundle: a `report` per article, with the entities it names and the
 * incidents it reports as STIX objects and relationships, for OpenCTI, MISP and friends.
 *
 * Ids are UUIDv5 of what the object is (an entity's key, an indicator's value, a relationship's ends, an
 * article's URL), so that exporting twice, or two articles naming APT28, give one object downstream.
 * Objects shared between articles carry fixed timestamps (SHARED_TIME): a second export must not look
 * like a new version of them. A report carries its article's own times (saved, updated, published).
 *
 * Mapping: actor → intrusion-set; malware → malware (ransomware typed), tools → tool; vulnerability →
 * vulnerability (CVE external reference); technique → attack-pattern (ATT&CK id as external reference);
 * attack type → attack-pattern; indicator → indicator (STIX pattern, refanged value); location → location
 * (ISO country code); organisation and vendor → identity. Products have no STIX object of their own and
 * are left out (their vendor is kept). Relationships come from the incidents: the actor `uses` the malware,
 * tools and techniques and `targets` the victim, the place and the CVEs; without an actor the malware does;
 * malware `exploits` CVEs; indicators `indicate` the incident's actor or malware.
 */
import { v5 as uuidv5 } from 'uuid';
import type { SavedArticle, SavedEntity } from '../../shared/messaging';
import type { EntityRef, Incident } from '../../shared/types';
import { INCIDENT_LABELS } from '../../shared/types';
import { placeRows } from '../knowledge/seed/places';

/** Incident Lens's UUIDv5 namespace (a random UUID, fixed once). */
const STIX_NAMESPACE = 'f8827632-b82f-4319-9962-fa188cea5036';
/** created/modified of objects shared between articles (entities, relationships). */
const SHARED_TIME = '2020-01-01T00:00:00.000Z';

type StixObject = Record<string, unknown> & { type: string; id: string };
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

const stixId = (type: string, name: string) => `${type}--${uuidv5(`${type}|${name}`, STIX_NAMESPACE)}`;

/** An ISO timestamp STIX accepts (UTC, milliseconds, Z), from a date, a date-time or ms since epoch. */
export function stixTime(value: string | number | undefined, fallback?: string): string | undefined {
  if (value === undefined || value === '') return fallback;
  const t =
    typeof value === 'number'
      ? value
      : Date.parse(/^\d{4}(-\d{2}){0,2}$/.test(value) ? `${value.padEnd(10, '-01').slice(0, 10)}T00:00:00Z` : value);
  return Number.isNaN(t) ? fallback : new Date(t).toISOString();
}

let placeIso: Map<string, { iso?: string; city?: boolean; countryIso?: string }> | undefined;
function placeInfo(key: string): { iso?: string; city?: boolean; countryIso?: string } | undefined {
  if (!placeIso) {
    placeIso = new Map();
    const isoOf = new Map(placeRows().map((r) => [r.id, typeof r.meta?.iso === 'string' ? r.meta.iso : undefined]));
    for (const r of placeRows()) {
      const city = r.meta?.kind === 'city';
      placeIso.set(`location:${r.id}`, { iso: isoOf.get(r.id), city, countryIso: r.country ? isoOf.get(r.country) : undefined });
    }
  }
  return placeIso.get(key);
}

const ATTACK_URL = (id: string) => `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;

/** A STIX pattern for an indicator value (the refanged value the key holds). */
export function indicatorPattern(subtype: string, value: string): string | undefined {
  const quoted = `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const paths: Record<string, string> = {
    ipv4: 'ipv4-addr:value',
    ipv6: 'ipv6-addr:value',
    domain: 'domain-name:value',
    url: 'url:value',
    email: 'email-addr:value',
    md5: 'file:hashes.MD5',
    sha1: "file:hashes.'SHA-1'",
    sha256: "file:hashes.'SHA-256'",
    sha512: "file:hashes.'SHA-512'",
  };
  const path = paths[subtype];
  return path ? `[${path} = ${quoted}]` : undefined;
}

/** The value an indicator key holds: `indicator:ipv4:1.2.3.4` → `1.2.3.4`. */
function indicatorValue(e: Pick<SavedEntity, 'key' | 'subtype' | 'name'>): { subtype: string; value: string } {
  const m = /^indicator:([a-z0-9]+):(.+)$/.exec(e.key);
  return m ? { subtype: m[1], value: m[2] } : { subtype: e.subtype ?? '', value: e.name };
}

const shared = { spec_version: '2.1', created: SHARED_TIME, modified: SHARED_TIME };

/** The STIX object for an entity, or undefined for what has none (products). */
function entityObject(e: SavedEntity): StixObject | undefined {
  switch (e.type) {
    case 'actor':
      return { type: 'intrusion-set', id: stixId('intrusion-set', e.key), ...shared, name: e.name };
    case 'malware':
      if (e.subtype === 'tool') return { type: 'tool', id: stixId('tool', e.key), ...shared, name: e.name };
      return {
        type: 'malware',
        id: stixId('malware', e.key),
        ...shared,
        name: e.name,
        is_family: true,
        ...(e.subtype === 'ransomware' ? { malware_types: ['ransomware'] } : {}),
      };
    case 'vulnerability': {
      const cve = /^cve-\d{4}-\d+$/i.test(e.name) ? e.name.toUpperCase() : undefined;
      return {
        type: 'vulnerability',
        id: stixId('vulnerability', e.key),
        ...shared,
        name: e.name,
        ...(cve ? { external_references: [{ source_name: 'cve', external_id: cve, url: `https://www.cve.org/CVERecord?id=${cve}` }] } : {}),
      };
    }
    case 'technique': {
      const id = /^technique:(t\d{4}(?:\.\d{3})?)$/i.exec(e.key)?.[1]?.toUpperCase();
      return {
        type: 'attack-pattern',
        id: stixId('attack-pattern', e.key),
        ...shared,
        name: e.name,
        ...(id ? { external_references: [{ source_name: 'mitre-attack', external_id: id, url: ATTACK_URL(id) }] } : {}),
      };
    }
    case 'attack':
      return { type: 'attack-pattern', id: stixId('attack-pattern', e.key), ...shared, name: e.name };
    case 'organization':
    case 'vendor':
      return { type: 'identity', id: stixId('identity', e.key), ...shared, name: e.name, identity_class: 'organization' };
    case 'location': {
      const place = placeInfo(e.key);
      const where = place?.city
        ? { city: e.name, ...(place.countryIso ? { country: place.countryIso } : { region: e.name }) }
        : place?.iso
          ? { country: place.iso }
          : { region: e.name };
      return { type: 'location', id: stixId('location', e.key), ...shared, name: e.name, ...where };
    }
    case 'indicator': {
      const { subtype, value } = indicatorValue(e);
      const pattern = indicatorPattern(subtype, value);
      if (!pattern) return undefined;
      return {
        type: 'indicator',
        id: stixId('indicator', pattern),
        ...shared,
        name: value,
        indicator_types: ['unknown'],
        pattern,
        pattern_type: 'stix',
        valid_from: SHARED_TIME,
      };
    }
    default:
      return undefined;
  }
}

function relationship(type: string, source: StixObject, target: StixObject): StixObject {
  return {
    type: 'relationship',
    id: stixId('relationship', `${type}|${source.id}|${target.id}`),
    ...shared,
    relationship_type: type,
    source_ref: source.id,
    target_ref: target.id,
  };
}

/** The relationships an incident states between the objects of its article. */
function incidentRelationships(incident: Incident, objectOf: (ref: EntityRef | undefined) => StixObject | undefined): StixObject[] {
  const refs = [incident.victim, incident.place, ...(incident.entities ?? [])]
    .map(objectOf)
    .filter((o): o is StixObject => o !== undefined);
  const actor = objectOf(incident.actor);
  const malware = refs.filter((o) => o.type === 'malware');
  const doer = actor?.type === 'intrusion-set' ? actor : malware[0];
  const out: StixObject[] = [];
  for (const o of refs) {
    if (o === doer) continue;
    if (doer?.type === 'intrusion-set' && ['malware', 'tool', 'attack-pattern'].includes(o.type)) out.push(relationship('uses', doer, o));
    else if (doer && ['identity', 'location', 'vulnerability'].includes(o.type)) out.push(relationship('targets', doer, o));
    if (o.type === 'malware') for (const v of refs.filter((r) => r.type === 'vulnerability')) out.push(relationship('exploits', o, v));
    if (o.type === 'indicator' && doer) out.push(relationship('indicates', o, doer));
  }
  return out;
}

/** The report of one article and every object it refers to. */
function articleObjects(article: SavedArticle): { report: StixObject; objects: StixObject[] } {
  const byKey = new Map<string, StixObject>();
  for (const e of article.entities) {
    const o = entityObject(e);
    if (o) byKey.set(e.key, o);
  }
  const objectOf = (ref: EntityRef | undefined) => (ref ? byKey.get(ref.key) : undefined);
  const relations = article.incidents.flatMap((i) => incidentRelationships(i, objectOf));
  const objects = [...new Map([...byKey.values(), ...relations].map((o) => [o.id, o])).values()];
  // A report must refer to something: an article that names nothing STIX knows refers to its publisher.
  if (!objects.length) {
    objects.push({
      type: 'identity',
      id: stixId('identity', `site:${article.site}`),
      ...shared,
      name: article.site || article.url,
      identity_class: 'organization',
    });
  }
  const created = stixTime(article.savedAt)!;
  const modified = stixTime(Math.max(article.updatedAt ?? article.savedAt, article.savedAt))!;
  const summaries = article.incidents.map((i) => i.summary || INCIDENT_LABELS[i.type]);
  const description = [
    article.excerpt,
    article.note ? `Note: ${article.note}` : '',
    summaries.length ? `Incidents: ${summaries.join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const report: StixObject = {
    type: 'report',
    id: stixId('report', article.url),
    spec_version: '2.1',
    created,
    modified,
    name: article.title,
    ...(description ? { description } : {}),
    report_types: ['threat-report'],
    published: stixTime(article.published, created),
    ...(article.tags.length ? { labels: article.tags } : {}),
    external_references: [
      { source_name: article.site || 'web', url: article.url, ...(article.author ? { description: `By ${article.author}` } : {}) },
    ],
    object_refs: objects.map((o) => o.id),
  };
  return { report, objects };
}

/** One bundle for the articles: each object once, in a stable order (reports first, then by id). */
export function stixBundle(articles: readonly SavedArticle[]): StixBundle {
  const reports: StixObject[] = [];
  const objects = new Map<string, StixObject>();
  for (const a of articles) {
    const { report, objects: own } = articleObjects(a);
    reports.push(report);
    for (const o of own) objects.set(o.id, o);
  }
  reports.sort((a, b) => (a.id < b.id ? -1 : 1));
  const rest = [...objects.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const all = [...reports, ...rest];
  return { type: 'bundle', id: stixId('bundle', all.map((o) => `${o.id}@${String(o.modified)}`).join(',')), objects: all };
}
