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
 * - both are products of different vendors (Cisco "IOS" and Apple "iOS"), or
 * - neither holds a seed entry, and one holds a family ATT&CK describes as something other than ransomware
 *   while the other holds ransomware (MISP's ransomware list has an "aurora"; ATT&CK's Hydraq, a trojan, is
 *   also called Aurora: joined, the trojan would become ransomware). ATT&CK's descriptions say what a family
 *   is (importers/common.ts reads "X is ransomware" from them); a shared word does not outweigh that.
 * The merged entry takes the seed's key, name, description, country and subtype when there is a seed
 * entry, and otherwise those of its most authoritative source (ATT&CK, then MISP's mitre-* clusters, then
 * the other MISP clusters, then KEV). Aliases, sources, refs, cues and meta are united.
 *
 * Merge the raw lists (the seed and each import) every time, not a merged catalogue again: a merged
 * entry carries the source "seed" and would vouch for every alias it gathered, so a second pass joins more.
 * A malware family known only to a long-tail list keeps only the full form of a plain-word name
 * ("Python Ransomware", not "Python"); see fullFormOnly.
 * Junk is dropped on the way in, from imported entries only: aliases of one or two characters, pure
 * numbers and words that name nothing ("Unknown", "Ransomware", "Backdoor"), and imported names and
 * aliases that the seed gives an entity of another type (an actor "aka Iran"; MISP's tool "Turla" next
 * to the seed's actor Turla: the entry keeps its other names, or goes if it has none). After merging, an alias still
 * claimed by two entries of one type is kept by one (its name, else the seed's, else the better-sourced).
 */
import type { CatalogueEntry, EntityType } from '../../shared/types';
import { cleanName, nameKey, slug } from './keys';

interface MergeReport {
  input: number;
  output: number;
  /** Joins refused, by reason, with a few examples ("actor: 'Lotus Panda' (misp:threat-actor twice)"). */
  refused: Record<'seed' | 'same-source' | 'short-alias' | 'vendor' | 'technique-id' | 'kind', number>;
  refusedExamples: string[];
  /** Junk aliases removed from imported entries. */
  junkAliases: number;
  /** Imported entries whose name itself was junk: renamed to a better alias, or dropped without one. */
  junkEntries: number;
  /** Imported aliases dropped because they name a seed entity of another type. */
  crossTypeAliases: number;
  /** Imported entries whose name is a seed name of another type: renamed to another alias, or dropped. */
  crossTypeNames: number;
  /** Aliases claimed by several merged entries of one type, removed from all but one. */
  aliasConflicts: number;
  aliasConflictExamples: string[];
}

/** Words that sources put in name or alias fields but that name no entity. */
const JUNK = new Set(
  [
    'unknown',
    'other',
    'others',
    'none',
    'na',
    'n a',
    'tbd',
    'test',
    'sample',
    'generic',
    'misc',
    'various',
    'ransomware',
    'ransom',
    'malware',
    'tool',
    'tools',
    'trojan',
    'backdoor',
    'rat',
    'botnet',
    'worm',
    'virus',
    'loader',
    'dropper',
    'downloader',
    'stealer',
    'infostealer',
    'spyware',
    'adware',
    'rootkit',
    'exploit',
    'apt',
    'group',
    'actor',
    'threat actor',
    'hacker',
    'hackers',
    'hacktivist',
    'hacktivists',
    'criminal',
    'cybercriminals',
    'agent',
    'admin',
    'update',
    'updater',
    'server',
    'client',
    'android',
    'windows',
    'linux',
    'macos',
    'ios',
    'unix',
    'web',
    'webshell',
    'web shell',
    'crypto',
    'cryptor',
    'locker',
    'miner',
    'bot',
    'payload',
    'implant',
    'banker',
    'keylogger',
    'phishing',
    'spam',
    'decryptor',
    'fake',
  ].map(nameKey),
);

/** Types whose names the generic-word list is about (a product may well be called "Windows"). */
const JUNK_WORD_TYPES = new Set<EntityType>(['actor', 'malware', 'technique', 'attack']);

/**
 * True for an alias that names nothing: 1–2 characters or only digits; for actors, malware and
 * techniques also a generic word ("Unknown", "Ransomware", "Backdoor").
 */
export function isJunkAlias(alias: string, type?: EntityType, key = nameKey(alias)): boolean {
  const k = key;
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

export function mergeCataloguesWithReport(lists: CatalogueEntry[][]): MergeResult {
  const steps = mergeSteps(lists);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface MergeResult {
  entries: CatalogueEntry[];
  report: MergeReport;
}

/** Loop iterations between two points where a sliced merge may pause. */
const EVERY = 512;

/**
 * The merge as resumable steps: it yields every few hundred entries or names, so that a caller that must stay
 * responsive (the worker, answering pages meanwhile) can pause between slices; mergeCataloguesWithReport runs
 * it straight through. Both give the same catalogue.
 */
export function* mergeSteps(lists: CatalogueEntry[][]): Generator<void, MergeResult, void> {
  const report: MergeReport = {
    input: 0,
    output: 0,
    refused: { seed: 0, 'same-source': 0, 'short-alias': 0, vendor: 0, 'technique-id': 0, kind: 0 },
    refusedExamples: [],
    junkAliases: 0,
    junkEntries: 0,
    crossTypeAliases: 0,
    crossTypeNames: 0,
    aliasConflicts: 0,
    aliasConflictExamples: [],
  };
  const all = lists.flat();
  report.input = all.length;
  // nameKey is asked of the same strings again and again (seed check, joins, vouching): compute each once.
  const keyCache = new Map<string, string>();
  const nk = (n: string): string => {
    let k = keyCache.get(n);
    if (k === undefined) {
      k = nameKey(n);
      keyCache.set(n, k);
    }
    return k;
  };

  // Names of seed entries per type, to keep imported aliases from claiming a seed name of another type.
  const seedNames = new Map<string, Set<string>>();
  for (const e of all) {
    if (!isSeed(e)) continue;
    for (const n of [e.name, ...e.aliases]) {
      const k = nk(n);
      if (!k) continue;
      const types = seedNames.get(k);
      if (types) types.add(e.type);
      else seedNames.set(k, new Set([e.type]));
    }
  }

  yield;
  const entries: CatalogueEntry[] = [];
  for (let i = 0; i < all.length; i++) {
    const e = all[i];
    const c = isSeed(e) ? e : cleanImported(e, seedNames, report, nk);
    if (c) entries.push(c);
    if (i % EVERY === 0) yield;
  }

  rekeyRansomwareNamesakes(entries);

  const seedKeys = new Set<string>();
  for (const e of entries) if (isSeed(e)) for (const n of [e.name, ...e.aliases]) seedKeys.add(`${e.type}|${nk(n)}`);

  yield;
  const uf = new UnionFind(entries);

  // 1. Same key: the same entity by definition.
  const byKey = new Map<string, number>();
  entries.forEach((e, i) => {
    const j = byKey.get(e.key);
    if (j === undefined) byKey.set(e.key, i);
    else uf.union(i, j);
  });

  // 2–4. Shared names and aliases within a type, strongest evidence first. Most names are held by one
  // entry only, so the index keeps a bare number until a second holder turns it into a list.
  const names = new Map<string, number | number[]>();
  const aliases = new Map<string, number | number[]>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    add(names, `${e.type}|${nk(e.name)}`, i);
    for (const a of e.aliases) add(aliases, `${e.type}|${nk(a)}`, i);
    if (i % EVERY === 0) yield;
  }
  const tryJoin = (i: number, j: number, typedKey: string): void => {
    const a = uf.find(i);
    const b = uf.find(j);
    if (a === b) return;
    const shared = typedKey.slice(typedKey.indexOf('|') + 1);
    let reason: keyof MergeReport['refused'] | undefined;
    if (shared.length < MIN_JOIN_ALIAS) reason = 'short-alias';
    else if (uf.seed[a] && uf.seed[b]) reason = 'seed';
    else if (uf.vendor[a] && uf.vendor[b] && uf.vendor[a] !== uf.vendor[b]) reason = 'vendor';
    else if (uf.technique[a] && uf.technique[b] && uf.technique[a] !== uf.technique[b]) reason = 'technique-id';
    else if (!uf.seed[a] && !uf.seed[b] && kindsConflict(uf.kind[a], uf.kind[b])) reason = 'kind';
    // A name the seed gives its own entry is the seed's word that the two are one, whatever a source says.
    else if ((uf.sources[a] & uf.sources[b]) !== 0 && !((uf.seed[a] || uf.seed[b]) && seedKeys.has(typedKey))) reason = 'same-source';
    if (!reason) return uf.union(a, b);
    report.refused[reason]++;
    if (report.refusedExamples.length < 40)
      report.refusedExamples.push(`${reason}: ${entries[i].type} '${shared}' (${entries[i].key} / ${entries[j].key})`);
  };
  let n = 0;
  for (const [k, idx] of names) {
    if (typeof idx !== 'number') for (let m = 1; m < idx.length; m++) tryJoin(idx[0], idx[m], k);
    if (++n % EVERY === 0) yield;
  }
  for (const [k, idx] of names) {
    if (++n % EVERY === 0) yield;
    const withAlias = aliases.get(k);
    if (withAlias === undefined) continue;
    for (const i of typeof idx === 'number' ? [idx] : idx)
      for (const j of typeof withAlias === 'number' ? [withAlias] : withAlias) tryJoin(i, j, k);
  }
  for (const [k, idx] of aliases) {
    if (typeof idx !== 'number') for (let m = 1; m < idx.length; m++) tryJoin(idx[0], idx[m], k);
    if (++n % EVERY === 0) yield;
  }

  const groups = new Map<number, CatalogueEntry[]>();
  entries.forEach((e, i) => push(groups, uf.find(i), e));
  yield;
  const merged: CatalogueEntry[] = [];
  for (const members of groups.values()) if (merged.push(combine(members)) % EVERY === 0) yield;
  resolveAliasConflicts(merged, report);
  report.output = merged.length;
  return { entries: merged, report };
}

function add(map: Map<string, number | number[]>, key: string, i: number): void {
  const had = map.get(key);
  if (had === undefined) map.set(key, i);
  else if (typeof had === 'number') map.set(key, [had, i]);
  else had.push(i);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** An imported entry without its junk aliases; undefined when its name itself is junk. */
function cleanImported(
  e: CatalogueEntry,
  seedNames: Map<string, Set<string>>,
  report: MergeReport,
  nk: (s: string) => string,
): CatalogueEntry | undefined {
  const keep = (a: string): boolean => {
    if (isJunkAlias(a, e.type, nk(a))) {
      report.junkAliases++;
      return false;
    }
    if (seedOwnsElsewhere(a)) {
      report.crossTypeAliases++;
      return false;
    }
    return true;
  };
  // The seed owns its words: a name the seed gives an entity of another type is not this entry's name.
  const seedOwnsElsewhere = (a: string): boolean => {
    const types = seedNames.get(nk(a));
    return !!types && !types.has(e.type);
  };
  const aliases = e.aliases.filter(keep);
  let name = e.name;
  // Techniques keep their ATT&CK names next to the seed's attack terms ("Phishing"), and vendors theirs next
  // to a product of the same name ("CrushFTP"): both are real names of these entities, and the ids point at them.
  const nameOk =
    e.type === 'vulnerability' ||
    e.type === 'technique' ||
    (e.type === 'vendor' ? nk(name).length >= 2 : !isJunkAlias(name, e.type, nk(name)) && !seedOwnsElsewhere(name));
  if (nameOk && aliases.length === e.aliases.length) return e; // nothing to clean: no copy
  // Vulnerabilities are keyed by id; vendors can be two letters ("F5", "LG"); others need a real name.
  if (!nameOk) {
    const better = aliases.find((a) => nk(a).length > 2);
    if (seedOwnsElsewhere(name)) report.crossTypeNames++;
    else report.junkEntries++;
    if (!better) return undefined;
    name = better;
  }
  const out: CatalogueEntry = { ...e, name, aliases: aliases.filter((a) => a !== name) };
  const ambiguous = e.ambiguous?.filter((a) => a === name || aliases.includes(a));
  if (ambiguous?.length) out.ambiguous = ambiguous;
  else delete out.ambiguous;
  return out;
}

/** The entries of one component as one entry. */
function combine(members: CatalogueEntry[]): CatalogueEntry {
  if (members.length === 1) return fullFormOnly({ ...members[0] }, members);
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
  const ambiguous = unique(sorted.flatMap((m) => (m.ambiguous ?? []).filter((a) => isSeed(m) || !seedNames.has(lower(a)))));

  const meta: NonNullable<CatalogueEntry['meta']> = {};
  for (const m of [...sorted].reverse()) Object.assign(meta, m.meta);

  const out: CatalogueEntry = {
    key: head.key,
    type: head.type,
    name: head.name,
    aliases,
    sources: unique(sorted.flatMap((m) => m.sources)),
  };
  if (subtype) out.subtype = subtype;
  const description = sorted.find((m) => m.description)?.description;
  if (description) out.description = description;
  const country = sorted.find((m) => m.country)?.country;
  if (country) out.country = country;
  const refs = unique(sorted.flatMap((m) => m.refs ?? [])).slice(0, 8);
  if (refs.length) out.refs = refs;
  if (ambiguous.length) out.ambiguous = ambiguous;
  const cues = unique(sorted.flatMap((m) => m.cues ?? []));
  if (cues.length) out.cues = cues;
  if (Object.keys(meta).length) out.meta = meta;
  return fullFormOnly(out, members);
}

const AUTHORITY = (s: string): boolean => s === 'seed' || s === 'attack' || s.startsWith('misp:mitre-');

/**
 * A malware family that only a long-tail list knows (MISP's ransomware galaxy: "Python Ransomware",
 * "Desktop Ransomware") is named by its full form only: the plain word it was flagged for ("Python") is
 * dropped once it has served to join. The seed or ATT&CK knowing the family keeps the short name.
 */
function fullFormOnly(e: CatalogueEntry, members: CatalogueEntry[]): CatalogueEntry {
  if (e.type !== 'malware' || !e.ambiguous?.length || members.some((m) => m.sources.some(AUTHORITY))) return e;
  for (const word of e.ambiguous) {
    const prefix = `${word.toLowerCase()} `;
    const longer = [e.name, ...e.aliases].find((a) => a.toLowerCase().startsWith(prefix));
    if (!longer) continue;
    if (e.name === word) e.name = longer;
    e.aliases = e.aliases.filter((a) => a !== word && a !== longer);
    e.ambiguous = e.ambiguous.filter((a) => a !== word);
  }
  if (!e.ambiguous.length) delete e.ambiguous;
  return e;
}

function resolveAliasConflicts(merged: CatalogueEntry[], report: MergeReport): void {
  const claims = new Map<string, number | number[]>();
  merged.forEach((e, i) => {
    for (const a of e.aliases) add(claims, `${e.type}|${lower(a)}`, i);
  });
  const names = new Map<string, CatalogueEntry>();
  for (const e of merged) {
    const k = `${e.type}|${lower(e.name)}`;
    const other = names.get(k);
    if (!other || rank(e) < rank(other)) names.set(k, e);
  }
  for (const [k, idx] of claims) {
    const owner = names.get(k);
    if (typeof idx === 'number' && (!owner || owner === merged[idx])) continue; // one claimant: the usual case
    const claimants = typeof idx === 'number' ? [merged[idx]] : idx.map((i) => merged[i]);
    const all = owner && !claimants.includes(owner) ? [owner, ...claimants] : claimants;
    if (all.length < 2) continue;
    // The seed's word first (its name, then its alias), then whoever has it as a name, then the best-sourced.
    const keeper =
      (owner && isSeed(owner) ? owner : undefined) ?? claimants.find(isSeed) ?? owner ?? [...all].sort((a, b) => rank(a) - rank(b))[0];
    const alias = k.slice(k.indexOf('|') + 1);
    for (const e of claimants) {
      if (e === keeper) continue;
      e.aliases = e.aliases.filter((a) => lower(a) !== alias);
      if (e.ambiguous) e.ambiguous = e.ambiguous.filter((a) => lower(a) !== alias);
      report.aliasConflicts++;
      if (report.aliasConflictExamples.length < 40)
        report.aliasConflictExamples.push(`'${alias}': kept by ${keeper.key}, removed from ${e.key}`);
    }
  }
}

/** Lower is better: seed first, then by source authority, then the better-sourced. */
function rank(e: CatalogueEntry): number {
  return entryPriority(e) * 100 - Math.min(e.sources.length, 99);
}

/** Names and aliases are already cleaned (one space, trimmed): lower case is enough to compare them. */
function lower(s: string): string {
  return s.toLowerCase();
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** A product's vendor as a key, whether the entry says `vendorKey: 'vendor:cisco'` or `vendor: 'Cisco'`. */
function vendorOf(e: CatalogueEntry): string | undefined {
  if (e.type !== 'product') return undefined;
  const { vendorKey, vendor } = e.meta ?? {};
  if (typeof vendorKey === 'string') return vendorKey;
  return typeof vendor === 'string' && vendor ? `vendor:${slug(vendor)}` : undefined;
}

/** Union-find over entry indexes that keeps, per component, what the join guards ask about. */
/** What a malware entry says it is: NOT_RANSOMWARE from an ATT&CK description, RANSOMWARE from anyone. */
const NOT_RANSOMWARE = 1;
const RANSOMWARE = 2;

function kindOf(e: CatalogueEntry): number {
  if (e.type !== 'malware' || !e.subtype) return 0;
  if (e.subtype === 'ransomware') return RANSOMWARE;
  return e.sources.some(AUTHORITY) && e.description ? NOT_RANSOMWARE : 0;
}

/**
 * Keys come from names, so a ransomware list's "Shark" and ATT&CK's Shark (a backdoor) get one key, and the
 * same key joins without question. Where ATT&CK describes the key's family as something else and no seed
 * entry holds the key, the ransomware entries take a key of their own ("malware:shark-ransomware"), so the
 * guard in the name joins decides about them like any other pair.
 */
function rekeyRansomwareNamesakes(entries: CatalogueEntry[]): void {
  const kinds = new Map<string, number>();
  const seedKey = new Set<string>();
  for (const e of entries) {
    kinds.set(e.key, (kinds.get(e.key) ?? 0) | kindOf(e));
    if (isSeed(e)) seedKey.add(e.key);
  }
  entries.forEach((e, i) => {
    if (kindOf(e) !== RANSOMWARE || seedKey.has(e.key) || !((kinds.get(e.key) ?? 0) & NOT_RANSOMWARE)) return;
    entries[i] = { ...e, key: `${e.key}-ransomware` };
  });
}

function kindsConflict(a: number, b: number): boolean {
  return ((a & NOT_RANSOMWARE) !== 0 && (b & RANSOMWARE) !== 0) || ((a & RANSOMWARE) !== 0 && (b & NOT_RANSOMWARE) !== 0);
}

class UnionFind {
  parent: Int32Array;
  seed: boolean[];
  /** Bit set of the non-seed sources in the component (a source past the 30th shares the last bit). */
  sources: Int32Array;
  vendor: (string | undefined)[];
  technique: (string | undefined)[];
  /** NOT_RANSOMWARE | RANSOMWARE bits of the component's malware entries (kindOf). */
  kind: Uint8Array;

  constructor(entries: CatalogueEntry[]) {
    this.parent = Int32Array.from(entries, (_, i) => i);
    this.seed = entries.map(isSeed);
    const bits = new Map<string, number>();
    const bit = (s: string): number => {
      if (s === 'seed') return 0;
      let b = bits.get(s);
      if (b === undefined) bits.set(s, (b = 1 << Math.min(bits.size, 30)));
      return b;
    };
    this.sources = Int32Array.from(entries, (e) => e.sources.reduce((m, s) => m | bit(s), 0));
    this.vendor = entries.map(vendorOf);
    // Techniques are keyed on their ATT&CK id: two ids are two techniques even under one name
    // (Enterprise T1566.001 and ICS T0865 are both "Spearphishing Attachment").
    this.technique = entries.map((e) => (e.type === 'technique' ? e.key : undefined));
    this.kind = Uint8Array.from(entries, kindOf);
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
    const [root, child] = a < b ? [a, b] : [b, a];
    this.parent[child] = root;
    this.seed[root] = this.seed[root] || this.seed[child];
    this.sources[root] |= this.sources[child];
    this.vendor[root] ??= this.vendor[child];
    this.technique[root] ??= this.technique[child];
    this.kind[root] |= this.kind[child];
  }
}
