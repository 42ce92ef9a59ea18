/** Card facts from catalogue entries and KEV rows: what the user sees about an entity, nothing more. */
import type { CatalogueEntry } from '../../shared/types';
import type { KevRow } from '../db/schema';
import type { EntityFacts } from '../../shared/analysis/protocol';

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

/** `location:united-kingdom` → `United Kingdom` when nothing better is known. */
export function nameFromKey(key: string): string {
  return key
    .slice(key.indexOf(':') + 1)
    .split('-')
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** A card shows a few lines; imported descriptions run to pages (MISP, ATT&CK), and every page load carries them. */
const MAX_DESCRIPTION = 320;

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const sentence = cut.lastIndexOf('. ');
  return sentence > max / 2 ? cut.slice(0, sentence + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

export function toFacts(entry: CatalogueEntry, countryName?: string, kev?: KevRow): EntityFacts {
  const f: EntityFacts = {
    key: entry.key,
    type: entry.type,
    name: entry.name,
    aliases: entry.aliases.slice(0, 12),
    sources: [...entry.sources],
  };
  if (entry.subtype) f.subtype = entry.subtype;
  if (entry.description) f.description = shorten(entry.description, MAX_DESCRIPTION);
  if (entry.country) f.country = countryName ?? nameFromKey(entry.country);
  if (entry.refs?.length) f.refs = entry.refs.slice(0, 5);
  const mitreId = str(entry.meta?.mitreId);
  if (mitreId) f.mitreId = mitreId;
  if (entry.type === 'vulnerability') f.kev = kevFacts(entry, kev);
  return f;
}

/**
 * The key of the family whose crew an actor key names, as the engine writes them (`actor:darkside` for the
 * people behind `malware:darkside`, rule sentence-says-crew); undefined for keys of other kinds.
 */
export function familyKeyOfCrew(key: string): string | undefined {
  return key.startsWith('actor:') && key.length > 'actor:'.length ? `malware:${key.slice('actor:'.length)}` : undefined;
}

/**
 * Facts for the crew behind a family the catalogue holds only as malware ("DarkSide affiliates"): the
 * family's names, sources and references, its description said to be of the crew behind it. Its ATT&CK
 * software id is the family's, not the crew's, so it is left out.
 */
export function crewFacts(key: string, family: CatalogueEntry): EntityFacts {
  const kind = family.subtype === 'ransomware' ? 'ransomware' : family.subtype === 'tool' ? 'tool' : 'malware';
  const lead = `The crew behind the ${family.name} ${kind}.`;
  const f: EntityFacts = {
    key,
    type: 'actor',
    name: family.name,
    aliases: family.aliases.slice(0, 12),
    sources: [...family.sources],
    description: family.description ? shorten(`${lead} ${family.description}`, MAX_DESCRIPTION) : lead,
  };
  if (family.refs?.length) f.refs = family.refs.slice(0, 5);
  return f;
}

/** KEV facts from the KEV table when the sync has it, else from what the KEV importer put in the entry's meta. */
function kevFacts(entry: CatalogueEntry | undefined, kev: KevRow | undefined): NonNullable<EntityFacts['kev']> {
  if (kev) {
    return {
      inKev: true,
      vendor: kev.vendor,
      product: kev.product,
      name: kev.name,
      dateAdded: kev.dateAdded,
      dueDate: kev.dueDate,
      knownRansomware: kev.knownRansomware,
    };
  }
  const meta = entry?.meta ?? {};
  if (!entry?.sources.includes('kev')) return { inKev: false };
  return {
    inKev: true,
    vendor: str(meta.vendor),
    product: str(meta.product),
    name: str(meta.title),
    dateAdded: str(meta.kevAdded),
    dueDate: str(meta.dueDate),
    knownRansomware: meta.ransomware === true,
  };
}

/** Facts for a key the catalogue does not hold (a CVE or an indicator found by pattern). */
export function bareFacts(key: string, type: EntityFacts['type'], name: string, subtype?: string, kev?: KevRow): EntityFacts {
  const f: EntityFacts = { key, type, name, aliases: [], sources: [] };
  if (subtype) f.subtype = subtype;
  if (type === 'vulnerability') {
    f.kev = kevFacts(undefined, kev);
    if (kev) f.sources.push('kev');
  }
  return f;
}
