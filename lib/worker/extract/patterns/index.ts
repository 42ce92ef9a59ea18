/**
 * Pattern entities: CVE ids, ATT&CK ids and indicators (IPv4, IPv6, domains, URLs, e-mails, hashes),
 * defanged forms included, with exact offsets and refanged canonical keys.
 *
 * Conventions (each one a decision; the indicator eval lists where other tools differ):
 * - Matches never overlap (a page can't paint overlapping highlights): the earliest, then longest,
 *   span wins. So a URL is one indicator and the domain or IP inside it is not reported again, an
 *   e-mail hides its domain, and a CVE inside a URL is part of the URL. `expandIndicators` gives the
 *   hosts inside URLs and e-mails for search, export and comparison with other tools.
 * - Always refanged: `hxxp`, `h**p`, `[.]`, `(.)`, `{.}`, `[dot]`, `[:]`, `[://]`, `[/]`, `[@]`, `[at]` are
 *   read wherever they are (refang.ts); one-sided `[.`/`.]` and `\\.` only between letters or digits;
 *   ` . ` only between IP parts or after a dotted label.
 *   `why.rule === 'defanged'` says a match was written defanged.
 * - Strict about names: a domain needs an ICANN public suffix (`example.nope`, `invoice.exe`,
 *   `config.js`, `v2.3.1`, `e.g` are not domains) and ASCII labels (`xn--` for IDNs), so a domain
 *   inside CJK text is cut out at its ASCII edges.
 * - Bare names (not in a URL or e-mail, not defanged) must also: have a TLD written in lower case
 *   (`ASP.NET`, `end.In` are prose); not end in a common file extension (`readme.md`, `invoice.zip`:
 *   see FILE_EXTENSION_TLDS); not look like a reverse-DNS package name (`com.google.android`) or an
 *   anti-virus detection name with several capitalised labels (`Trojan-SMS.AndroidOS.Agent.ao`);
 *   not be followed by `(` (`logging.info(`). Defanging lifts these rules: `evil[.]zip` is a host.
 * - Four-part numbers in 0.0.0.0/8 or right after "version"/"v" are versions, not IPv4 addresses;
 *   octets with leading zeros are not read.
 * - URLs need a scheme (http, https, ftp, ftps, sftp, and their hxxp forms, `http__` and `http:\\`
 *   included); `evil[.]com/path` without one is the domain `evil.com`. The host must validate;
 *   trailing sentence punctuation and unbalanced closing parentheses are not part of the URL, a
 *   URL opened by a quote in code ends at that quote, and one opened by a comma (a CSV field) at the
 *   next comma. A bracketed IPv6 host, user info and a port are fine. A percent-encoded URL (`http%3A%2F%2Fevil%2Ecom`) is read decoded; one inside another
 *   URL's query stays part of that URL's highlight and is listed by `expandIndicators`.
 * - Spelled-out e-mails (`user at example dot com`) count; a spelled-out ` dot ` alone does not.
 * - Hashes: a whole hex run of 32/40/64/128 that mixes digits and letters (see findHashes).
 * - Keys are `indicator:<subtype>:<refanged value in lower case>`; `name` is the refanged value
 *   (scheme and host lower-cased, path as written) and `text` the text as written.
 */
import type { EntityMatch, IndicatorSubtype } from '../../../shared/types';
import { canonicalIPv6, FILE_EXTENSION_TLDS, isIPv4, isIPv6, tldOf } from './hosts';
import { findAttackIds, findCves } from './ids';
import { findDomains, findEmails, findHashes, findIPv4s, findIPv6s, findUrls, type Candidate } from './indicators';
import { refangedView, type RefangedView } from './refang';

export { refang, defang, refangedView } from './refang';
export { isValidDomain, isIPv4, isIPv6 } from './hosts';

const PACKAGE_PREFIXES: ReadonlySet<string> = new Set(['com', 'org', 'net', 'edu', 'gov', 'mil']);

/** The bare-name rules (see the module comment); `view` tells whether the span was defanged. */
function bareNameRule(view: RefangedView) {
  return (name: string, start: number, end: number): boolean => {
    if (view.isRefanged(start, end)) return true;
    const tld = tldOf(name);
    if (tld !== tld.toLowerCase() || FILE_EXTENSION_TLDS.has(tld)) return false;
    const labels = name.split('.');
    // Reverse-DNS package and class names (`com.google.xxx`, `org.apache.log4j.core`): hosts
    // never begin with a generic TLD label.
    if (PACKAGE_PREFIXES.has(labels[0])) return false;
    // Anti-virus detection names (`Trojan-SMS.AndroidOS.Agent.ao`): several capitalised labels.
    // Hosts written in prose are lower case or, at most, capitalised once (`Bit.ly`).
    return labels.filter((l) => l !== l.toLowerCase()).length < 2;
  };
}

/** All indicator candidates of a text, with view offsets (overlapping; see findPatternEntities). */
function indicatorCandidates(view: RefangedView): Candidate[] {
  const s = view.text;
  return [...findUrls(s), ...findEmails(s), ...findIPv6s(s), ...findIPv4s(s), ...findDomains(s, bareNameRule(view)), ...findHashes(s)];
}

function toMatch(c: Candidate, text: string, view: RefangedView): EntityMatch {
  const start = view.toOriginalStart(c.start);
  const end = view.toOriginalEnd(c.end);
  const defanged = view.isRefanged(c.start, c.end);
  return {
    type: 'indicator',
    subtype: c.subtype,
    start,
    end,
    text: text.slice(start, end),
    key: `indicator:${c.subtype}:${c.value.toLowerCase()}`,
    name: c.value,
    why: defanged ? { pattern: c.subtype, rule: 'defanged' } : { pattern: c.subtype },
  };
}

/** Earliest start first, then the longest; keeps a match only if it starts after the last kept one ends. */
function dropOverlaps(matches: EntityMatch[]): EntityMatch[] {
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: EntityMatch[] = [];
  let lastEnd = -1;
  for (const m of matches) {
    if (m.start >= lastEnd) {
      out.push(m);
      lastEnd = m.end;
    }
  }
  return out;
}

/** CVE ids, ATT&CK ids and indicators (defanged forms included), sorted by start, non-overlapping. */
export function findPatternEntities(text: string): EntityMatch[] {
  const view = refangedView(text);
  const found: EntityMatch[] = [...findCves(text), ...findAttackIds(text)];
  for (const c of indicatorCandidates(view)) found.push(toMatch(c, text, view));
  return dropOverlaps(found);
}

/** One indicator value (refanged), as other tools list them. */
export interface IndicatorValue {
  subtype: IndicatorSubtype;
  value: string;
}

/** The host inside a URL or e-mail indicator name, as its own indicator value. */
function hostOf(subtype: IndicatorSubtype, name: string): IndicatorValue | undefined {
  let host: string;
  if (subtype === 'email') host = name.slice(name.lastIndexOf('@') + 1);
  else if (subtype === 'url') {
    const rest = name.slice(name.indexOf('://') + 3);
    const cut = rest.search(/[/?#]/);
    const authority = cut < 0 ? rest : rest.slice(0, cut);
    const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
    if (hostPort.startsWith('[')) host = hostPort.slice(1, hostPort.indexOf(']'));
    else host = hostPort.replace(/:\d*$/, '');
  } else return undefined;
  host = host.toLowerCase();
  if (isIPv4(host)) return { subtype: 'ipv4', value: host };
  if (isIPv6(host)) return { subtype: 'ipv6', value: canonicalIPv6(host) };
  return { subtype: 'domain', value: host };
}

/**
 * URLs carried inside a URL's path or query, plain or percent-encoded: a redirector's target
 * (`https://www.google.com/url?q=https%3A%2F%2Fevil.com%2Fa`, Safe Links, `?u=http://…`).
 */
export function innerUrls(url: string): string[] {
  const rest = url.indexOf('://');
  if (url.indexOf('://', rest + 3) < 0 && !/%3A%2F%2F/i.test(url)) return [];
  const cut = rest < 0 ? -1 : url.slice(rest + 3).search(/[/?#]/);
  if (cut < 0) return [];
  return findUrls(url.slice(rest + 3 + cut)).map((c) => c.value);
}

/**
 * Every indicator value in the matches, plus the host of each URL and e-mail and the URLs inside a
 * URL's query (which the highlights don't report separately: they never overlap). For export,
 * search and comparison with list-style extractors.
 */
export function expandIndicators(matches: readonly EntityMatch[]): IndicatorValue[] {
  const out: IndicatorValue[] = [];
  for (const m of matches) {
    if (m.type !== 'indicator') continue;
    const subtype = m.subtype as IndicatorSubtype;
    out.push({ subtype, value: m.name });
    const host = hostOf(subtype, m.name);
    if (host) out.push(host);
    if (subtype !== 'url') continue;
    for (const inner of innerUrls(m.name)) {
      out.push({ subtype: 'url', value: inner });
      const innerHost = hostOf('url', inner);
      if (innerHost) out.push(innerHost);
    }
  }
  return out;
}
