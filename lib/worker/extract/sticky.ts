/**
 * A global scan done as sticky tries at the positions where a match can begin. A global regular expression
 * tries every position of the text, and one that opens with a look-behind over Unicode classes pays for it
 * at each; when the places a match can begin are known cheaply (capitalised words, a head word a few words
 * on), trying only those finds the same matches at a fraction of the cost.
 */

/**
 * What `text.matchAll` of the global twin of the sticky `re` finds, given every position where a match can
 * begin (ascending; duplicates are fine): the leftmost match from each position on, matches not overlapping.
 * `re` must not match the empty string.
 */
export function matchesAt(re: RegExp, text: string, positions: number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const p of positions) {
    if (p < from) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (m === null) continue;
    out.push(m);
    from = p + m[0].length;
  }
  return out;
}
