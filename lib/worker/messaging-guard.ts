/**
 * Who may ask the background what, and the shape of what they may send.
 *
 * A message is privileged only when it comes from the extension's own pages (popup, options,
 * collection): their sender URL starts with the extension's base URL. A content script speaks for a
 * page that may be hostile, so what it sends is validated and it is answered only about its own page.
 * Extension pages are validated too: a malformed request is a bug worth an error, not a database write.
 *
 * Pure (no browser globals): the background passes in the sender and its own identity.
 */
import * as v from 'valibot';
import type { BackgroundProtocol } from '../shared/messaging';
import { MAX_ARTICLE_TEXT } from '../shared/analysis/protocol';
import { ENTITY_TYPES } from '../shared/types';
import { date, entityKey, entityName, incident, offset } from './record-schemas';
import { isWebUrl, pageUrl } from '../shared/sites';
import { MAX_TAG_LENGTH, MAX_TAGS, normaliseTag, normaliseTags } from '../shared/tags';
import { MAX_NOTE_LENGTH } from '../shared/collection/user-fields';

/** The parts of `runtime.MessageSender` the decision uses. */
export interface SenderInfo {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** The extension checking the message: `runtime.id` and `runtime.getURL('')`. */
export interface SelfInfo {
  id: string;
  baseUrl: string;
}

export type Caller = { kind: 'extension'; url: string } | { kind: 'content'; tabId: number; frameId: number; page: string };

/** Tell extension pages from content scripts; null for anything else (other extensions, odd frames). */
export function identifySender(sender: SenderInfo, self: SelfInfo): Caller | null {
  if (sender.id !== self.id || typeof sender.url !== 'string') return null;
  if (sender.url.startsWith(self.baseUrl)) return { kind: 'extension', url: sender.url };
  // A content script: it runs in a tab, in the top frame only (the manifest does not ask for all frames).
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0 || sender.frameId !== 0 || !isWebUrl(sender.url)) return null;
  return { kind: 'content', tabId, frameId: sender.frameId, page: pageUrl(sender.url) };
}

const MAX_URL = 2048;
const webUrl = v.pipe(v.string(), v.maxLength(MAX_URL), v.check(isWebUrl, 'not an http(s) URL'), v.transform(pageUrl));
const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max));
/** What a page says of itself (its title, its byline): a long one is cut, not refused, or that page could never be saved. */
const pageFact = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(MAX_ARTICLE_TEXT),
    v.trim(),
    v.transform((s) => s.slice(0, max).trimEnd()),
  );
const tag = v.pipe(v.string(), v.transform(normaliseTag), v.minLength(1), v.maxLength(MAX_TAG_LENGTH));
const tags = v.pipe(
  v.array(tag),
  v.maxLength(MAX_TAGS),
  v.transform((list: string[]) => normaliseTags(list)),
);
// A page decides what text it shows: the size limit keeps a hostile page from tying up the worker.
const articleText = v.strictObject({
  url: webUrl,
  text: v.pipe(v.string(), v.maxLength(MAX_ARTICLE_TEXT)),
  published: v.optional(date),
  title: v.optional(pageFact(500)),
  forced: v.optional(v.boolean()),
});

const MAX_KEYS = 2000;
const analysedArticle = v.object({
  url: webUrl,
  sourceId: v.pipe(v.string(), v.maxLength(200)),
  title: text(1000),
  site: v.optional(text(253)),
  published: v.optional(date),
  summary: v.optional(text(5000)),
  entities: v.pipe(
    v.array(v.object({ key: entityKey, name: entityName, type: v.picklist(ENTITY_TYPES), start: offset, end: offset })),
    v.maxLength(20_000),
  ),
  incidents: v.pipe(v.array(incident), v.maxLength(500)),
});

const sourceId = v.pipe(v.string(), v.maxLength(200), v.regex(/^[a-z]+(:[\w.-]+)*$/, 'not a source id'));
const intervalMin = v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(7 * 24 * 60));
const feedItem = v.object({
  sourceId: v.pipe(v.string(), v.maxLength(200)),
  guid: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  url: webUrl,
  title: text(1000),
  summary: v.optional(v.pipe(v.string(), v.maxLength(20_000))),
  content: v.optional(v.pipe(v.string(), v.maxLength(400_000))),
  published: v.optional(v.pipe(v.string(), v.maxLength(40))),
  updated: v.optional(v.pipe(v.string(), v.maxLength(40))),
  author: v.optional(v.pipe(v.string(), v.maxLength(500))),
  categories: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(100))),
});

const schemas = {
  getStatus: v.undefined(),
  listCollection: v.optional(
    v.strictObject({
      tag: v.optional(tag),
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000))),
    }),
  ),
  saveArticle: v.strictObject({
    url: webUrl,
    title: v.pipe(pageFact(500), v.minLength(1)),
    site: v.optional(text(253)),
    published: v.optional(date),
    author: v.optional(pageFact(500)),
    excerpt: v.optional(text(2000)),
    text: v.optional(v.pipe(v.string(), v.maxLength(MAX_ARTICLE_TEXT))),
    tags: v.optional(tags),
    note: v.optional(text(MAX_NOTE_LENGTH)),
  }),
  removeArticle: v.strictObject({ url: webUrl }),
  isSaved: v.strictObject({ url: webUrl }),
  getSavedArticle: v.strictObject({ url: webUrl }),
  runOnTab: v.strictObject({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  analyzeArticle: articleText,
  analyzeFirstStage: articleText,
  analyzeSecondStage: v.strictObject({ url: webUrl, id: v.pipe(v.string(), v.maxLength(64)) }),
  relatedIncidents: v.strictObject({
    entityKeys: v.pipe(v.array(entityKey), v.maxLength(MAX_KEYS)),
    publishedAt: v.optional(date),
    url: v.optional(webUrl),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
  }),
  entityFacts: v.strictObject({
    entities: v.pipe(
      v.array(
        v.strictObject({
          key: entityKey,
          type: v.picklist(ENTITY_TYPES),
          name: entityName,
          subtype: v.optional(v.pipe(v.string(), v.maxLength(40))),
        }),
      ),
      v.maxLength(MAX_KEYS),
    ),
  }),
  ingestArticles: v.strictObject({ articles: v.pipe(v.array(analysedArticle), v.maxLength(5000)) }),
  getSyncStatus: v.undefined(),
  syncNow: v.undefined(),
  setSourceEnabled: v.strictObject({ id: sourceId, enabled: v.boolean() }),
  addFeed: v.strictObject({ url: v.pipe(v.string(), v.trim(), v.maxLength(MAX_URL), v.check(isWebUrl, 'not an http(s) URL')) }),
  removeFeed: v.strictObject({ id: sourceId }),
  setSyncIntervals: v.strictObject({ feedsMin: intervalMin, cataloguesMin: intervalMin }),
  ingestFeedItems: v.strictObject({ items: v.pipe(v.array(feedItem), v.maxLength(5000)) }),
  search: v.strictObject({
    query: v.pipe(v.string(), v.maxLength(200)),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
  }),
  searchIncident: v.strictObject({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_URL + 20)) }),
  entityIncidents: v.strictObject({
    key: entityKey,
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))),
  }),
  searchIndexStatus: v.undefined(),
  rebuildSearchIndex: v.undefined(),
} satisfies { [K in keyof BackgroundProtocol]: v.GenericSchema };

type Request<K extends keyof BackgroundProtocol> = v.InferOutput<(typeof schemas)[K]>;

interface Rule<K extends keyof BackgroundProtocol> {
  /** Content scripts may send it at all. */
  content: boolean;
  /** For content scripts: the request concerns only the sender's own page. */
  ownPageOnly?: (req: Request<K>, page: string) => boolean;
}

/**
 * The sender's own page. After a single-page site moves on with history.pushState, Chrome keeps reporting
 * the URL the document was loaded with as the sender's, while the content script asks about the new one;
 * pushState cannot leave the origin, so a URL of the sender's origin is still its own page.
 */
const samePage = (req: { url: string }, page: string) => req.url === page || sameOrigin(req.url, page);

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** The one table of access rules. Every background message must have one (the type says so). */
const RULES: { [K in keyof BackgroundProtocol]: Rule<K> } = {
  getStatus: { content: false },
  listCollection: { content: false },
  saveArticle: { content: true, ownPageOnly: samePage },
  removeArticle: { content: false },
  isSaved: { content: true, ownPageOnly: samePage },
  getSavedArticle: { content: true, ownPageOnly: samePage },
  runOnTab: { content: false },
  analyzeArticle: { content: true, ownPageOnly: samePage },
  analyzeFirstStage: { content: true, ownPageOnly: samePage },
  analyzeSecondStage: { content: true, ownPageOnly: samePage },
  // What the local database relates to a set of entity keys: no more than the page could learn from the
  // extension's public sources, and nothing of the user's own collection.
  relatedIncidents: { content: true, ownPageOnly: (req, page) => req.url === undefined || req.url === page },
  entityFacts: { content: true },
  ingestArticles: { content: false },
  getSyncStatus: { content: false },
  syncNow: { content: false },
  setSourceEnabled: { content: false },
  addFeed: { content: false },
  removeFeed: { content: false },
  setSyncIntervals: { content: false },
  ingestFeedItems: { content: false },
  // Search reads the user's collection: extension pages only.
  search: { content: false },
  searchIncident: { content: false },
  entityIncidents: { content: false },
  searchIndexStatus: { content: false },
  rebuildSearchIndex: { content: false },
};

export type CheckResult<K extends keyof BackgroundProtocol> = { ok: true; caller: Caller; data: Request<K> } | { ok: false; error: string };

export function isBackgroundMessage(type: string): type is keyof BackgroundProtocol {
  return Object.hasOwn(RULES, type);
}

/**
 * Decide whether the background answers `type` with `data` from `sender`, and return the request
 * as validated and normalised (URLs without fragment, tags lower-cased and trimmed).
 */
export function checkMessage<K extends keyof BackgroundProtocol>(
  type: K,
  data: unknown,
  sender: SenderInfo,
  self: SelfInfo,
): CheckResult<K> {
  if (!isBackgroundMessage(type)) return { ok: false, error: `unknown message "${String(type)}"` };
  const caller = identifySender(sender, self);
  if (!caller) return { ok: false, error: `"${type}": sender not recognised` };
  const rule = RULES[type];
  if (caller.kind === 'content' && !rule.content) {
    return { ok: false, error: `"${type}" is not available to content scripts` };
  }
  const parsed = v.safeParse(schemas[type], data);
  if (!parsed.success) {
    const first = parsed.issues[0];
    const where = first.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, error: `"${type}": invalid request${where ? ` at ${where}` : ''}: ${first.message}` };
  }
  const request = parsed.output as Request<K>;
  if (caller.kind === 'content' && rule.ownPageOnly && !rule.ownPageOnly(request, caller.page)) {
    return { ok: false, error: `"${type}": a content script may only ask about its own page` };
  }
  return { ok: true, caller, data: request };
}
