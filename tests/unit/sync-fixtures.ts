/** A fake network for the sync's unit tests: URLs of built-in sources answered from ../shared fixtures. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SHARED = resolve(__dirname, '../../../shared/fixtures');

/** Built-in source id → fixture file (relative to ../shared/fixtures). */
export const FIXTURE_OF: Record<string, string> = {
  'feed:bleepingcomputer': 'feeds/oculus/bleepingcomputer.xml',
  'feed:krebsonsecurity': 'feeds/oculus/krebs.xml',
  'feed:cisa': 'feeds/oculus/cisa.xml',
  'feed:therecord': 'feeds/arkham/rss_therecord.xml',
  'feed:schneier': 'feeds/schneier/schneier-atom-2019-08-21.xml',
  kev: 'kev/known_exploited_vulnerabilities.json',
  'attack:ics': 'stix/attack/ics-attack-18.1.json',
  'misp:threat-actor': 'misp-galaxy/clusters/threat-actor.json',
  'misp:ransomware': 'misp-galaxy/clusters/ransomware.json',
};

export interface FakeServer {
  fetch: typeof fetch;
  requests: { url: string; headers: Record<string, string> }[];
  /** Per URL: an override answer (status, or a function). */
  answers: Map<string, () => Response | Promise<Response>>;
}

/** Serves `urls` (URL → fixture path) with an ETag per file; If-None-Match with that ETag gets 304. */
export function fakeServer(urls: Record<string, string>): FakeServer {
  const requests: FakeServer['requests'] = [];
  const answers = new Map<string, () => Response | Promise<Response>>();
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const headers = { ...(init?.headers as Record<string, string>) };
    requests.push({ url, headers });
    const special = answers.get(url);
    if (special) return special();
    const file = urls[url];
    if (!file) return new Response('not found', { status: 404, statusText: 'Not Found' });
    const etag = `"${file.length}-${file}"`;
    if (headers['if-none-match'] === etag) return new Response(null, { status: 304 });
    return new Response(readFileSync(resolve(SHARED, file)), { headers: { etag } });
  }) as typeof fetch;
  return { fetch: f, requests, answers };
}
