/**
 * Entities as the analysis answer carries them to the page. A 10,000-word article has hundreds of matches
 * of a few dozen entities: sending every match whole (key, name, why, and a copy of its text) made the
 * answer ~90 KB of JSON that the page parses while it does its first layout. Packed, each distinct match
 * (entity and why) goes once and every occurrence is three numbers; the page gets its text back from the
 * article text it sent. Plain code, no imports of the worker: the content script carries it.
 */
import type { EntityMatch } from '../types';

/**
 * A match without its place in the text: what all occurrences of one entity, matched one way, share. `text`
 * only where a match's text is not the slice of the article at its offsets (the page takes it from there).
 */
type EntityKind = Omit<EntityMatch, 'start' | 'end' | 'text'> & { text?: string };

export interface PackedEntities {
  kinds: EntityKind[];
  /** `start, end, kind index` for every match, in the order of the matches. */
  spans: number[];
}

/** Pack matches of `text`. A match whose text is not the text's own slice carries its text in its kind. */
export function packEntities(text: string, entities: EntityMatch[]): PackedEntities {
  const kinds: EntityKind[] = [];
  const index = new Map<string, number>();
  const spans: number[] = [];
  for (const { start, end, text: matched, ...rest } of entities) {
    const kind: EntityKind = text.slice(start, end) === matched ? rest : { ...rest, text: matched };
    // The same fields in the same order give the same JSON: matches of one entity matched one way.
    const id = JSON.stringify([kind.key, kind.type, kind.name, kind.subtype, kind.why, kind.text]);
    let k = index.get(id);
    if (k === undefined) {
      k = kinds.push(kind) - 1;
      index.set(id, k);
    }
    spans.push(start, end, k);
  }
  return { kinds, spans };
}

/** The matches again, each its own object, their text taken from the article text that was analysed. */
export function unpackEntities(text: string, packed: PackedEntities): EntityMatch[] {
  const out: EntityMatch[] = [];
  const { kinds, spans } = packed;
  for (let i = 0; i + 2 < spans.length; i += 3) {
    const [start, end, k] = [spans[i], spans[i + 1], spans[i + 2]];
    const kind = kinds[k];
    if (!kind || !(start >= 0 && end > start && end <= text.length)) continue; // nothing to paint there
    out.push({ ...kind, start, end, text: kind.text ?? text.slice(start, end) });
  }
  return out;
}
