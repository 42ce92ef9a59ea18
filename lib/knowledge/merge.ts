/**
 * One catalogue out of many: the seed and whatever the importers produced. Entries that describe the same
 * entity become one entry.
 *
 * Entries join (union-find) when they share a key, or, within one entity type, a name or alias (compared
 * by `nameKey`: case, accents, spaces and punctuation ignored). Stronger evidence is applied first: same
 * key, then name = name, then name = alias, then alias = alias. A join is refused when
 * - both sides already hold a seed entry (the seed is curated: two seed entries are two entities),
 * - both sides hold an entry of the same source (a source that lists two entries means two entities;
 *   MISP's "Lotus Panda" on two different clusters must not weld them together),
 * - the shared alias is shorter than 4 characters ("ASA", "EPM", "TA5"), or
 * - both are products of different vendors (Cisco "IOS" and Apple "iOS").
 * The merged entry takes the seed's key, name, description, country and subtype when there is a seed
 * entry, and otherwise those of its most authoritative source (ATT&CK, then MISP's mitre-* clusters, then
 * the other MISP clusters, then KEV). Aliases, sources, refs, cues and meta are united.
 *
 * Junk is dropped on the way in, from imported entries only: aliases of one or two characters, pure
 * numbers and words that name nothing ("Unknown", "Ransomware", "Backdoor"), and imported aliases that
 * are the name of a seed entry of another type (an actor "aka Iran"). After merging, an alias still
 * claimed by two entries of one type is kept by one (its name, else the seed's, else the better-sourced).
 */
import type { CatalogueEntry, EntityType } from '../types';
import { cleanName, nameKey } from './keys';

export interface MergeReport {
  input: number;
  output: number;
  /** Joins refused, by reason, with a few examples ("actor: 'Lotus Panda' (misp:threat-actor twice)"). */
  refused: Record<'seed' | 'same-source' | 'short-alias' | 'vendor' | 'technique-id', number>;
  refusedExamples: string[];
  /** Junk aliases removed from imported entries. */
  junkAliases: number;
  /** Imported entries dropped because their name itself was junk. */
  junkEntries: number;
  /** Imported aliases dropped because they name a seed entity of another type. */
  crossTypeAliases: number;
  /** Aliases claimed by several merged entries of one type, removed from all but one. */
  aliasConflicts: number;
  aliasConflictExamples: string[];
}

/** Words that sources put in name or alias fields but that name no entity. */
const JUNK = new Set(
  [
    'unknown', 'other', 'others', 'none', 'na', 'n a', 'tbd', 'test', 'sample', 'generic', 'misc', 'various',
    'ransomware', 'ransom', 'malware', 'tool', 'tools', 'trojan', 'backdoor', 'rat', 'botnet', 'worm', 'virus',
    'loader', 'dropper', 'downloader', 'stealer', 'infostealer', 'spyware', 'adware', 'rootkit', 'exploit',
    'apt', 'group', 'actor', 'threat actor', 'hacker', 'hackers', 'hacktivist', 'hacktivists', 'criminal',
    'cybercriminals', 'agent', 'admin', 'update', 'updater', 'server', 'client', 'android', 'windows', 'linux',
    'macos', 'ios', 'unix', 'web', 'webshell', 'web shell', 'crypto', 'cryptor', 'locker', 'miner', 'bot',
    'payload', 'implant', 'banker', 'keylogger', 'phishing', 'spam', 'decryptor', 'fake',
  ].map(nameKey),
);

/** Types whose names the generic-word list is about (a product may well be called "Windows"). */
const JUNK_WORD_TYPES = new Set<EntityType>(['actor', 'malware', 'technique', 'attack']);

/**
 * True for an alias that names nothing: 1–2 characters or only digits; for actors, malware and
 * techniques also a generic word ("Unknown", "Ransomware", "Backdoor").
 */
export function isJunkAlias(alias: string, type?: EntityType): boolean {
  const k = nameKey(alias);
  return k.length <= 2 || /^\d+$/.test(k) || ((!type || JUNK_WORD_TYPES.has(type)) && JUNK.has(k));
}

const MIN_JOIN_ALIAS = 4;

function priority(source: string): number {
  if (source === 'seed') return 0;
  if (source === 'attack') return 1;
  if (source.startsWith('misp:mitre-')) return 2;
  if (source.startsWith('misp:')) return 3;
  if (source === 'kev') return 4;
  return 5;
}

function entryPriority(e: CatalogueEntry): number {
  return Math.min(...e.sources.map(priority), 9);
}

const isSeed = (e: CatalogueEntry): boolean => e.sources.includes('seed');

/** Merge catalogues; see the module comment for the rules. */
export function mergeCatalogues(...lists: CatalogueEntry[][]): CatalogueEntry[] {
  return mergeCataloguesWithReport(lists).entries;
}

export function mergeCataloguesWithReport(lists: CatalogueEntry[][]): { entries: CatalogueEntry[]; report: MergeReport } {
  const report: MergeReport = {
    input: 0,
    output: 0,
    refused: { seed: 0, 'same-source': 0, 'short-alias': 0, vendor: 0, 'technique-id': 0 },
    refusedExamples: [],
    junkAliases: 0,
    junkEntries: 0,
    crossTypeAliases: 0,
    aliasConflicts: 0,
    aliasConflictExamples: [],
  };
  const all = lists.flat();
  report.input = all.length;

  // Names of seed entries per type, to keep imported aliases from claiming a seed name of another type.
  const seedNames = new Map<string, string>();
  for (const e of all) {
    if (!isSeed(e)) continue;
    for (const n of [e.name, ...e.aliases]) {
      const k = nameKey(n);
      if (k && !seedNames.has(k)) seedNames.set(k, e.type);
    }
  }

  const entries: CatalogueEntry[] = [];
  for (const e of all) {
    const c = isSeed(e) ? e : cleanImported(e, seedNames, report);
    if (c) entries.push(c);
  }

  const seedKeys = new Set<string>();
  for (const e of entries) if (isSeed(e)) for (const n of [e.name, ...e.aliases]) seedKeys.add(`${e.type}|${nameKey(n)}`);

  const uf = new UnionFind(entries);
  const refuse = (reason: keyof MergeReport['refused'], what: string): void => {
    report.refused[reason]++;
    if (report.refusedExamples.length < 40) report.refusedExamples.push(`${reason}: ${what}`);
  };

  // 1. Same key: the same entity by definition.
  const byKey = new Map<string, number>();
  entries.forEach((e, i) => {
    const j = byKey.get(e.key);
    if (j === undefined) byKey.set(e.key, i);
    else uf.union(i, j);
  });

  // 2–4. Shared names and aliases within a type, strongest evidence first.
  const names = new Map<string, number[]>();
  const aliases = new Map<string, number[]>();
  entries.forEach((e, i) => {
    push(names, `${e.type}|${nameKey(e.name)}`, i);
    for (const a of e.aliases) push(aliases, `${e.type}|${nameKey(a)}`, i);
  });
  const tryJoin = (i: number, j: number, shared: string): void => {
    const a = uf.find(i);
    const b = uf.find(j);
    if (a === b) return;
    const label = `${entries[i].type} '${shared}' (${entries[i].key} / ${entries[j].key})`;
    if (shared.length < MIN_JOIN_ALIAS) return refuse('short-alias', label);
    if (uf.seed[a] && uf.seed[b]) return refuse('seed', label);
    if (uf.vendor[a] && uf.vendor[b] && uf.vendor[a] !== uf.vendor[b]) return refuse('vendor', label);
    if (uf.technique[a] && uf.technique[b] && uf.technique[a] !== uf.technique[b]) return refuse('technique-id', label);
    // A name the seed gives its own entry is the seed's word that the two are one, whatever a source says.
    const vouched = (uf.seed[a] || uf.seed[b]) && seedKeys.has(`${entries[i].type}|${shared}`);
    if (!vouched) {
      for (const s of uf.sources[a]) if (s !== 'seed' && uf.sources[b].has(s)) return refuse('same-source', `${label} [${s}]`);
    }
    uf.union(a, b);
  };
  for (const [k, idx] of names) {
    const shared = k.slice(k.indexOf('|') + 1);
    for (let n = 1; n < idx.length; n++) tryJoin(idx[0], idx[n], shared);
  }
  for (const [k, idx] of names) {
    const withAlias = aliases.get(k);
    if (!withAlias) continue;
    const shared = k.slice(k.indexOf('|') + 1);
    for (const i of idx) for (const j of withAlias) tryJoin(i, j, shared);
  }
  for (const [k, idx] of aliases) {
    const shared = k.slice(k.indexOf('|') + 1);
    for (let n = 1; n < idx.length; n++) tryJoin(idx[0], idx[n], shared);
  }

  const groups = new Map<number, CatalogueEntry[]>();
  entries.forEach((e, i) => push(groups, uf.find(i), e));
  const merged = [...groups.values()].map(combine);
  resolveAliasConflicts(merged, report);
  report.output = merged.length;
  return { entries: merged, report };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** An imported entry without its junk aliases; undefined when its name itself is junk. */
function cleanImported(e: CatalogueEntry, seedNames: Map<string, string>, report: MergeReport): CatalogueEntry | undefined {
  const keep = (a: string): boolean => {
    if (isJunkAlias(a, e.type)) {
      report.junkAliases++;
      return false;
    }
    const seedType = seedNames.get(nameKey(a));
    if (seedType && seedType !== e.type) {
      report.crossTypeAliases++;
      return false;
    }
    return true;
  };
  const aliases = e.aliases.filter(keep);
  let name = e.name;
  // Vulnerabilities are keyed by id; vendors can be two letters ("F5", "LG"); others need a real name.
  if (e.type !== 'vulnerability' && (e.type === 'vendor' ? nameKey(name).length < 2 : isJunkAlias(name, e.type))) {
    const better = aliases.find((a) => nameKey(a).length > 2);
    if (!better) {
      report.junkEntries++;
      return undefined;
    }
    name = better;
  }
  const ambiguous = e.ambiguous?.filter((a) => a === name || aliases.includes(a));
  return { ...e, name, aliases: aliases.filter((a) => a !== name), ambiguous: ambiguous?.length ? ambiguous : undefined };
}

/** The entries of one component as one entry. */
function combine(members: CatalogueEntry[]): CatalogueEntry {
  if (members.length === 1) return stripUndefined({ ...members[0] });
  const sorted = [...members].sort((a, b) => entryPriority(a) - entryPriority(b));
  const head = sorted[0];
  const seed = sorted.find(isSeed);

  const seen = new Set<string>([lower(head.name)]);
  const aliases: string[] = [];
  for (const m of sorted) {
    for (const a of [m.name, ...m.aliases]) {
      const l = lower(a);
      if (!seen.has(l)) {
        seen.add(l);
        aliases.push(cleanName(a));
      }
    }
  }

  let subtype = seed?.subtype;
  if (!subtype && head.type === 'malware') {
    subtype = sorted.some((m) => m.subtype === 'ransomware') ? 'ransomware' : sorted.find((m) => m.subtype)?.subtype;
  } else if (!subtype) subtype = sorted.find((m) => m.subtype)?.subtype;

  // The seed decides for its own aliases whether they need a cue; imported flags count for the rest.
  const seedNames = new Set(seed ? [seed.name, ...seed.aliases].map(lower) : []);
  const ambiguous = unique(
    sorted.flatMap((m) => (m.ambiguous ?? []).filter((a) => isSeed(m) || !seedNames.has(lower(a)))),
  );

  const meta: NonNullable<CatalogueEntry['meta']> = {};
  for (const m of [...sorted].reverse()) Object.assign(meta, m.meta);

  const out: CatalogueEntry = {
    key: head.key,
    type: head.type,
    name: head.name,
    aliases,
    subtype,
    description: sorted.find((m) => m.description)?.description,
    country: sorted.find((m) => m.country)?.country,
    sources: unique(sorted.flatMap((m) => m.sources)),
    refs: unique(sorted.flatMap((m) => m.refs ?? [])).slice(0, 8),
    ambiguous: ambiguous.length ? ambiguous : undefined,
    cues: unique(sorted.flatMap((m) => m.cues ?? [])),
    meta: Object.keys(meta).length ? meta : undefined,
  };
  return stripUndefined(out);
}

function resolveAliasConflicts(merged: CatalogueEntry[], report: MergeReport): void {
  const claims = new Map<string, CatalogueEntry[]>();
  for (const e of merged) {
    for (const a of e.aliases) push(claims, `${e.type}|${lower(a)}`, e);
  }
  const names = new Map<string, CatalogueEntry>();
  for (const e of merged) {
    const k = `${e.type}|${lower(e.name)}`;
    const other = names.get(k);
    if (!other || rank(e) < rank(other)) names.set(k, e);
  }
  for (const [k, claimants] of claims) {
    const owner = names.get(k);
    const all = owner && !claimants.includes(owner) ? [owner, ...claimants] : claimants;
    if (all.length < 2) continue;
    // The seed's word first (its name, then its alias), then whoever has it as a name, then the best-sourced.
    const keeper =
      (owner && isSeed(owner) ? owner : undefined) ??
      claimants.find(isSeed) ??
      owner ??
      [...all].sort((a, b) => rank(a) - rank(b))[0];
    const alias = k.slice(k.indexOf('|') + 1);
    for (const e of claimants) {
      if (e === keeper) continue;
      e.aliases = e.aliases.filter((a) => lower(a) !== alias);
      if (e.ambiguous) e.ambiguous = e.ambiguous.filter((a) => lower(a) !== alias);
      report.aliasConflicts++;
      if (report.aliasConflictExamples.length < 40) report.aliasConflictExamples.push(`'${alias}': kept by ${keeper.key}, removed from ${e.key}`);
    }
  }
}

/** Lower is better: seed first, then by source authority, then the better-sourced. */
function rank(e: CatalogueEntry): number {
  return entryPriority(e) * 100 - Math.min(e.sources.length, 99);
}

function lower(s: string): string {
  return cleanName(s).toLowerCase();
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function stripUndefined(e: CatalogueEntry): CatalogueEntry {
  const o = e as unknown as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v === undefined || (Array.isArray(v) && v.length === 0 && k !== 'aliases' && k !== 'sources')) delete o[k];
  }
  return e;
}

/** Union-find over entry indexes that keeps, per component, what the join guards ask about. */
class UnionFind {
  parent: Int32Array;
  seed: boolean[];
  sources: Set<string>[];
  vendor: (string | undefined)[];
  technique: (string | undefined)[];

  constructor(entries: CatalogueEntry[]) {
    this.parent = Int32Array.from(entries, (_, i) => i);
    this.seed = entries.map(isSeed);
    this.sources = entries.map((e) => new Set(e.sources));
    this.vendor = entries.map((e) => (e.type === 'product' && typeof e.meta?.vendorKey === 'string' ? e.meta.vendorKey : undefined));
    // Techniques are keyed on their ATT&CK id: two ids are two techniques even under one name
    // (Enterprise T1566.001 and ICS T0865 are both "Spearphishing Attachment").
    this.technique = entries.map((e) => (e.type === 'technique' ? e.key : undefined));
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) {
      const next = this.parent[i];
      this.parent[i] = r;
      i = next;
    }
    return r;
  }

  union(i: number, j: number): void {
    const a = this.find(i);
    const b = this.find(j);
    if (a === b) return;
    // Keep the larger source set as the root so that set merging stays cheap.
    const [root, child] = this.sources[a].size >= this.sources[b].size ? [a, b] : [b, a];
    this.parent[child] = root;
    this.seed[root] = this.seed[root] || this.seed[child];
    for (const s of this.sources[child]) this.sources[root].add(s);
    this.vendor[root] ??= this.vendor[child];
    this.technique[root] ??= this.technique[child];
  }
}
