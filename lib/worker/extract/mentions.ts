/**
 * Whether `test` holds at some place where `needle` occurs in `text` (given its start and end offsets).
 * Places are tried left to right and may overlap; an empty needle occurs nowhere. The rules that ask
 * "does the text say this of the name anywhere" (a target of an attack, a product's own words, prose in
 * lower case) walk the mentions this one way.
 */
export function someMention(text: string, needle: string, test: (start: number, end: number) => boolean): boolean {
  if (!needle) return false;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) if (test(i, i + needle.length)) return true;
  return false;
}
