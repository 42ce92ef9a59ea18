/**
 * MISP galaxy cluster files (github.com/MISP/misp-galaxy, clusters/*.json) → catalogue entries.
 *
 * The file's `type` decides the entity type:
 * - threat-actor, mitre-intrusion-set, microsoft-activity-group → actor
 * - ransomware → malware/ransomware; mitre-malware → malware/malware; mitre-tool → malware/tool
 * - tool → malware: that galaxy is mostly malware families (PlugX, Poison Ivy, njRAT, Winnti are filed
 *   there as "Backdoor"); only rows whose meta.type says HackTool, framework, PUA or packer are tools.
 * - botnet, rat, stealer, backdoor, banker, android → malware/malware (same shape, should the sync add them)
 * - mitre-attack-pattern → technique, keyed on the ATT&CK id (`technique:t1566.001`)
 * - country → location, keyed like the seed's places (ISO code → `location:russia`)
 * - sector → nothing: sectors are not entities in our contract (every row counted as ignored)
 * MITRE values read "APT28 - G0007": the id goes to an alias and meta.mitreId. Deprecated MITRE objects
 * (so said in their description) are left out.
 */
import * as v from 'valibot';
import type { CatalogueEntry, EntityType } from '../../../shared/types';
import { cleanName, entityKey, shortDescription, splitMitreSuffix } from '../keys';
import { placeKey, placeKeyByIso } from '../places-index';
import {
  aliasList,
  describesCompany,
  isSystemUtility,
  malwareSubtypeFromText,
  pickRefs,
  saysDeprecated,
  strings,
  type ImportResult,
} from './common';

const ClusterFile = v.looseObject({
  type: v.pipe(v.string(), v.minLength(1)),
  values: v.array(v.unknown()),
});

const ClusterValue = v.looseObject({
  value: v.pipe(v.string(), v.trim(), v.minLength(1)),
  description: v.optional(v.string()),
  meta: v.optional(v.record(v.string(), v.unknown())),
});
type ClusterValue = v.InferOutput<typeof ClusterValue>;

/** True when the parsed JSON looks like a MISP galaxy cluster file. */
export function isMispCluster(json: unknown): boolean {
  return v.is(ClusterFile, json);
}

type Kind =
  | { type: 'actor' }
  | { type: 'malware'; subtype: 'ransomware' | 'malware' | 'tool' | 'misp-tool' }
  | { type: 'technique' }
  | { type: 'location' }
  | { type: 'ignore' };

const KINDS: Record<string, Kind> = {
  'threat-actor': { type: 'actor' },
  'mitre-intrusion-set': { type: 'actor' },
  'microsoft-activity-group': { type: 'actor' },
  ransomware: { type: 'malware', subtype: 'ransomware' },
  'mitre-malware': { type: 'malware', subtype: 'malware' },
  'mitre-tool': { type: 'malware', subtype: 'tool' },
  tool: { type: 'malware', subtype: 'misp-tool' },
  botnet: { type: 'malware', subtype: 'malware' },
  rat: { type: 'malware', subtype: 'malware' },
  stealer: { type: 'malware', subtype: 'malware' },
  backdoor: { type: 'malware', subtype: 'malware' },
  banker: { type: 'malware', subtype: 'malware' },
  android: { type: 'malware', subtype: 'malware' },
  'mitre-attack-pattern': { type: 'technique' },
  country: { type: 'location' },
  sector: { type: 'ignore' },
};

export class UnsupportedGalaxyError extends Error {}

/** One word of lower-case letters, capitalised or not. */
const PLAIN_WORD = /^\p{Lu}?\p{Ll}+$/u;
const RANSOM_CUES = ['ransomware', 'ransom', 'encryptor', 'decryptor', 'ransom note', 'encrypted files'];

/** meta.type values of the "tool" galaxy that mean a tool rather than malware. */
const TOOL_TYPES = /hacktool|framework|pua|packer|exploit-kit|reco/i;

/**
 * Import one MISP galaxy cluster file (already parsed). Throws only when the file as a whole is not a
 * cluster file or is of a galaxy type we do not map; a bad row is skipped and counted.
 */
export function importMispGalaxy(json: unknown): ImportResult {
  const file = v.safeParse(ClusterFile, json);
  if (!file.success) throw new TypeError('not a MISP galaxy cluster file (needs "type" and "values")');
  const galaxy = file.output.type;
  const kind = KINDS[galaxy];
  if (!kind) throw new UnsupportedGalaxyError(`MISP galaxy type "${galaxy}" is not one the catalogue imports`);
  const source = `misp:${galaxy}`;
  const result: ImportResult = { entries: [], skipped: 0, ignored: 0 };
  for (const raw of file.output.values) {
    const row = v.safeParse(ClusterValue, raw);
    if (!row.success) {
      result.skipped++;
      continue;
    }
    if (kind.type === 'ignore') {
      result.ignored++;
      continue;
    }
    const entry = toEntry(row.output, kind, source);
    // A name with no letter or digit ("$$$") gives no key.
    if (entry === 'skip' || (typeof entry === 'object' && entry.key.endsWith(':'))) result.skipped++;
    else if (entry === 'ignore') result.ignored++;
    else result.entries.push(entry);
  }
  return result;
}

function toEntry(row: ClusterValue, kind: Kind, source: string): CatalogueEntry | 'skip' | 'ignore' {
  const meta = row.meta ?? {};
  if (source.startsWith('misp:mitre-') && saysDeprecated(row.description)) return 'ignore';
  const { name: baseName, mitreId: suffixId } = splitMitreSuffix(row.value);
  const externalId = strings(meta.external_id)[0];
  const mitreId = suffixId ?? (externalId ? cleanName(externalId) : undefined);
  const synonyms = strings(meta.synonyms).map((s) => splitMitreSuffix(s).name);
  const refs = pickRefs(strings(meta.refs), /attack\.mitre\.org|wikipedia\.org/);
  // Some rows describe themselves in one word ("Malware"): that tells a reader nothing.
  const description = (row.description?.length ?? 0) >= 20 ? shortDescription(row.description) : undefined;

  switch (kind.type) {
    case 'actor': {
      if (!baseName) return 'skip';
      const country =
        strings(meta.country).map(placeKey).find(Boolean) ?? strings(meta['cfr-suspected-state-sponsor']).map(placeKey).find(Boolean);
      return entry('actor', baseName, [...synonyms, ...(mitreId ? [mitreId] : [])], {
        source,
        description,
        refs,
        country,
        meta: mitreId ? { mitreId } : undefined,
      });
    }
    case 'malware': {
      const names = kind.subtype === 'ransomware' ? ransomwareNames(baseName) : [baseName];
      if (!names.length || !names[0]) return 'skip';
      const [name, ...rest] = names;
      const aliases = [...rest, ...synonyms.flatMap((s) => (kind.subtype === 'ransomware' ? ransomwareNames(s) : [s]))];
      if (mitreId) aliases.push(mitreId);
      let subtype: string = kind.subtype;
      if (kind.subtype === 'misp-tool') subtype = strings(meta.type).some((t) => TOOL_TYPES.test(t)) ? 'tool' : 'malware';
      else if (kind.subtype !== 'ransomware') subtype = malwareSubtypeFromText(row.description, kind.subtype);
      const e = entry('malware', name, aliases, {
        source,
        description,
        refs,
        subtype,
        meta: mitreId ? { mitreId } : undefined,
      });
      // ATT&CK's tools include the operating system's own programs (cmd, net.exe, schtasks): marked so.
      if (kind.subtype === 'tool' && isSystemUtility([name, ...aliases], description)) e.meta = { ...e.meta, systemUtility: true };
      // Software filed under the name of a company ("Allwinner is a company that…"): the name is the company's.
      if (describesCompany(description)) e.meta = { ...e.meta, companyName: true };
      // The ransomware galaxy is a long tail of obscure families named with plain words ("Python",
      // "Desktop", "Satan", "osiris", "Donald Trump"): bare, such a name counts only next to a ransom word. (The seed
      // decides for the well-known families it lists: merging drops these flags on its aliases.)
      if (kind.subtype === 'ransomware' && name.split(' ').every((w) => PLAIN_WORD.test(w))) {
        e.ambiguous = [name];
        e.cues = [...RANSOM_CUES];
        // The full form is how such a family can be named unambiguously ("Epsilon ransomware").
        const full = `${name} Ransomware`;
        if (!e.aliases.some((a) => a.toLowerCase() === full.toLowerCase())) e.aliases.push(full);
      }
      return e;
    }
    case 'technique': {
      const id = mitreId;
      if (!id || !baseName) return 'skip';
      const tactics = strings(meta.kill_chain)
        .map((k) => k.slice(k.lastIndexOf(':') + 1))
        .filter((t, i, all) => t && all.indexOf(t) === i);
      return {
        ...entry('technique', baseName, [id], {
          source,
          description,
          refs,
          meta: { mitreId: id, ...(tactics.length ? { tactics } : {}) },
        }),
        key: entityKey('technique', id),
      };
    }
    case 'location': {
      const iso = strings(meta.ISO)[0];
      const display = cleanName(row.description ?? '') || titleCase(baseName);
      if (!display) return 'skip';
      const key = (iso && placeKeyByIso(iso)) || entityKey('location', display);
      const aliases = display.toLowerCase() === baseName.toLowerCase() ? [] : [titleCase(baseName)];
      return {
        ...entry('location', display, aliases, { source, meta: iso ? { iso: iso.toUpperCase(), kind: 'country' } : { kind: 'country' } }),
        key,
      };
    }
    default:
      return 'ignore';
  }
}

interface EntryExtras {
  source: string;
  description?: string;
  refs?: string[];
  country?: string;
  subtype?: string;
  meta?: CatalogueEntry['meta'];
}

function entry(type: EntityType, name: string, aliases: string[], x: EntryExtras): CatalogueEntry {
  const e: CatalogueEntry = { key: entityKey(type, name), type, name, aliases: aliasList(name, aliases), sources: [x.source] };
  if (x.subtype) e.subtype = x.subtype;
  if (x.description) e.description = x.description;
  if (x.country) e.country = x.country;
  if (x.refs) e.refs = x.refs;
  if (x.meta) e.meta = x.meta;
  return e;
}

function titleCase(s: string): string {
  return s.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
}

const RANSOMWARE_WORD = /\s*\b(?:ransom(?:e)?ware)\b\s*$/i;

/**
 * The names a ransomware galaxy value stands for. Values read "Satan Ransomware", "LoveLock Ransomware or
 * Love2Lock Ransomware", "Cryptorium (Fake Ransomware)", "OpenToYou (Formerly known as OpenToDecrypt)".
 * The bare family name comes first (it is how news names it), then the full forms as aliases.
 */
export function ransomwareNames(value: string): string[] {
  let s = cleanName(value).replace(/^.*\bransomware:\s*/i, '');
  const formerly: string[] = [];
  s = s.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    const m = /^(?:formerly(?: known as)?|aka|a\.k\.a\.?|also known as)\s+(.+)$/i.exec(inner.trim());
    if (m) formerly.push(m[1]);
    return ' ';
  });
  const out: string[] = [];
  for (const part of s.split(/\s+or\s+/i)) {
    const full = cleanName(part);
    if (!full) continue;
    const bare = cleanName(full.replace(RANSOMWARE_WORD, ''));
    if (!bare) continue; // "Ransomware" alone names nothing
    out.push(bare);
    if (full !== bare) out.push(full);
  }
  for (const f of formerly) out.push(...ransomwareNames(f));
  return out;
}
