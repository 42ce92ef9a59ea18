/**
 * Is a span one segment of a URL's path? Texts quote links whose paths hold names and ids
 * ("attack.mitre.org/groups/G0078/", "m00nd3v[.]com/M00nD3v/Decryption"), and text taken from pages or
 * tokenised for labelling spaces them out ("attack.mitre.org / groups / G0078 /"), so the URL pattern no
 * longer sees one link. A segment is not a mention: the link points at the group, the text does not name it.
 *
 * The span counts as a path segment when a slash stands before it and, walking left over "segment /"
 * steps, a host is reached (a dotted name like "attack.mitre.org", a defanged "[.] com", or a scheme).
 * Lists written with slashes ("APT33 / Elfin", "Winnti / PlugX") reach no host and stay mentions.
 * Bounded: at most MAX_STEPS segments are read, each once.
 */
import { lazyRegExp } from './lazy-regexp';

const MAX_STEPS = 8;
const HOST = lazyRegExp(String.raw`^(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}$`, 'u');
const SCHEME = /^(?:https?|hxxps?|ftp)$/i;
const SEGMENT = lazyRegExp(String.raw`^[\p{L}\p{N}_\-.~%?=&+#]+$`, 'u');
/** The same for an ASCII segment, with no Unicode class for V8 to build as it is first run (in a woken worker). */
const ASCII_SEGMENT = /^[A-Za-z0-9_\-.~%?=&+#]+$/;
const isSegment = (seg: string) => (/^[\x00-\x7f]*$/.test(seg) ? ASCII_SEGMENT.test(seg) : SEGMENT().test(seg));
const DEFANGED_DOT = /(?:\[\s*\.\s*\]|\(\s*\.\s*\)|\[dot\])\s*$/i;

const isSpace = (c: number) => c === 0x20 || c === 0x09;

export function inUrlPath(text: string, start: number): boolean {
  let i = start;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  if (i === 0 || text.charCodeAt(i - 1) !== 0x2f) return false; // no "/" before it
  for (let step = 0; step < MAX_STEPS; step++) {
    // Past the slashes (one, or the scheme's two) and the spaces around them.
    while (i > 0 && (text.charCodeAt(i - 1) === 0x2f || isSpace(text.charCodeAt(i - 1)))) i--;
    let j = i;
    while (j > 0 && !isSpace(text.charCodeAt(j - 1)) && text.charCodeAt(j - 1) !== 0x2f) j--;
    const seg = text.slice(j, i);
    // (A host has a dot: without one its pattern, whose Unicode classes V8 builds on the first run, is not run.)
    if ((seg.includes('.') && HOST().test(seg)) || DEFANGED_DOT.test(text.slice(Math.max(0, j - 8), j))) return true;
    if (seg === ':' || seg.endsWith(':')) {
      // "https : / /" or "https:/ /": the scheme is the word before the colon.
      const before =
        seg === ':'
          ? (text
              .slice(Math.max(0, j - 8), j)
              .trim()
              .split(/\s+/)
              .pop() ?? '')
          : seg.slice(0, -1);
      return SCHEME.test(before);
    }
    if (!isSegment(seg)) return false;
    i = j;
    let k = i;
    while (k > 0 && isSpace(text.charCodeAt(k - 1))) k--;
    if (k === 0 || text.charCodeAt(k - 1) !== 0x2f) return false; // the path began here, at no host
    i = k;
  }
  return false;
}
