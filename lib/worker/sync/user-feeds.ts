/**
 * The user's own feeds: added by URL only after the feed was fetched and parsed (a page, a 404 or a
 * broken file is refused with the reason), removed with their status. Their items stay in the database
 * until retention drops them, like any other source's.
 */
import type { IncidentLensDb } from '../db/database';
import type { SourceRow } from '../db/schema';
import { fetchSource, FEED_MAX_BYTES } from './fetch';
import { decodeBody, FeedError, parseFeed } from './parse';
import { canonicalUrl } from './parse/links';
import { ensureBuiltinSources, isCatalogue, userFeedId } from './sources';
import { DIRTY_KEY } from './catalogues';

/**
 * Longest feed title kept (characters), as OPML titles (opml.ts): a feed names itself, and a name of any length
 * would break the options' table and the export's import (lib/worker/export/import.ts takes titles of up to 500).
 */
const MAX_FEED_TITLE = 200;

export interface AddFeedResult {
  source: SourceRow;
  items: number;
}

/** Fetch and parse `url`; keep it as a source (enabled, due now) if it is a feed. Throws with a plain reason. */
export async function addUserFeed(
  db: IncidentLensDb,
  rawUrl: string,
  opts: { fetch?: typeof fetch; now?: number; timeoutMs?: number } = {},
): Promise<AddFeedResult> {
  const url = canonicalUrl(rawUrl.trim());
  if (!url) throw new FeedError('give the address of the feed, starting with http:// or https://');
  const id = userFeedId(url);
  const known = (await db.sources.toArray()).find((s) => s.id === id || s.url === url);
  if (known) throw new FeedError(`this feed is already in the list ("${known.title}")`);
  const res = await fetchSource(url, { fetch: opts.fetch, maxBytes: FEED_MAX_BYTES, timeoutMs: opts.timeoutMs });
  if (res.notModified) throw new FeedError('the server answered "not modified" to a first request');
  const text = decodeBody(res.body, res.contentType);
  const feed = parseFeed(text, id, url);
  if (!feed.items.length) {
    const root = unclosedRoot(text);
    throw new FeedError(
      root
        ? `the feed looks cut off: it ends before its closing </${root}>, so it is not a complete feed (the server or a proxy may have sent only part of it)`
        : 'the feed parses but holds no items with links',
    );
  }
  const now = opts.now ?? Date.now();
  const title = feed.title.slice(0, MAX_FEED_TITLE).trimEnd() || new URL(url).host;
  const source: SourceRow = { id, kind: 'feed', url, title, enabled: true, addedAt: now };
  await db.transaction('rw', db.sources, db.syncState, async () => {
    await db.sources.put(source);
    await db.syncState.put({ sourceId: id, failures: 0, nextAttemptAt: 0 });
  });
  return { source, items: feed.items.length };
}

/**
 * The name of an XML document's root element when the text ends before that element is closed (a download cut
 * short: the tolerant parser reads what is there, and no item may be complete), else undefined.
 */
export function unclosedRoot(text: string): string | undefined {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body.startsWith('<')) return undefined;
  // The first tag that is no declaration, comment or DOCTYPE (in the prolog: the start of the text is enough).
  const head = body.slice(0, 65_536).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, '');
  const open = /<([A-Za-z_][\w.:-]*)[^>]*?(\/?)>|<([A-Za-z_][\w.:-]*)[^>]*$/.exec(head);
  if (!open) return undefined;
  if (open[2]) return undefined; // <rss/>: closed where it opens
  const name = open[1] ?? open[3];
  return new RegExp(`</${name.replace(/[.]/g, '\\.')}\\s*>$`).test(body) ? undefined : name;
}

/** Remove a user's feed (built-ins can only be disabled). True when something was removed. */
export async function removeUserFeed(db: IncidentLensDb, id: string): Promise<boolean> {
  if (!id.startsWith('feed:user:')) return false;
  return db.transaction('rw', db.sources, db.syncState, async () => {
    const had = (await db.sources.get(id)) !== undefined;
    await db.sources.delete(id);
    await db.syncState.delete(id);
    return had;
  });
}

/** Turn a source on or off. A catalogue turned off leaves the merged catalogue at the next run (it is marked for a merge). */
export async function setSourceEnabled(db: IncidentLensDb, id: string, enabled: boolean): Promise<boolean> {
  const row = (await ensureBuiltinSources(db)).find((s) => s.id === id);
  if (!row) return false;
  await db.transaction('rw', db.sources, db.blobs, async () => {
    await db.sources.update(id, { enabled });
    if (isCatalogue(row.kind)) await db.blobs.put({ key: DIRTY_KEY, data: new Uint8Array(0), updatedAt: Date.now() });
  });
  return true;
}
