/**
 * Indicator finders. Each runs on the refanged view (see refang.ts), returns candidates with view
 * offsets, and may overlap the others: index.ts resolves overlaps (the longest, earliest span wins,
 * so a URL hides the domain inside it and an e-mail hides its domain).
 *
 * Linear time by construction: the regexes have bounded quantifiers or a single unbounded run that
 * cannot be split two ways, and token borders are checked in code; domains, IPv6 and e-mails are
 * found from their '.', ':' and '@' by hand-written scans that never read a character twice more
 * than a bounded number of times (the next search starts after the token, or scans are capped).
 */
import type { IndicatorSubtype } from '../../../shared/types';
import { canonicalIPv6, isIPv4, isIPv6, isValidDomain } from './hosts';

export interface Candidate {
  subtype: IndicatorSubtype;
  /** View offsets. */
  start: number;
  end: number;
  /** Canonical (refanged) value. */
  value: string;
}

const MAX_URL = 2048;
const MAX_LOCAL = 64;
const MAX_HOST = 253;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isHostChar(c: number): boolean {
  return isAlnum(c) || c === 45 /* - */ || c === 46; /* . */
}
/** Characters of a user-info or e-mail local part (RFC 5322 atext, the usual subset). */
function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45; // . _ % + -
}
/** Characters a URL path, query or fragment may hold as written in text (no brackets, quotes, <>, \). */
function isPathChar(c: number): boolean {
  if (isAlnum(c)) return true;
  // - . _ ~ : / ? # @ ! $ & ' ( ) * + , ; = %
  return (
    c === 45 ||
    c === 46 ||
    c === 95 ||
    c === 126 ||
    c === 58 ||
    c === 47 ||
    c === 63 ||
    c === 35 ||
    c === 64 ||
    c === 33 ||
    c === 36 ||
    c === 38 ||
    c === 39 ||
    c === 40 ||
    c === 41 ||
    c === 42 ||
    c === 43 ||
    c === 44 ||
    c === 59 ||
    c === 61 ||
    c === 37
  );
}

/**
 * A letter of a script written with spaces between words (Latin with diacritics, IPA, combining marks,
 * Greek, Cyrillic). Glued to a name it makes the name a non-ASCII one (`müller.de`, `gómez@junk.br`,
 * a homoglyph `pаypal.com`), so the ASCII part alone would be a wrong value (`ller.de`): no indicator.
 * CJK, Thai and Hangul text sets words right next to an ASCII name, so there the name is cut out at
 * its ASCII edges (`访问example.com获取`, `example.com에서`).
 */
function isSpacedScriptLetter(c: number): boolean {
  if (!(c >= 0xc0)) return false;
  return (c <= 0x36f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x52f) || (c >= 0x1e00 && c <= 0x1fff);
}

/**
 * The name starting at `i` continues a word to its left: the character before is such a letter and
 * itself follows a letter (`mü|ller.de`, `gó|mez@`). A lone one is not enough: mis-decoded pages put
 * `â€œ` (a left quote read as Latin-1) right before names, and `€œ` is no word.
 */
function continuesWord(s: string, i: number): boolean {
  if (!isSpacedScriptLetter(s.charCodeAt(i - 1))) return false;
  const c = s.charCodeAt(i - 2);
  return isSpacedScriptLetter(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Host at `pos` (IPv6 in brackets, IPv4 or domain); returns its end or -1. */
function readHost(s: string, pos: number): { end: number; host: string } | null {
  if (s.charCodeAt(pos) === 91 /* [ */) {
    const close = s.indexOf(']', pos);
    if (close < 0 || close - pos > 46) return null;
    const inner = s.slice(pos + 1, close);
    return isIPv6(inner) ? { end: close + 1, host: `[${inner.toLowerCase()}]` } : null;
  }
  let j = pos;
  while (j < s.length && j - pos <= MAX_HOST && isHostChar(s.charCodeAt(j))) j++;
  while (j > pos && s.charCodeAt(j - 1) === 46) j--; // "http://x.com." ends before the dot
  const host = s.slice(pos, j);
  // 0.0.0.0/8 ("this network") is never an indicator as a bare address, and so not as a URL's host
  // (`http://0.0.0.0:8080/` in a config or a tutorial).
  if (isIPv4(host)) return host.startsWith('0.') ? null : { end: j, host };
  if (isValidDomain(host)) return { end: j, host: host.toLowerCase() };
  return null;
}

/** Trailing characters that end a sentence rather than a URL. */
function isTrailingPunct(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 39 || c === 42;
}

const SCHEME = /(?<![A-Za-z0-9])(?:https?|ftps?|sftp)(?::\/\/|%3A%2F%2F)/gi;

/** Characters of a percent-encoded URL inside a query value (`q=https%3A%2F%2Fevil.com%2Fa`): it ends at `&`. */
function isEncodedChar(c: number): boolean {
  return isAlnum(c) || c === 37 || c === 46 || c === 95 || c === 126 || c === 45 || c === 43; // % . _ ~ - +
}

/**
 * A percent-encoded URL at `start` (its scheme matched as `http%3A%2F%2F`): the run of encoded-URL
 * characters, decoded, must itself read as a URL from its first character. The span is the encoded
 * run (sentence punctuation given back); the value is the decoded URL.
 */
function encodedUrlAt(s: string, start: number): { end: number; url: Candidate | null } {
  let end = start;
  while (end < s.length && end - start < MAX_URL && isEncodedChar(s.charCodeAt(end))) end++;
  while (end > start && isTrailingPunct(s.charCodeAt(end - 1))) end--;
  let decoded: string;
  try {
    decoded = decodeURIComponent(s.slice(start, end).replace(/\+/g, ' '));
  } catch {
    return { end, url: null }; // a broken escape: not a URL we can read
  }
  if (/%3A%2F%2F/i.test(decoded.slice(0, 16))) return { end, url: null }; // encoded twice: read once only
  const inner = findUrls(decoded)[0];
  if (!inner || inner.start !== 0) return { end, url: null };
  return { end, url: { subtype: 'url', start, end, value: inner.value } };
}

/**
 * http, https, ftp(s), sftp URLs (hxxp forms arrive refanged). A host is required and validated.
 * A URL opened by a quote (`DownloadString('https://…')`, `u='http://…';`) ends at that quote, one
 * opened by a comma (a CSV field) at the next comma; a
 * percent-encoded URL (`http%3A%2F%2Fexample%2Ecom`) is read decoded (see encodedUrlAt).
 */
export function findUrls(s: string): Candidate[] {
  const out: Candidate[] = [];
  SCHEME.lastIndex = 0;
  for (let m = SCHEME.exec(s); m !== null; m = SCHEME.exec(s)) {
    const start = m.index;
    if (m[0].endsWith('F') || m[0].endsWith('f')) {
      // The next search starts after the run, read or not: each character is decoded once at most.
      const { end, url } = encodedUrlAt(s, start);
      if (url) out.push(url);
      SCHEME.lastIndex = Math.max(end, start + m[0].length);
      continue;
    }
    // A URL opened by a quote in code, or by a comma as a CSV field (`url,https://…/a,comment`),
    // ends at the next of that character; elsewhere both may sit inside a URL (`?family=Lato:400,700`).
    const opener = s.charCodeAt(start - 1);
    const closer = opener === 39 /* ' */ || opener === 44 /* , */ ? opener : -1;
    let pos = start + m[0].length;
    // user-info (`user:pass@` or the `paypal.com@evil.com` trick): the host follows the last '@'.
    let j = pos;
    let at = -1;
    while (j < s.length && j - pos <= MAX_LOCAL * 2) {
      const c = s.charCodeAt(j);
      if (c === 64) at = j;
      else if (!isLocalChar(c) && c !== 58) break;
      j++;
    }
    const userinfo = at >= 0 ? s.slice(pos, at + 1) : '';
    if (at >= 0) pos = at + 1;
    const host = readHost(s, pos);
    if (!host) continue;
    let end = host.end;
    // port
    if (s.charCodeAt(end) === 58) {
      let k = end + 1;
      while (k < s.length && k - end <= 5 && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) k++;
      if (k > end + 1 && k - end <= 6) end = k;
    }
    const c = s.charCodeAt(end);
    if (c === 47 || c === 63 || c === 35) {
      // path, query, fragment: read, then give back sentence punctuation and unbalanced ')'.
      let k = end;
      let depth = 0;
      // Letters of spaced scripts are part of a path as written (`/wiki/Москва`, `/wiki/Müller`); CJK
      // text runs on right after a URL without a space, so its letters end the URL.
      while (k < s.length && k - start < MAX_URL && (isPathChar(s.charCodeAt(k)) || isSpacedScriptLetter(s.charCodeAt(k)))) {
        const ch = s.charCodeAt(k);
        if (ch === closer) break;
        if (ch === 40) depth++;
        else if (ch === 41) depth--;
        k++;
      }
      for (;;) {
        const last = s.charCodeAt(k - 1);
        if (isTrailingPunct(last)) k--;
        else if (last === 41 && depth < 0) {
          depth++;
          k--;
        } else if (last === 40 && depth > 0) {
          // An opening parenthesis the URL never closes, last (`/a_(✪)`, `/x(see`): not part of it.
          depth--;
          k--;
        } else break;
      }
      end = Math.max(end, k);
    }
    const scheme = m[0].toLowerCase();
    const value = scheme + userinfo + host.host + s.slice(host.end, end);
    out.push({ subtype: 'url', start, end, value });
    SCHEME.lastIndex = end;
  }
  return out;
}

/** user@host.tld — local part up to 64 characters, the host a valid domain. */
export function findEmails(s: string): Candidate[] {
  const out: Candidate[] = [];
  let from = 0;
  for (let at = s.indexOf('@', from); at >= 0; at = s.indexOf('@', from)) {
    from = at + 1;
    let i = at;
    while (i > 0 && at - i < MAX_LOCAL + 1 && isLocalChar(s.charCodeAt(i - 1))) i--;
    if (i > 0 && isLocalChar(s.charCodeAt(i - 1))) continue; // local part too long
    if (continuesWord(s, i)) continue; // `gómez@…`: not `mez@…`
    // A sentence's dot, a list's dash or a rule of dashes (`-----user@host`) before the address is
    // not part of it (RFC 5322 allows a leading '-'; addresses in reports do not have one).
    while (i < at && (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 45)) i++;
    const local = s.slice(i, at);
    // The scan reads one character more than a local part may hold: 65 of them at the start of
    // the text are no address (RFC 5321 allows 64), not one to report.
    if (local.length === 0 || local.length > MAX_LOCAL || local.endsWith('.') || local.includes('..')) continue;
    let j = at + 1;
    while (j < s.length && j - at <= MAX_HOST && isHostChar(s.charCodeAt(j))) j++;
    while (j > at + 1 && (s.charCodeAt(j - 1) === 46 || s.charCodeAt(j - 1) === 45)) j--;
    const domain = s.slice(at + 1, j);
    if (!isValidDomain(domain)) continue;
    out.push({ subtype: 'email', start: i, end: j, value: `${local}@${domain}`.toLowerCase() });
    from = j;
  }
  return out;
}

function isWordChar(c: number): boolean {
  return isAlnum(c) || c === 95; // _
}

/**
 * Four octets, not part of a longer dotted number (`1.2.3.4.5`) or word (`x1.2.3.4`). The regex
 * has no lookbehind (a lookbehind is tried at every position, which costs more than the rare
 * boundary checks done here) and only bounded quantifiers.
 */
const IPV4 = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/g;
/**
 * Four-part numbers that aren't addresses: versions and numbered sections ("Version 0.3.0.1",
 * "build 10.0.1.2", "section 2.1.1.3"). A quad right after a word that labels a numbering is that
 * numbering, and so is any quad in 0.0.0.0/8 ("this network", never routed, so never an indicator;
 * 0.0.0.0 itself is a bind address, not an IOC).
 */
const VERSION_BEFORE = /(?:^|[^A-Za-z])(?:v|ver\.?|version|build|release|rel\.|rev\.?|revision|firmware|section|sec\.|§|chapter|step)\s?$/i;

export function findIPv4s(s: string): Candidate[] {
  const out: Candidate[] = [];
  IPV4.lastIndex = 0;
  for (let m = IPV4.exec(s); m !== null; m = IPV4.exec(s)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = s.charCodeAt(start - 1);
    const after = s.charCodeAt(end);
    const afterNext = s.charCodeAt(end + 1);
    // A dot before is a longer dotted number or name (`1.1.2.3.4`, `ab.1.2.3.4`), but two dots are an
    // ellipsis, punctuation (`seen at...1.2.3.4`).
    if (isWordChar(before) || (before === 46 && s.charCodeAt(start - 2) !== 46)) continue;
    if (isWordChar(after) || (after === 46 && afterNext >= 48 && afterNext <= 57)) continue;
    if (!isIPv4(m[0]) || m[0].startsWith('0.') || VERSION_BEFORE.test(s.slice(Math.max(0, start - 12), start))) continue;
    out.push({ subtype: 'ipv4', start, end, value: m[0] });
  }
  return out;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * IPv6, found from its colons: around each ':' take the maximal run of hex digits, colons and
 * dots (dots for an IPv4 tail), check what borders it, validate. The next search starts after the
 * run, so every character is read a bounded number of times.
 */
export function findIPv6s(s: string): Candidate[] {
  const out: Candidate[] = [];
  let from = 0;
  for (let colon = s.indexOf(':', from); colon >= 0; colon = s.indexOf(':', from)) {
    let start = colon;
    while (start > from && (isHexDigit(s.charCodeAt(start - 1)) || s.charCodeAt(start - 1) === 58)) start--;
    let end = colon + 1;
    while (end < s.length && end - start <= 64) {
      const c = s.charCodeAt(end);
      if (!isHexDigit(c) && c !== 58 && c !== 46) break;
      end++;
    }
    from = end;
    const before = s.charCodeAt(start - 1);
    if (isWordChar(before) || before === 46) continue; // `xyz:ab::1`, `v.ab::1`
    if (isWordChar(s.charCodeAt(end))) continue; // `ab:cd:ez` is not an address
    let v = s.slice(start, end);
    while (v.endsWith('.')) v = v.slice(0, -1);
    if (v.endsWith(':') && !v.endsWith('::')) v = v.slice(0, -1);
    if (isIPv6(v)) out.push({ subtype: 'ipv6', start, end: start + v.length, value: canonicalIPv6(v) });
  }
  return out;
}

function isNameChar(c: number): boolean {
  return isWordChar(c) || c === 45 || c === 46; // - .
}

/**
 * Bare domains, found from their dots: around each '.' that has a name character on both sides,
 * take the maximal token of letters, digits, '_', '-' and '.'; trim the dots and hyphens at its
 * ends; the whole token must be a valid domain (no sub-pieces: `my_file.zip` is not `file.zip`).
 * `accept` is the caller's rule for bare names (file-extension and capitalised TLDs; index.ts),
 * given the view span. The next search starts after the token: linear.
 */
export function findDomains(s: string, accept: (name: string, start: number, end: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  let from = 0;
  for (let dot = s.indexOf('.', from); dot >= 0; dot = s.indexOf('.', from)) {
    from = dot + 1;
    if (!isWordChar(s.charCodeAt(dot - 1)) || !isWordChar(s.charCodeAt(dot + 1))) continue;
    let start = dot;
    while (start > 0 && isNameChar(s.charCodeAt(start - 1))) start--;
    let end = dot + 1;
    while (end < s.length && isNameChar(s.charCodeAt(end))) end++;
    from = end;
    if (continuesWord(s, start)) continue; // `müller.de`: not `ller.de`
    while (start < end && (s.charCodeAt(start) === 46 || s.charCodeAt(start) === 45)) start++;
    while (end > start && (s.charCodeAt(end - 1) === 46 || s.charCodeAt(end - 1) === 45)) end--;
    const next = s.charCodeAt(end);
    if (next === 64) continue; // the local part of an e-mail
    if (next === 40) continue; // a call in code: `logging.info(`, `asyncio.run(`
    const name = s.slice(start, end);
    if (!isValidDomain(name) || !accept(name, start, end)) continue;
    out.push({ subtype: 'domain', start, end, value: name.toLowerCase() });
  }
  return out;
}

const HASH_BY_LENGTH: Record<number, IndicatorSubtype> = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' };
const MIN_HASH = 32;

function distinctChars(run: string): number {
  return new Set(run).size;
}
const HAS_DIGIT = /\d/;
const HAS_HEX_LETTER = /[a-fA-F]/;

/**
 * MD5/SHA-1/SHA-256/SHA-512 by length: a whole hex run of exactly 32/40/64/128 digits between
 * non-alphanumerics (never a piece of a longer run, never `0x…` addresses). The run must mix
 * digits and letters and hold at least 6 distinct digits: an all-digit run is a number (a random
 * MD5 is all digits with odds of 3 in 10 million), and all-letter or low-variety runs (`aaaa…`,
 * `0000…`, `bbbb…b1`) are placeholders; a real digest has about 14 distinct digits in 32.
 *
 * Skip scan: a run of 32 must cover every 32nd position, so we probe one character in 32 and only
 * read around probes that land on a hex digit (prose is ~70 % non-hex): each character is read at
 * most twice, most never.
 */
export function findHashes(s: string): Candidate[] {
  const out: Candidate[] = [];
  let floor = 0; // characters before this were already read
  for (let probe = MIN_HASH - 1; probe < s.length;) {
    if (!isHexDigit(s.charCodeAt(probe))) {
      floor = probe + 1;
      probe += MIN_HASH;
      continue;
    }
    let start = probe;
    while (start > floor && isHexDigit(s.charCodeAt(start - 1))) start--;
    let end = probe + 1;
    while (end < s.length && isHexDigit(s.charCodeAt(end))) end++;
    floor = end + 1;
    probe = end + MIN_HASH;
    const subtype = HASH_BY_LENGTH[end - start];
    if (!subtype || isAlnum(s.charCodeAt(start - 1)) || isAlnum(s.charCodeAt(end))) continue;
    const run = s.slice(start, end);
    if (!HAS_DIGIT.test(run) || !HAS_HEX_LETTER.test(run) || distinctChars(run.toLowerCase()) < 6) continue;
    out.push({ subtype, start, end, value: run.toLowerCase() });
  }
  return out;
}
