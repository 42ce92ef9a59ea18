/**
 * MITRE ATT&CK STIX 2.1 (github.com/mitre-attack/attack-stix-data) → catalogue entries. Accepts a bundle
 * (`{"type": "bundle", "objects": [...]}`) or a bare array of STIX objects.
 *
 * intrusion-set → actor (aliases), malware → malware (x_mitre_aliases; ransomware when its description
 * says so), tool → malware/tool, attack-pattern → technique keyed on its ATT&CK id. The ATT&CK id
 * (G0035, S0605, T0817) becomes an alias and meta.mitreId. Revoked and x_mitre_deprecated objects and
 * every other STIX type (relationships, detections, matrices ...) are counted as ignored.
 */
import * as v from 'valibot';
import type { CatalogueEntry, EntityType } from '../../../shared/types';
import { cleanName, entityKey, shortDescription } from '../keys';
import { aliasList, describesCompany, isSystemUtility, malwareSubtypeFromText, pickRefs, strings, type ImportResult } from './common';

const StixObject = v.looseObject({
  type: v.pipe(v.string(), v.minLength(1)),
  id: v.pipe(v.string(), v.minLength(1)),
});

const ExternalRef = v.looseObject({
  source_name: v.string(),
  external_id: v.optional(v.string()),
  url: v.optional(v.string()),
});

const NamedObject = v.looseObject({
  type: v.string(),
  id: v.string(),
  name: v.pipe(v.string(), v.trim(), v.minLength(1)),
  description: v.optional(v.string()),
  aliases: v.optional(v.unknown()),
  x_mitre_aliases: v.optional(v.unknown()),
  x_mitre_domains: v.optional(v.unknown()),
  revoked: v.optional(v.boolean()),
  x_mitre_deprecated: v.optional(v.boolean()),
  external_references: v.optional(v.array(v.unknown())),
});
type NamedObject = v.InferOutput<typeof NamedObject>;

const Bundle = v.looseObject({ type: v.literal('bundle'), objects: v.array(v.unknown()) });

/** The objects of a STIX bundle or bare array, or undefined when the JSON is neither. */
export function stixObjects(json: unknown): unknown[] | undefined {
  if (v.is(Bundle, json)) return json.objects;
  if (Array.isArray(json) && json.length > 0 && json.every((o) => v.is(StixObject, o))) return json;
  return undefined;
}

const HANDLED: Record<string, EntityType> = {
  'intrusion-set': 'actor',
  malware: 'malware',
  tool: 'malware',
  'attack-pattern': 'technique',
};

/** Import a parsed ATT&CK STIX bundle or array. Throws only when the JSON is neither. */
export function importAttackStix(json: unknown): ImportResult {
  const objects = stixObjects(json);
  if (!objects) throw new TypeError('not a STIX 2.1 bundle or array of STIX objects');
  const result: ImportResult = { entries: [], skipped: 0, ignored: 0 };
  for (const raw of objects) {
    if (!v.is(StixObject, raw)) {
      result.skipped++;
      continue;
    }
    const type = HANDLED[raw.type];
    if (!type) {
      result.ignored++;
      continue;
    }
    const parsed = v.safeParse(NamedObject, raw);
    if (!parsed.success) {
      result.skipped++;
      continue;
    }
    const o = parsed.output;
    if (o.revoked || o.x_mitre_deprecated) {
      result.ignored++;
      continue;
    }
    const e = toEntry(o, type);
    if (e) result.entries.push(e);
    else result.skipped++;
  }
  return result;
}

function toEntry(o: NamedObject, type: EntityType): CatalogueEntry | undefined {
  const refs = (o.external_references ?? []).flatMap((r) => (v.is(ExternalRef, r) ? [r] : []));
  const mitre = refs.find((r) => r.source_name === 'mitre-attack' && r.external_id);
  const mitreId = mitre?.external_id?.trim();
  const name = cleanName(o.name);
  const aliases = [...strings(o.aliases), ...strings(o.x_mitre_aliases)];
  if (mitreId) aliases.push(mitreId);
  const key = type === 'technique' ? (mitreId ? entityKey('technique', mitreId) : undefined) : entityKey(type, name);
  if (!key) return undefined;
  const e: CatalogueEntry = { key, type, name, aliases: aliasList(name, aliases), sources: ['attack'] };
  if (type === 'malware') e.subtype = o.type === 'tool' ? 'tool' : malwareSubtypeFromText(o.description, 'malware');
  const description = shortDescription(o.description);
  if (description) e.description = description;
  const urls = pickRefs(
    refs.flatMap((r) => (r.url ? [r.url] : [])),
    /attack\.mitre\.org/,
  );
  if (urls) e.refs = urls;
  const meta: NonNullable<CatalogueEntry['meta']> = { stixId: o.id };
  if (mitreId) meta.mitreId = mitreId;
  const domains = strings(o.x_mitre_domains);
  if (domains.length) meta.domains = domains;
  // The operating system's own programs that ATT&CK lists as tools (cmd, net.exe): see isSystemUtility.
  if (o.type === 'tool' && isSystemUtility([name, ...aliases], description)) meta.systemUtility = true;
  if (type === 'malware' && describesCompany(description)) meta.companyName = true;
  e.meta = meta;
  return e;
}
