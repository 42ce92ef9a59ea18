/**
 * Looks up the seed's places by ISO code or by name, so that importers can turn "RU", "Russian Federation"
 * or "China" into the location key the seed uses (`location:russia`).
 */
import { placeRows } from './seed/places';
import { nameKey } from './keys';

let byIso: Map<string, string> | undefined;
let byName: Map<string, string> | undefined;

function build(): void {
  byIso = new Map();
  byName = new Map();
  for (const row of placeRows()) {
    const key = `location:${row.id}`;
    const iso = row.meta?.iso;
    if (typeof iso === 'string') byIso.set(iso.toUpperCase(), key);
    // Names and aliases, but not the ambiguous ones ("Georgia" stays the country: it is its name).
    for (const n of [row.name, ...(row.aliases ?? [])]) {
      const k = nameKey(n);
      if (k && !byName.has(k)) byName.set(k, key);
    }
  }
  // Historical codes that sources still write.
  byIso.set('UK', 'location:united-kingdom');
  byIso.set('SU', 'location:russia');
}

/** `location:…` key of a country given by ISO 3166-1 alpha-2 code. */
export function placeKeyByIso(iso: string): string | undefined {
  if (!byIso) build();
  return byIso!.get(iso.trim().toUpperCase());
}

/** `location:…` key of a place given by name, alias or demonym ("Russian Federation", "Iranian"). */
export function placeKeyByName(name: string): string | undefined {
  if (!byName) build();
  return byName!.get(nameKey(name));
}

/** A country given either way: two capital letters are read as an ISO code, anything else as a name. */
export function placeKey(value: string): string | undefined {
  const v = value.trim();
  if (/^[A-Za-z]{2}$/.test(v)) return placeKeyByIso(v) ?? placeKeyByName(v);
  return placeKeyByName(v);
}
