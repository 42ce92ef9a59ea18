/**
 * Defanged forms and the "refanged view" of a text.
 *
 * Analysts defang indicators so that nobody clicks them: `hxxp://`, `hXXps[:]//`, `evil[.]com`,
 * `1.2.3(.)4`, `{.}`, `[dot]`, `user[@]host`, `user[at]host`, `2.2.2 . 2`. Rather than teaching every
 * finder every form, we rewrite the text once into a view where each marker is replaced by the
 * character it stands for, run the plain finders on the view, and map the offsets back to the
 * original text. Texts without markers (most articles) cost one regex scan and no copy.
 */
import { lastAtOrBefore } from '../../sorted';

/**
 * The markers, found by three cheap scans (one regex over every ` . ` candidate costs 10x more on
 * real pages, where spaces are everywhere and dots are not):
 * - BRACKET: a bracket `[ ( {` + optional space + `.`/`dot`/`@`/`at` + optional space + `] ) }`
 *   (mixed pairs like `(.]` occur in the wild), with one space on either side taken along
 *   (`john [at] example [dot] com`); and `[:]`, `[://]`, `[/]` inside URLs. Fixed shapes, linear.
 * - `hxxp`/`hXXp` and `fxp` (any case) at a word start, followed by `s`? and `:` or `[:`.
 * - ` . ` (space-dot-space): found from each '.', kept only where it can't be prose (`acceptSpacedDot`).
 */
const BRACKET = /[[({] ?(?:\.|dot|@|at) ?[\])}]|[[({](?::\/\/|:|\/)[\])}]/gi;
const XXP = /[xX]{2}[pP]|[fF][xX][pP]/g;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLowerHostChar(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 122) || c === 45;
}

/**
 * ` . ` is a defang marker only between IP parts (`2.2.2 . 2`) or after a label that already
 * follows a dot (`www.example . com`, `evil[.]example . com`): tokenised prose and code are full of
 * lower-case `word . word` (`form . email`, `the network . com`), and `.email`/`.network` are TLDs.
 * The look-back reads at most one label (63 characters), so the scan stays linear.
 */
function acceptSpacedDot(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at + 3);
  if (isDigit(before) && isDigit(after)) return true;
  if (!isLowerHostChar(before) || !isLowerHostChar(after)) return false;
  let i = at - 1;
  while (i > 0 && at - i <= 63 && isLowerHostChar(text.charCodeAt(i - 1))) i--;
  const prev = text.charCodeAt(i - 1);
  return prev === 46 /* . */ || prev === 93 /* ] */ || prev === 41 /* ) */ || prev === 125 /* } */;
}

/** What a bracket marker stands for, read from its first inner character (no regex per marker). */
function replacementFor(marker: string): string {
  const c = marker[1] === ' ' ? marker[2] : marker[1];
  if (c === '.' || c === 'd' || c === 'D') return '.';
  if (c === '@' || c === 'a' || c === 'A') return '@';
  if (c === '/') return '/';
  return marker.length === 5 ? '://' : ':';
}

function isAsciiAlnum(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** [start, end, replacement] of every defang marker, sorted by start (may overlap; see refangedView). */
function findMarkers(text: string): [number, number, string][] {
  const out: [number, number, string][] = [];
  BRACKET.lastIndex = 0;
  for (let m = BRACKET.exec(text); m !== null; m = BRACKET.exec(text)) {
    let from = m.index;
    let to = from + m[0].length;
    const replacement = replacementFor(m[0]);
    if (replacement === '.' || replacement === '@') {
      if (text.charCodeAt(from - 1) === 32) from--;
      if (text.charCodeAt(to) === 32) to++;
    }
    out.push([from, to, replacement]);
  }
  XXP.lastIndex = 0;
  for (let m = XXP.exec(text); m !== null; m = XXP.exec(text)) {
    const ftp = m[0].length === 3 && (m[0][0] === 'f' || m[0][0] === 'F');
    const start = ftp ? m.index : m.index - 1;
    const c = text.charCodeAt(start);
    if (!ftp && c !== 104 && c !== 72) continue; // hxxp needs its h/H
    if (isAsciiAlnum(text.charCodeAt(start - 1))) continue; // at a word start
    let k = m.index + m[0].length;
    if (text.charCodeAt(k) === 115 || text.charCodeAt(k) === 83) k++; // s/S
    if (text.charCodeAt(k) === 58 || (text.charCodeAt(k) === 91 && text.charCodeAt(k + 1) === 58)) {
      out.push(ftp ? [start, start + 3, 'ftp'] : [start, start + 4, 'http']);
    }
  }
  // From each '.', not from each ' . ': a one-character search is several times faster.
  for (let dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
    if (text.charCodeAt(dot - 1) !== 32 || text.charCodeAt(dot + 1) !== 32) continue;
    if (acceptSpacedDot(text, dot - 1)) out.push([dot - 1, dot + 2, '.']);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** A replaced stretch: view [v, v+vl) stands for original [o, o+ol). */
interface Segment {
  v: number;
  vl: number;
  o: number;
  ol: number;
}

const viewOffsetOf = (s: Segment): number => s.v;

/** The text with defang markers replaced, and the way back to original offsets. */
export interface RefangedView {
  text: string;
  /** Original offset of a match starting at view offset `v`. */
  toOriginalStart(v: number): number;
  /** Original (exclusive) end offset of a match ending at view offset `v` (exclusive). */
  toOriginalEnd(v: number): number;
  /** True when the view differs from the original somewhere in [start, end) (view offsets). */
  isRefanged(start: number, end: number): boolean;
}

const IDENTITY_VIEW = (text: string): RefangedView => ({
  text,
  toOriginalStart: (v) => v,
  toOriginalEnd: (v) => v,
  isRefanged: () => false,
});

/** Builds the refanged view of `text` (see the module comment). */
export function refangedView(text: string): RefangedView {
  const markers = findMarkers(text);
  if (markers.length === 0) return IDENTITY_VIEW(text);
  const segments: Segment[] = [];
  const parts: string[] = [];
  let last = 0;
  let viewPos = 0;
  for (const marker of markers) {
    const [, to, replacement] = marker;
    let from = marker[0];
    if (from < last) {
      // Two spaced brackets may both want the space between them: the first keeps it.
      if (from + 1 === last && text.charCodeAt(from) === 32) from = last;
      else continue;
    }
    parts.push(text.slice(last, from));
    viewPos += from - last;
    segments.push({ v: viewPos, vl: replacement.length, o: from, ol: to - from });
    parts.push(replacement);
    viewPos += replacement.length;
    last = to;
  }
  if (segments.length === 0) return IDENTITY_VIEW(text);
  parts.push(text.slice(last));
  const view = parts.join('');

  return {
    text: view,
    toOriginalStart(v) {
      const i = lastAtOrBefore(segments, v, viewOffsetOf);
      if (i < 0) return v;
      const s = segments[i];
      if (v < s.v + s.vl) return s.o;
      return v - (s.v + s.vl) + s.o + s.ol;
    },
    toOriginalEnd(v) {
      const i = lastAtOrBefore(segments, v - 1, viewOffsetOf);
      if (i < 0) return v;
      const s = segments[i];
      if (v - 1 < s.v + s.vl) return s.o + s.ol;
      return v - (s.v + s.vl) + s.o + s.ol;
    },
    isRefanged(start, end) {
      const i = lastAtOrBefore(segments, end - 1, viewOffsetOf);
      return i >= 0 && segments[i].v + segments[i].vl > start;
    },
  };
}

/** One-sided brackets (`example[.com`, `1.)1`), accepted by `refang` on a value, not in prose. */
const HALF_BRACKET_DOT = /[[({]\.|\.[\])}]/g;
/** Any ` . ` between letters or digits (`example . com`), again only on a value. */
const SPACED_DOT = /(?<=[A-Za-z0-9]) \. (?=[A-Za-z0-9])/g;

/**
 * Refangs one indicator string: `hxxps://evil[.]com` → `https://evil.com`, `1.1.1(dot)1` →
 * `1.1.1.1`, `user[at]host[.]com` → `user@host.com`. Also accepts lopsided brackets
 * (`test(.}test{.)example[.)com`) and any ` . ` (`example . com`), which only make sense on a
 * value already known to be an indicator, not in running text.
 */
export function refang(s: string): string {
  return refangedView(s).text.replace(HALF_BRACKET_DOT, '.').replace(SPACED_DOT, '.');
}

/**
 * Defangs a refanged indicator for display or export: `https://evil.com/a.php` →
 * `hxxps://evil[.]com/a.php` (dots defanged in the host only), `user@evil.com` → `user[@]evil[.]com`,
 * `1.2.3.4` → `1[.]2[.]3[.]4`. Hashes come back unchanged.
 */
export function defang(s: string): string {
  const scheme = /^(https?|ftp|sftp|ftps):\/\//i.exec(s);
  if (scheme) {
    const rest = s.slice(scheme[0].length);
    const cut = rest.search(/[/?#]/);
    const authority = cut < 0 ? rest : rest.slice(0, cut);
    const tail = cut < 0 ? '' : rest.slice(cut);
    const defScheme = scheme[1].toLowerCase().replace(/^http/, 'hxxp').replace(/^ftp/, 'fxp');
    return `${defScheme}://${authority.replace(/\./g, '[.]').replace(/@/g, '[@]')}${tail}`;
  }
  return s.replace(/\./g, '[.]').replace(/@/g, '[@]');
}
