/**
 * OASIS's STIX 2.1 JSON schemas (../shared/fixtures/stix/schemas, read in place) compiled with ajv's
 * draft 2020-12 validator, every file registered under its own $id so that their relative $refs resolve.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const SCHEMA_DIR = resolve(import.meta.dirname, '../../../shared/fixtures/stix/schemas');
export const OASIS_EXAMPLES = resolve(SCHEMA_DIR, '../oasis-examples');

function* jsonFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsonFiles(path);
    else if (entry.name.endsWith('.json')) yield path;
  }
}

type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

let ajv: Ajv2020 | undefined;
let bundleId = '';
/** The $id of each STIX type's own schema (`location` → …/sdos/location.json). */
const typeIds = new Map<string, string>();
/** The types bundle.json's `objects` names (it misses some: see validateBundle). */
const bundleTypes = new Set<string>();

function compiler(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ strict: false, allErrors: false, unicodeRegExp: false }); // OASIS's patterns escape '-', which the u flag refuses
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  // ajv-formats has no idn-hostname (domain-name.json asks for it): labels of non-space, non-dot characters.
  ajv.addFormat('idn-hostname', /^(?=.{1,253}$)[^\s.]{1,63}(\.[^\s.]{1,63})*\.?$/u);
  for (const file of jsonFiles(SCHEMA_DIR)) {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id: string; properties?: { type?: { enum?: string[] } } };
    ajv.addSchema(schema);
    if (file.endsWith('common/bundle.json')) {
      bundleId = schema.$id;
      for (const m of readFileSync(file, 'utf8').matchAll(/"\$ref": "\.\.\/(?:sdos|sros|observables|common)\/([a-z0-9-]+)\.json"/g))
        bundleTypes.add(m[1]);
    } else if (/\/(sdos|sros|observables)\//.test(file)) {
      typeIds.set(file.replace(/^.*\/([a-z0-9-]+)\.json$/, '$1'), schema.$id);
    }
  }
  typeIds.set('marking-definition', typeIds.get('marking-definition') ?? '');
  return ajv;
}

function run(id: string, data: unknown): string[] {
  const validate = compiler().getSchema(id) as Validator;
  return validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/**
 * Validate a bundle with OASIS's schemas: the bundle against common/bundle.json, and every object against
 * its own type's schema. OASIS's bundle.json does not list every 2.1 type among a bundle's objects
 * (`location`, `grouping`, `note`, `opinion`, `incident` are missing, as `infrastructure` once was:
 * oasis-open/cti-stix2-json-schemas#133), and its fallback for custom types rejects an SDO of those types;
 * so objects of a type it misses are checked by their own schema only, the rest by both.
 */
export function validateBundle(bundle: unknown): { valid: boolean; errors: string[] } {
  compiler();
  const objects = (bundle as { objects?: unknown }).objects;
  const list = Array.isArray(objects) ? (objects as { type?: unknown }[]) : [];
  const listed = list.filter((o) => bundleTypes.has(String(o?.type)));
  const errors = run(bundleId, Array.isArray(objects) ? { ...(bundle as object), objects: listed } : bundle);
  list.forEach((o, i) => {
    const id = typeIds.get(String(o?.type));
    if (!id) errors.push(`/objects/${i} no OASIS schema for type "${String(o?.type)}"`);
    else errors.push(...run(id, o).map((e) => `/objects/${i}${e}`));
  });
  return { valid: errors.length === 0, errors };
}

/** The types the bundle schema lists for its objects (for the test that shows what it misses). */
export function typesBundleSchemaLists(): Set<string> {
  compiler();
  return bundleTypes;
}

export function readExample(name: string): { objects: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(join(OASIS_EXAMPLES, name), 'utf8'));
}
