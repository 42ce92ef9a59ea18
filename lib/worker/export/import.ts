/**
 * Reading an export file back, before anything is written: the whole file is parsed and validated (valibot)
 * first, and any fault is reported with where it is (`articles.3.savedAt: …`), so that a bad, truncated or
 * hostile file changes nothing. Strings are kept as text, markup included: a title about an XSS flaw may
 * hold `<svg>`, and pages show every string as text, never as markup (lib/worker/record-schemas.ts).
 */
import * as v from 'valibot';
import type { SavedArticle } from '../../shared/messaging';
import type { SourceRow } from '../db/schema';
import { ENTITY_TYPES } from '../../shared/types';
import { MAX_ARTICLE_TEXT } from '../../shared/analysis/protocol';
import { isWebUrl } from '../../shared/sites';
import { articleUrl } from '../../shared/collection/article-url';
import { MAX_TAG_LENGTH, MAX_TAGS, normaliseTag, normaliseTags } from '../../shared/tags';
import { withIndexes } from '../../shared/collection/saved';
import { MAX_NOTE_LENGTH } from '../../shared/collection/user-fields';
import { EXPORT_FORMAT, EXPORT_VERSION } from './json';
import { date, entityKey, entityName, incident, textUpTo } from '../record-schemas';

/** Largest file read (characters): far above a collection of thousands of articles with their text. */
export const MAX_IMPORT_CHARS = 200_000_000;
const MAX_IMPORT_ARTICLES = 100_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const webUrl = v.pipe(v.string(), v.maxLength(2048), v.check(isWebUrl, 'not an http(s) URL'), v.transform(articleUrl));
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const tag = v.pipe(v.string(), v.transform(normaliseTag), v.minLength(1, 'empty tag'), v.maxLength(MAX_TAG_LENGTH));

const article = v.object({
  url: webUrl,
  title: v.pipe(textUpTo(1000), v.minLength(1, 'empty title')),
  site: textUpTo(253),
  author: v.optional(textUpTo(500)),
  published: v.optional(date),
  excerpt: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  text: v.optional(v.pipe(v.string(), v.maxLength(MAX_ARTICLE_TEXT))),
  entities: v.pipe(
    v.array(
      v.object({
        key: entityKey,
        type: v.picklist(ENTITY_TYPES),
        subtype: v.optional(v.pipe(v.string(), v.maxLength(40))),
        name: entityName,
        count: v.pipe(v.number(), v.integer(), v.minValue(1)),
      }),
    ),
    v.maxLength(20_000),
  ),
  incidents: v.pipe(v.array(incident), v.maxLength(500)),
  tags: v.pipe(
    v.array(tag),
    v.maxLength(MAX_TAGS),
    v.transform((t: string[]) => normaliseTags(t)),
  ),
  note: v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH)),
  savedAt: time,
  updatedAt: v.optional(time),
});

const source = v.object({
  id: textUpTo(200),
  kind: v.picklist(['feed', 'kev', 'attack', 'misp', 'stix']),
  url: v.pipe(v.string(), v.maxLength(2048), v.check(isWebUrl, 'not an http(s) URL')),
  title: textUpTo(500),
  enabled: v.boolean(),
  addedAt: time,
});

/** Settings are `storage.local` items: known ones are checked for their shape, any one for its size. */
const settingKey = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.:$-]{1,100}$/, 'not a setting name'));
const settingValue = v.pipe(
  v.unknown(),
  v.check((x) => JSON.stringify(x ?? null).length <= 1_000_000, 'setting too large'),
);
const KNOWN_SETTINGS: Record<string, v.GenericSchema> = {
  highlightTypes: v.record(v.picklist(ENTITY_TYPES), v.boolean()),
  disabledSites: v.pipe(v.array(textUpTo(253)), v.maxLength(10_000)),
  sidebarCollapsed: v.record(v.pipe(v.string(), v.maxLength(253)), v.boolean()),
};
const settings = v.pipe(
  v.record(settingKey, settingValue),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const [key, schema] of Object.entries(KNOWN_SETTINGS)) {
      if (!Object.hasOwn(dataset.value, key)) continue;
      const r = v.safeParse(schema, dataset.value[key]);
      if (!r.success) addIssue({ message: `setting "${key}": ${r.issues[0].message}`, path: undefined });
    }
  }),
);

const exportFile = v.object({
  format: v.literal(EXPORT_FORMAT, `not an Incident Lens export (no "format": "${EXPORT_FORMAT}")`),
  version: v.pipe(
    v.number('no version number'),
    v.check((n) => n <= EXPORT_VERSION, 'made by a newer Incident Lens: update the extension first'),
    v.literal(EXPORT_VERSION),
  ),
  exportedAt: v.optional(date),
  articles: v.pipe(v.array(article), v.maxLength(MAX_IMPORT_ARTICLES)),
  settings: v.optional(settings),
  sources: v.optional(v.pipe(v.array(source), v.maxLength(10_000))),
});

export interface ImportData {
  articles: SavedArticle[];
  settings?: Record<string, unknown>;
  sources?: SourceRow[];
}

export type ImportResult = { ok: true; data: ImportData } | { ok: false; error: string };

/** What can be imported, for the messages about a file that is something else. */
const ONLY_JSON =
  'only the JSON export can be imported (“Export everything” here, or the collection’s “JSON (complete, re-importable)”). Nothing was changed.';

/** Read an export file's text. Nothing is written here: the caller writes only an `ok` result. */
export function parseImport(text: string): ImportResult {
  if (text.length > MAX_IMPORT_CHARS) {
    return { ok: false, error: `The file is too large (${Math.round(text.length / 1e6)} MB; at most ${MAX_IMPORT_CHARS / 1e6} MB).` };
  }
  // A file that does not even start as JSON is another kind of file (the CSV or Markdown export, a PDF), not a truncated export.
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start) return { ok: false, error: 'The file is empty. Nothing was changed.' };
  if (start[0] !== '{' && start[0] !== '[') return { ok: false, error: `This is not an Incident Lens export (not JSON): ${ONLY_JSON}` };
  let raw: unknown;
  let badKey: string | undefined;
  try {
    raw = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) badKey ??= key;
      return value;
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `The file is not valid JSON (is it truncated?): ${why}` };
  }
  if (badKey) return { ok: false, error: `The file has a "${badKey}" key, which no export has: refused. Nothing was changed.` };
  if ((raw as { type?: unknown } | null)?.type === 'bundle') return { ok: false, error: `This is a STIX bundle: ${ONLY_JSON}` };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: `This is not an Incident Lens export (it has no "format": "${EXPORT_FORMAT}"). Nothing was changed.` };
  }
  const parsed = v.safeParse(exportFile, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more problem${parsed.issues.length > 2 ? 's' : ''})` : '';
    return { ok: false, error: `The file cannot be imported: ${where ? `${where}: ` : ''}${issue.message}${more}. Nothing was changed.` };
  }
  const out = parsed.output;
  const articles = out.articles.map((a) => {
    const { updatedAt, ...rest } = a;
    return withIndexes({ ...rest, updatedAt: updatedAt ?? a.savedAt }) as SavedArticle;
  });
  const seen = new Set<string>();
  for (const a of articles) {
    if (seen.has(a.url))
      return { ok: false, error: `The file cannot be imported: the article ${a.url} is in it twice. Nothing was changed.` };
    seen.add(a.url);
  }
  const data: ImportData = { articles };
  if (out.settings) data.settings = out.settings;
  if (out.sources) data.sources = out.sources;
  return { ok: true, data };
}
