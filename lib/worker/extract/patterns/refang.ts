/**
 * Defanged forms and the "refanged view" of a text.
 *
 * Analysts defang indicators so that nobody clicks them: `hxxp://`, `hXXps[:]//`, `evil[.]com`,
 * `1.2.3(.)4`, `{.}`, `[dot]`, `user[@]host`, `user[at]host`, `2.2.2 . 2`. Rather than teaching every
 * finder every form, we rewrite the text once into a view where each marker is replaced by the
 * character it stands for, run the plain finders on the view, and map the offsets back to the
 * original text. Texts without markers (most articles) cost one regex scan and no copy.
 */
import { lastAtOrBefore } from '../../../shared/sorted';

/**
 * The markers, found by a few cheap scans (one regex over every ` . ` candidate costs 10x more on
 * real pages, where spaces are everywhere and dots are not):
 * - BRACKET: a bracket `[ ( {` + optional space + `.`/`dot`/`@`/`at` + optional space + `] ) }`
 *   (mixed pairs like `(.]` occur in the wild), with one space on either side taken along
 *   (`john [at] example [dot] com`); and `[:]`, `[://]`, `[/]` inside URLs. Fixed shapes, linear.
 * - `hxxp`/`hXXp`/`h**p` and `fxp` (any case) at a word start, followed by `s`? and `:`, `[:` or `__`
 *   (`h**p` is how some vendors' reports mask a scheme; `**` before `p` is no prose word).
 * - `\/` (a JSON-escaped slash) anywhere: `http:\/\/evil.com\/a` is `http://evil.com/a`.
 * - `__` and `:\\`: the `://` of a scheme written `__` (`http__example.com`, as Cisco ESA and file names
 *   write it) or `:\\` (`http:\\example.com`), right after http(s)/hxxp(s)/ftp(s)/fxp at a word start.
 * - From each '.': ` . ` (space-dot-space), kept only where it can't be prose (`acceptSpacedDot`);
 *   a one-sided bracket (`example[.com`, `evil.]ru`, `1(.1`) and a backslash-escaped dot
 *   (`evil\.com`, as regexes and YARA rules write hosts), both only with a letter or digit right
 *   on either side, so `(see note 1.) Then` and `C:\\dir\\a.exe` stay prose.
 * - A bare '@' with a space beside it (`user @ example[.]com`) when a defanged host follows (spacedAtMarkers).
 * - Spelled-out e-mails (`user at example dot com`, `user AT example DOT com`): ` at ` is an '@' only
 *   when a host label and at least one ` dot ` + label follow it (`readSpelledEmail`); so is ` dot `
 *   in a host after a written '@' (`user@example dot com`). A bare ` dot ` (`the dot com bubble`) or
 *   ` at ` before a written domain (`met at example.com`) is prose.
 */
const BRACKET = /[[({] ?(?:\.|dot|@|at) ?[\])}]|[[({](?::\/\/|:|\/)[\])}]/gi;
const XXP = /(?:[xX]{2}|\*\*)[pP]|[fF][xX][pP]/g;
/** A scheme right before `__` or `:\\` (checked on the few characters before each, found by indexOf). */
const SCHEME_BEFORE = /(?:h[tx]{2}ps?|ftps?|fxp)$/i;
const SPELLED_AT = / (?:at|AT|At) /g;

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
  return prev === 46 /* . */ || prev === 93 /* ] */ || prev === 41 /* ) */ || prev === 125; /* } */
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

/** A word start for a scheme: no letter, digit or '_' before it (`screenshot_http__x.com` is a file name). */
function atWordStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  return !isAsciiAlnum(c) && c !== 95;
}

function isLabelChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 45;
}

/** Length of the host label (letters, digits, '-') at `i`, at most 63; 0 when none. */
function labelAt(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < 63 && isLabelChar(text.charCodeAt(j))) j++;
  return isLabelChar(text.charCodeAt(j)) ? 0 : j - i;
}

const SPELLED_DOT = /^ (?:dot|DOT|Dot) /;

/**
 * The ` dot ` markers of a host spelled out from `i`: a label, then one to four ` dot ` + label
 * (`example dot co dot uk`); none when no ` dot ` follows the first label. At most five labels read.
 */
function spelledDotsAt(text: string, i: number): [number, number, string][] {
  const out: [number, number, string][] = [];
  let n = labelAt(text, i);
  if (n === 0) return out;
  i += n;
  for (let k = 0; k < 4; k++) {
    if (!SPELLED_DOT.test(text.slice(i, i + 5))) break;
    n = labelAt(text, i + 5);
    if (n === 0) break;
    out.push([i, i + 5, '.']);
    i += 5 + n;
  }
  return out;
}

/**
 * `user at example dot com`: from the ` at ` at `at`, the markers for '@' and each ` dot `, or none
 * when the shape is not there (a local-part character before, then a spelled-out host).
 */
function readSpelledEmail(text: string, at: number): [number, number, string][] {
  const c = text.charCodeAt(at - 1);
  if (!isAsciiAlnum(c) && c !== 95 && c !== 45) return [];
  const dots = spelledDotsAt(text, at + 4);
  return dots.length > 0 ? [[at, at + 4, '@'], ...dots] : [];
}

function isLocalPartChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 95 || c === 45 || c === 43 || c === 46 || c === 37; // _ - + . %
}

/**
 * `user @ example[.]com`, `user@ example[.]com`, `user @example[.]com`: a bare '@' with a space on
 * either side is an '@' only when a local-part character comes before it and, after it, a host label
 * whose dot is a defang marker (`dotStarts`): the writer marked the host, so the whole is an address.
 * `meet @ 5pm`, `a @ example.com` and `@handle` stay prose. One look per '@' (rare in prose), of at
 * most a local part's length back.
 */
function spacedAtMarkers(text: string, dotStarts: ReadonlySet<number>): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const spaceBefore = text.charCodeAt(at - 1) === 32;
    const spaceAfter = text.charCodeAt(at + 1) === 32;
    if (!spaceBefore && !spaceAfter) continue;
    const from = spaceBefore ? at - 1 : at;
    const to = spaceAfter ? at + 2 : at + 1;
    if (!isLocalPartChar(text.charCodeAt(from - 1))) continue;
    // A local part never begins with a dot: `marshall .1986 @ host[.]com` is a cut address.
    let k = from;
    while (k > 0 && from - k <= 64 && isLocalPartChar(text.charCodeAt(k - 1))) k--;
    if (text.charCodeAt(k) === 46) continue;
    const n = labelAt(text, to);
    if (n > 0 && dotStarts.has(to + n)) out.push([from, to, '@']);
  }
  return out;
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
    const next = text.charCodeAt(k);
    if (next === 58 || (next === 91 && text.charCodeAt(k + 1) === 58) || (next === 95 && text.charCodeAt(k + 1) === 95)) {
      out.push(ftp ? [start, start + 3, 'ftp'] : [start, start + 4, 'http']);
    }
  }
  // `\/`: a slash as JSON strings escape it (`"http:\/\/evil.com\/gate.php"` in configs and API dumps).
  for (let i = text.indexOf('\\/'); i >= 0; i = text.indexOf('\\/', i + 2)) out.push([i, i + 2, '/']);
  for (const sep of ['__', ':\\\\']) {
    for (let i = text.indexOf(sep); i >= 0; i = text.indexOf(sep, i + sep.length)) {
      const c = text.charCodeAt(i + sep.length);
      if (!isAsciiAlnum(c) && c !== 91) continue;
      const scheme = SCHEME_BEFORE.exec(text.slice(Math.max(0, i - 5), i));
      if (scheme && atWordStart(text, i - scheme[0].length)) out.push([i, i + sep.length, '://']);
    }
  }
  // Spelled-out e-mails need a spelled-out dot: most texts have none, and then ` at ` is not read.
  if (text.includes(' dot ') || text.includes(' DOT ') || text.includes(' Dot ')) {
    SPELLED_AT.lastIndex = 0;
    for (let m = SPELLED_AT.exec(text); m !== null; m = SPELLED_AT.exec(text)) {
      out.push(...readSpelledEmail(text, m.index));
      SPELLED_AT.lastIndex = m.index + 3; // "a at b at c": the next ` at ` may share this one's space
    }
    // `user@example dot com`: the '@' written, the host's dots spelled out.
    for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      const c = text.charCodeAt(at - 1);
      if (isAsciiAlnum(c) || c === 95 || c === 45) out.push(...spelledDotsAt(text, at + 1));
    }
  }
  // From each '.', not from each ' . ': a one-character search is several times faster.
  for (let dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
    const before = text.charCodeAt(dot - 1);
    const after = text.charCodeAt(dot + 1);
    if (before === 32 && after === 32) {
      if (acceptSpacedDot(text, dot - 1)) out.push([dot - 1, dot + 2, '.']);
    } else if ((before === 91 || before === 40 || before === 123 || before === 92) && isAsciiAlnum(after)) {
      // `example[.com`, `1(.1`, `evil\.com`
      if (isAsciiAlnum(text.charCodeAt(dot - 2))) out.push([dot - 1, dot + 1, '.']);
    } else if ((after === 93 || after === 41 || after === 125) && isAsciiAlnum(before)) {
      // `evil.]ru`, `1.)1`
      if (isAsciiAlnum(text.charCodeAt(dot + 2))) out.push([dot, dot + 2, '.']);
    }
  }
  if (out.length > 0 && text.includes('@')) {
    const dotStarts = new Set(out.filter((m) => m[2] === '.').map((m) => m[0]));
    if (dotStarts.size > 0) out.push(...spacedAtMarkers(text, dotStarts));
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
