/**
 * The search index: one FlexSearch index per kind of thing (incidents, feed articles, entities, saved
 * articles), so each kind gets its own few best answers. FlexSearch keeps numbers far more compactly than
 * strings (a 20k-article export is 16 MB with numeric ids, 95 MB with URLs), so each kind maps its keys
 * (URL, incident id, entity key) to small integers; freed numbers are not reused before the next rebuild.
 *
 * A changed document gets a new number, and the old one is released: FlexSearch cannot take its own
 * register of a fast-updating index back from an export (its import fails on it), so an index loaded from
 * the database cannot remove what it holds. Words left behind under a released number are dropped at
 * lookup (the registry no longer names it) and gone with the next rebuild.
 *
 * Prefixes come from FlexSearch's forward tokenizer; typos from its balanced Latin encoder (doubled
 * letters, some vowels) and, when a word finds nothing, from the words one edit away (a letter left out,
 * added, changed, or two swapped) that the index does hold.
 */
import FlexSearch, { type Encoder, type Index as FlexIndex } from 'flexsearch';
import { SEARCH_KINDS, type SearchKind } from './docs';

/** Bumped when the index options or the stored layout change: a stored index of another version is rebuilt. */
export const SEARCH_INDEX_VERSION = 1;

/** Words shorter than this are not corrected: too many words are one edit from "ap". */
const MIN_FUZZY_LENGTH = 4;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

let encoder: Encoder | undefined;

/** One encoder for every index (made on first use: nothing runs at import). */
function sharedEncoder(): Encoder {
  encoder ??= new FlexSearch.Encoder(FlexSearch.Charset.LatinBalance);
  return encoder;
}

/** How long a word is once encoded (the balanced encoder folds "zzxj" to "sk"). */
function encodedLength(word: string): number {
  return sharedEncoder()
    .encode(word)
    .reduce((n: number, w: string) => n + w.length, 0);
}

function makeIndex(): FlexIndex {
  return new FlexSearch.Index({ tokenize: 'forward', encoder: sharedEncoder(), fastupdate: true, resolution: 9 });
}

/** Keys of one kind as small integers. */
class Registry {
  keys: (string | null)[] = [];
  private readonly ids = new Map<string, number>();

  static from(keys: (string | null)[]): Registry {
    const r = new Registry();
    r.keys = keys;
    keys.forEach((k, i) => {
      if (k !== null) r.ids.set(k, i);
    });
    return r;
  }

  id(key: string): number | undefined {
    return this.ids.get(key);
  }

  assign(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.ids.set(key, id);
    }
    return id;
  }

  release(key: string): number | undefined {
    const id = this.ids.get(key);
    if (id === undefined) return undefined;
    this.ids.delete(key);
    this.keys[id] = null;
    return id;
  }

  get size(): number {
    return this.ids.size;
  }
}

/** The split of a query into words, as the encoder will see them (lower case, letters and digits). */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Words one edit away: deletions, swaps of neighbours, changes and insertions. */
export function oneEditAway(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of ALPHABET) {
      if (tail) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return [...out];
}

/** The stored form of one kind: FlexSearch's export chunks and the registry. */
export interface StoredKind {
  version: number;
  keys: (string | null)[];
  chunks: Record<string, string>;
}

export class SearchIndex {
  private readonly indexes = new Map<SearchKind, FlexIndex>();
  private readonly registries = new Map<SearchKind, Registry>();

  constructor() {
    for (const kind of SEARCH_KINDS) {
      this.indexes.set(kind, makeIndex());
      this.registries.set(kind, new Registry());
    }
  }

  /** Add or replace one document. Empty text removes it. */
  put(kind: SearchKind, key: string, text: string): void {
    if (!text.trim()) {
      this.remove(kind, key);
      return;
    }
    const reg = this.registries.get(kind)!;
    const index = this.indexes.get(kind)!;
    const old = reg.release(key);
    if (old !== undefined) index.remove(old);
    index.add(reg.assign(key), text);
  }

  remove(kind: SearchKind, key: string): void {
    const id = this.registries.get(kind)!.release(key);
    if (id !== undefined) this.indexes.get(kind)!.remove(id);
  }

  has(kind: SearchKind, key: string): boolean {
    return this.registries.get(kind)!.id(key) !== undefined;
  }

  size(kind: SearchKind): number {
    return this.registries.get(kind)!.size;
  }

  /** The keys of one kind the index holds. */
  keys(kind: SearchKind): string[] {
    return this.registries.get(kind)!.keys.filter((k): k is string => k !== null);
  }

  /** Keys of one kind matching every word of the query (the last one as a prefix), best first. */
  private lookup(kind: SearchKind, query: string, limit: number): string[] {
    // Room for released numbers among the first answers (see above).
    const ids = (this.indexes.get(kind)!.search(query, { limit: limit * 3 }) as number[] | undefined) ?? [];
    const keys = this.registries.get(kind)!.keys;
    return ids.flatMap((id) => (keys[id] != null ? [keys[id]] : [])).slice(0, limit);
  }

  private known(word: string): boolean {
    for (const kind of this.indexes.keys()) if (this.lookup(kind, word, 1).length) return true;
    return false;
  }

  private anyHits(query: string): boolean {
    return SEARCH_KINDS.some((k) => this.lookup(k, query, 1).length > 0);
  }

  /**
   * The query with each word that no kind knows replaced by a word one edit away that some kind does know,
   * the first with which the query (so far) finds something; null when nothing changed.
   */
  corrected(query: string): string | null {
    const words = queryWords(query);
    const known = words.map((w) => w.length < MIN_FUZZY_LENGTH || this.known(w));
    let changed = false;
    const fixed = [...words];
    words.forEach((w, i) => {
      if (known[i]) return;
      // A correction the encoder folds to a stub would match as a prefix of half the index.
      const min = Math.max(MIN_FUZZY_LENGTH - 1, encodedLength(w) - 1);
      const options = oneEditAway(w).filter((c) => encodedLength(c) >= min && this.known(c));
      const others = (c: string) => fixed.map((f, j) => (j === i ? c : f)).filter((_, j) => j === i || known[j] || j < i);
      const best = options.find((c) => this.anyHits(others(c).join(' '))) ?? options[0];
      if (best) {
        fixed[i] = best;
        changed = true;
      }
    });
    return changed ? fixed.join(' ') : null;
  }

  /** Up to `limit` keys per kind; corrected for typos when the query as typed finds nothing. */
  search(query: string, limit = 6): { results: Record<SearchKind, string[]>; corrected?: string } {
    const run = (q: string) => Object.fromEntries(SEARCH_KINDS.map((k) => [k, this.lookup(k, q, limit)])) as Record<SearchKind, string[]>;
    const results = run(query);
    if (SEARCH_KINDS.some((k) => results[k].length)) return { results };
    const fixed = this.corrected(query);
    return fixed ? { results: run(fixed), corrected: fixed } : { results };
  }

  async exportKind(kind: SearchKind): Promise<StoredKind> {
    const chunks: Record<string, string> = {};
    await this.indexes.get(kind)!.export((key: string, data: string) => {
      chunks[key] = data;
    });
    return { version: SEARCH_INDEX_VERSION, keys: this.registries.get(kind)!.keys, chunks };
  }

  /**
   * Replace one kind with what was stored, chunk by chunk: `read` gives each chunk's text, `pause` lets the
   * caller answer other work between chunks (a large kind is many megabytes). False (and the kind left
   * empty) for a foreign or damaged store.
   */
  async importKind(
    kind: SearchKind,
    stored: Pick<StoredKind, 'version' | 'keys'> & { chunkKeys?: string[]; chunks?: Record<string, string> },
    read?: (chunkKey: string) => Promise<string | undefined>,
    pause: () => Promise<void> = async () => undefined,
  ): Promise<boolean> {
    const index = makeIndex();
    try {
      if (stored.version !== SEARCH_INDEX_VERSION || !Array.isArray(stored.keys)) throw new Error('other version');
      const chunkKeys = stored.chunkKeys ?? Object.keys(stored.chunks ?? {});
      // Only the word map: the register is the registry's job (see above).
      for (const key of chunkKeys) {
        if (!key.endsWith('.map')) continue;
        const data = stored.chunks?.[key] ?? (await read?.(key));
        if (data === undefined) throw new Error(`chunk ${key} missing`);
        index.import(key, data);
        await pause();
      }
      this.indexes.set(kind, index);
      this.registries.set(kind, Registry.from(stored.keys));
      return true;
    } catch {
      this.indexes.set(kind, makeIndex());
      this.registries.set(kind, new Registry());
      return false;
    }
  }
}
