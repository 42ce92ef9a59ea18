/**
 * The user's own words on a saved article (its tags and note) and how much of them one article keeps: the same
 * bounds for every writer (the forms, the guard, the database, a merge on import) as for the import's check
 * (lib/worker/export/import.ts), so that whatever the collection holds, its JSON export imports back.
 */
import { MAX_TAG_LENGTH, MAX_TAGS } from '../tags';

/** Longest note kept (characters). */
export const MAX_NOTE_LENGTH = 10_000;

const count = (n: number) => n.toLocaleString('en-US');

/** Why these tags (normalised) and note cannot be kept, in plain words; undefined when they can. */
export function userFieldsProblem({ tags = [], note = '' }: { tags?: readonly string[]; note?: string }): string | undefined {
  if (tags.length > MAX_TAGS) return `An article keeps at most ${MAX_TAGS} tags (this would have ${tags.length}).`;
  const long = tags.find((t) => t.length > MAX_TAG_LENGTH);
  if (long) return `A tag can be at most ${MAX_TAG_LENGTH} characters long (“${long.slice(0, 24)}…” has ${long.length}).`;
  if (note.length > MAX_NOTE_LENGTH)
    return `A note can be at most ${count(MAX_NOTE_LENGTH)} characters long (this one has ${count(note.length)}).`;
  return undefined;
}
