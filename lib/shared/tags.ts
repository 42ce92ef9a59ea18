/**
 * Tags as the collection keeps them, in one place: the forms, the guard, the database and imports all
 * normalise through here. A tag is trimmed, its inner whitespace collapsed to one space, lower-cased;
 * a list keeps each tag once, in first-seen order, and drops empty ones.
 */

/** Longest tag kept (characters). */
export const MAX_TAG_LENGTH = 40;
/** Most tags one article keeps. */
export const MAX_TAGS = 30;

export function normaliseTag(tag: string): string {
  return tag.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function normaliseTags(tags: readonly string[] | undefined): string[] {
  return [...new Set((tags ?? []).map(normaliseTag).filter(Boolean))];
}

/** Tags as typed in a text field ("APT28, espionage") to a list. */
export function parseTags(input: string): string[] {
  return normaliseTags(input.split(','));
}
