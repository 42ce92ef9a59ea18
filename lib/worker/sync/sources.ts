/**
 * The places the sync reads: built-in sources (security news feeds of the sites in lib/shared/sites.ts that
 * publish one, CISA KEV, MITRE ATT&CK's STIX bundles, MISP galaxy clusters) and the user's own feeds.
 *
 * Built-ins live here in code; the `sources` table holds a row per source with the user's choice
 * (enabled or not) and the user's feeds. Each source's host is an optional host permission, asked for
 * from the onboarding page or the options page; a source whose host is not granted waits.
 *
 * Tests point every built-in source at a local server with `sourceBaseOverride`: a loopback origin only
 * (http://127.0.0.1:PORT or http://localhost:PORT), under which `https://host/path` is fetched as
 * `ORIGIN/host/path`. Nothing else is accepted, so the setting can never send a request off the machine
 * to a host the user did not choose.
 */
import type { SourceRow } from '../db/schema';
import { canonicalUrl } from './parse/links';

export type SourceKind = SourceRow['kind'];

export interface BuiltinSource {
  id: string;
  kind: Exclude<SourceKind, 'stix'>;
  title: string;
  url: string;
  /** The site's own pages, for the options page link. */
  home?: string;
}

const feed = (id: string, title: string, url: string, home: string): BuiltinSource => ({
  id: `feed:${id}`,
  kind: 'feed',
  title,
  url,
  home,
});
const ATTACK = 'https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master';
const MISP = 'https://raw.githubusercontent.com/MISP/misp-galaxy/main/clusters';
const misp = (name: string, title: string): BuiltinSource => ({
  id: `misp:${name}`,
  kind: 'misp',
  title: `MISP galaxy: ${title}`,
  url: `${MISP}/${name}.json`,
});

export const BUILTIN_SOURCES: readonly BuiltinSource[] = [
  feed('therecord', 'The Record', 'https://therecord.media/feed/', 'https://therecord.media/'),
  feed('bleepingcomputer', 'BleepingComputer', 'https://www.bleepingcomputer.com/feed/', 'https://www.bleepingcomputer.com/'),
  feed('thehackernews', 'The Hacker News', 'https://feeds.feedburner.com/TheHackersNews', 'https://thehackernews.com/'),
  feed('securityweek', 'SecurityWeek', 'https://www.securityweek.com/feed/', 'https://www.securityweek.com/'),
  feed('krebsonsecurity', 'Krebs on Security', 'https://krebsonsecurity.com/feed/', 'https://krebsonsecurity.com/'),
  feed('darkreading', 'Dark Reading', 'https://www.darkreading.com/rss.xml', 'https://www.darkreading.com/'),
  feed('helpnetsecurity', 'Help Net Security', 'https://www.helpnetsecurity.com/feed/', 'https://www.helpnetsecurity.com/'),
  feed(
    'theregister',
    'The Register: Security',
    'https://www.theregister.com/security/headlines.atom',
    'https://www.theregister.com/security/',
  ),
  feed('cyberscoop', 'CyberScoop', 'https://cyberscoop.com/feed/', 'https://cyberscoop.com/'),
  feed('sans-isc', 'SANS Internet Storm Center', 'https://isc.sans.edu/rssfeed_full.xml', 'https://isc.sans.edu/'),
  feed(
    'cisa',
    'CISA advisories',
    'https://www.cisa.gov/cybersecurity-advisories/all.xml',
    'https://www.cisa.gov/news-events/cybersecurity-advisories',
  ),
  feed('ncsc', 'NCSC UK', 'https://www.ncsc.gov.uk/api/1/services/v1/all-rss-feed.xml', 'https://www.ncsc.gov.uk/'),
  feed('schneier', 'Schneier on Security', 'https://www.schneier.com/feed/atom/', 'https://www.schneier.com/'),
  feed('securityaffairs', 'Security Affairs', 'https://securityaffairs.com/feed', 'https://securityaffairs.com/'),
  feed(
    'infosecurity-magazine',
    'Infosecurity Magazine',
    'https://www.infosecurity-magazine.com/rss/news/',
    'https://www.infosecurity-magazine.com/',
  ),
  feed('welivesecurity', 'WeLiveSecurity (ESET)', 'https://www.welivesecurity.com/en/rss/feed/', 'https://www.welivesecurity.com/'),
  {
    id: 'kev',
    kind: 'kev',
    title: 'CISA Known Exploited Vulnerabilities',
    url: 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json',
    home: 'https://www.cisa.gov/known-exploited-vulnerabilities-catalog',
  },
  {
    id: 'attack:enterprise',
    kind: 'attack',
    title: 'MITRE ATT&CK Enterprise',
    url: `${ATTACK}/enterprise-attack/enterprise-attack.json`,
    home: 'https://attack.mitre.org/',
  },
  {
    id: 'attack:ics',
    kind: 'attack',
    title: 'MITRE ATT&CK ICS',
    url: `${ATTACK}/ics-attack/ics-attack.json`,
    home: 'https://attack.mitre.org/',
  },
  {
    id: 'attack:mobile',
    kind: 'attack',
    title: 'MITRE ATT&CK Mobile',
    url: `${ATTACK}/mobile-attack/mobile-attack.json`,
    home: 'https://attack.mitre.org/',
  },
  misp('threat-actor', 'threat actors'),
  misp('ransomware', 'ransomware'),
  misp('tool', 'tools'),
  misp('mitre-intrusion-set', 'ATT&CK groups'),
  misp('mitre-malware', 'ATT&CK malware'),
  misp('mitre-tool', 'ATT&CK tools'),
  misp('mitre-attack-pattern', 'ATT&CK techniques'),
  misp('country', 'countries'),
];

/** A catalogue (daily) rather than a news feed (every 30 minutes). */
export function isCatalogue(kind: SourceKind): boolean {
  return kind !== 'feed';
}

/** Largest answer read per kind: news feeds are small; ATT&CK Enterprise is ~45 MB. */
export function maxBytesFor(kind: SourceKind): number {
  if (kind === 'feed') return 5 * 1024 * 1024;
  if (kind === 'attack') return 80 * 1024 * 1024;
  return 20 * 1024 * 1024;
}

/** The match pattern of a source's host, for `permissions.request`/`contains`: `https://host/*`. */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/**
 * The host permission a feed the user types needs; undefined for an address that is not http(s) (asked for
 * an ftp: or file: origin, the browser refuses with "Only permissions specified in the manifest may be requested").
 */
export function feedOrigin(url: string): string | undefined {
  const canonical = canonicalUrl(url.trim());
  return canonical && originPattern(canonical);
}

/** Every built-in source's origin: the manifest's optional host permissions. */
export const BUILTIN_ORIGINS: readonly string[] = [...new Set(BUILTIN_SOURCES.map((s) => originPattern(s.url)))];

/** True for an origin the test override may use: http on the loopback interface, nothing else. */
export function isLoopbackOrigin(origin: string | undefined): boolean {
  if (!origin) return false;
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost') && u.pathname === '/' && !u.search;
  } catch {
    return false;
  }
}

/** Where a source is fetched from: its own URL, or under the loopback test origin for built-ins. */
export function effectiveUrl(source: Pick<SourceRow, 'id' | 'url'>, baseOverride: string | undefined): string {
  if (!isLoopbackOrigin(baseOverride) || source.id.startsWith('feed:user:')) return source.url;
  const u = new URL(source.url);
  return `${new URL(baseOverride!).origin}/${u.host}${u.pathname}${u.search}`;
}

/** A stable id for a user's feed, from its URL (FNV-1a, 32 bits, hex): `feed:user:1a2b3c4d`. */
export function userFeedId(url: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `feed:user:${(h >>> 0).toString(16).padStart(8, '0')}`;
}

function builtinRow(s: BuiltinSource, now: number): SourceRow {
  return { id: s.id, kind: s.kind, url: s.url, title: s.title, enabled: true, addedAt: now };
}

/**
 * The sources table brought up to date with the built-ins: missing ones added (enabled), the URL and title
 * of existing ones refreshed (a new release may move a feed); the user's choices and feeds kept.
 */
export async function ensureBuiltinSources(
  db: { sources: { toArray(): Promise<SourceRow[]>; bulkPut(rows: SourceRow[]): Promise<unknown> } },
  now = Date.now(),
): Promise<SourceRow[]> {
  const rows = await db.sources.toArray();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const changed: SourceRow[] = [];
  for (const s of BUILTIN_SOURCES) {
    const row = byId.get(s.id);
    if (!row) changed.push(builtinRow(s, now));
    else if (row.url !== s.url || row.title !== s.title) changed.push({ ...row, url: s.url, title: s.title });
  }
  if (changed.length) await db.sources.bulkPut(changed);
  for (const c of changed) byId.set(c.id, c);
  // The registry's order, then the user's feeds in the order they were added.
  const order = new Map(BUILTIN_SOURCES.map((s, i) => [s.id, i]));
  return [...byId.values()].sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || a.addedAt - b.addedAt);
}
