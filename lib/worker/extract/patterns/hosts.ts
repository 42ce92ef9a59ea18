/**
 * Host validation: IPv4, IPv6 and domain names checked against the public suffix list (tldts).
 * Pure functions over short strings; the finders call them on candidates they already cut out.
 */
import { parse } from 'tldts';

const TLDTS_OPTIONS = {
  allowPrivateDomains: false,
  extractHostname: false,
  validateHostname: false,
  detectIp: false,
  mixedInputs: false,
} as const;

/**
 * Suffixes that are real TLDs but far more often file extensions in security writing
 * (`readme.md`, `invoice.zip`, `install.sh`, `loader.py`, `libfoo.so`, `note.one`, `app.js.map`).
 * A bare name ending in one of them is NOT reported as a domain unless the writer defanged it
 * (`evil[.]zip` says "this is a host") or it sits in a URL or an e-mail address, where it can
 * only be a host. Why: analysts defang the hosts they mean, while file names appear undefanged
 * in nearly every malware write-up; a false "domain" on every attachment name costs more trust
 * than the rare missed bare `.zip`/`.mov` host. Real-world TLDs that are common in reports
 * (.cc, .pl, .ai, .app, .io) are deliberately NOT in this list.
 */
export const FILE_EXTENSION_TLDS: ReadonlySet<string> = new Set([
  'zip',
  'mov',
  'md',
  'py',
  'sh',
  'rs',
  'ps',
  'so',
  'one',
  'pub',
  'java',
  'cab',
  'map',
  'pm',
]);

const MAX_DOMAIN_LENGTH = 253;
const hostCache = new Map<string, boolean>();

/** An LDH label (letters, digits, inner hyphens), 1–63 characters, ASCII only. */
function isLabel(label: string): boolean {
  const n = label.length;
  if (n === 0 || n > 63) return false;
  for (let i = 0; i < n; i++) {
    const c = label.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (!alnum && !(c === 45 && i > 0 && i < n - 1)) return false;
  }
  return true;
}

/**
 * A syntactically valid ASCII host name whose suffix is in the ICANN section of the public suffix
 * list and which has a registrable label before it (`co.uk` alone is not a domain).
 * Unicode host names are not accepted as written (use the `xn--` form): CJK text puts words
 * right next to a domain without spaces, so letting non-ASCII letters into a label swallows prose.
 */
export function isValidDomain(name: string): boolean {
  if (name.length < 3 || name.length > MAX_DOMAIN_LENGTH) return false;
  const host = name.toLowerCase();
  const cached = hostCache.get(host);
  if (cached !== undefined) return cached;
  let ok = true;
  const labels = host.split('.');
  if (labels.length < 2) ok = false;
  for (let i = 0; ok && i < labels.length; i++) if (!isLabel(labels[i])) ok = false;
  // An all-digit last label is an IP address or a version number, never a TLD.
  if (ok && /^\d+$/.test(labels[labels.length - 1])) ok = false;
  if (ok) {
    const info = parse(host, TLDTS_OPTIONS);
    ok = info.isIcann === true && info.domain !== null;
  }
  if (hostCache.size > 20_000) hostCache.clear();
  hostCache.set(host, ok);
  return ok;
}

/** The last label of a dotted name. */
export function tldOf(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** Dotted quad, each octet 0–255 written without leading zeros (`010.1.1.1` is octal-ambiguous). */
export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  for (const p of parts) {
    if (p.length === 0 || p.length > 3 || !/^\d+$/.test(p)) return false;
    if (p.length > 1 && p[0] === '0') return false;
    if (Number(p) > 255) return false;
  }
  return true;
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/**
 * Full or compressed IPv6 (an embedded dotted IPv4 tail allowed). At least two non-empty groups:
 * `::1` is loopback and `::` nothing, never indicators. Times (`12:30:45`) and MAC addresses
 * (six groups, no `::`) fail.
 */
/**
 * One spelling per IPv6 address (RFC 5952): lower case, no leading zeros, the longest run of two or more
 * zero groups written as '::'. So `2001:DB8:0:0:0:0:0:1` and `2001:db8::1` meet at one key. An embedded
 * IPv4 tail stays dotted. Assumes isIPv6(s).
 */
export function canonicalIPv6(s: string): string {
  const expand = (half: string): number[] => {
    const out: number[] = [];
    for (const g of half === '' ? [] : half.split(':')) {
      if (g.includes('.')) {
        const [a, b, c, d] = g.split('.').map(Number);
        out.push((a << 8) | b, (c << 8) | d);
      } else out.push(parseInt(g, 16));
    }
    return out;
  };
  const halves = s.split('::');
  const head = expand(halves[0]);
  const tail = halves.length === 2 ? expand(halves[1]) : [];
  const groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  // RFC 5952 §5: an address written with an IPv4 tail (::ffff:192.0.2.128) keeps it.
  const v4 = s.includes('.');
  if (v4) hex.splice(6, 2, `${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`);
  if (best < 0) return hex.join(':');
  const stop = v4 ? Math.min(best + bestLen, 6) : best + bestLen;
  if (v4 && best >= 6) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(stop).join(':')}`;
}

export function isIPv6(s: string): boolean {
  if (s.length < 3 || s.length > 45) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups: string[] = [];
  for (const half of halves) if (half.length > 0) groups.push(...half.split(':'));
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (i === groups.length - 1 && g.includes('.')) {
      if (!isIPv4(g)) return false;
      count += 2;
    } else if (HEX_GROUP.test(g)) count += 1;
    else return false;
  }
  if (groups.length < 2) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}
