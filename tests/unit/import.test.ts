import { describe, it, expect, beforeEach } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { saveArticle, tagArticles, updateArticle } from '../../lib/worker/db/collection';
import { eraseEverything, exportEverything, importData, type SettingsStore } from '../../lib/worker/db/data';
import { parseImport } from '../../lib/worker/export/import';
import { toExportFile, toJson } from '../../lib/worker/export/json';
import { articleUrl } from '../../lib/shared/collection/article-url';
import { exportArticles } from '../../lib/worker/export/formats';
import { BARE_SAVE, CITRIX_FINDINGS, CITRIX_SAVE, ICC_FINDINGS, ICC_SAVE } from '../support/saved-sample';

const fresh = () => new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });

/** storage.local, in memory. */
function memoryStore(init: Record<string, unknown> = {}): SettingsStore & { items: Record<string, unknown> } {
  const store = {
    items: { ...init },
    get: async () => structuredClone(store.items),
    set: async (items: Record<string, unknown>) => void Object.assign(store.items, structuredClone(items)),
    clear: async () => void (store.items = {}),
  };
  return store;
}

let db: IncidentLensDb;
let file: string;
beforeEach(async () => {
  db = fresh();
  await saveArticle(db, CITRIX_SAVE, 1_000, CITRIX_FINDINGS);
  await saveArticle(db, ICC_SAVE, 2_000, ICC_FINDINGS);
  await saveArticle(db, BARE_SAVE, 3_000);
  await db.sources.add({ id: 'feed:mine', kind: 'feed', url: 'https://example.org/feed.xml', title: 'Mine', enabled: true, addedAt: 5 });
  const settings = { disabledSites: ['example.com'], highlightTypes: { actor: true, indicator: false }, disabledSites$: { v: 1 } };
  file = toJson(await exportEverything(db, memoryStore(settings), 10_000));
});

/** An export of everything, parsed back as the import reads it. */
async function reimported(from: IncidentLensDb) {
  const parsed = parseImport(toJson(await exportEverything(from)));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.data;
}

function rejected(text: string): string {
  const r = parseImport(text);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.error;
}

describe('import', () => {
  it('puts everything back into an empty profile: every field of every article, sources, settings', async () => {
    const parsed = parseImport(file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const empty = fresh();
    const store = memoryStore();
    expect(await importData(empty, parsed.data, store)).toEqual({ added: 3, updated: 0, unchanged: 0, sourcesAdded: 1, settings: 3 });
    expect(await empty.collection.orderBy('url').toArray()).toEqual(await db.collection.orderBy('url').toArray());
    expect(await empty.sources.toArray()).toEqual(await db.sources.toArray());
    expect(store.items).toEqual({
      disabledSites: ['example.com'],
      highlightTypes: { actor: true, indicator: false },
      disabledSites$: { v: 1 },
    });
    // The indexes find imported rows.
    expect(await empty.collection.where('entityKeys').equals('actor:apt28').count()).toBe(1);
  });

  it('merges without duplicates: the same file twice changes nothing; a newer copy leads, tags of both kept', async () => {
    const parsed = parseImport(file);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await importData(db, parsed.data)).toEqual({ added: 0, updated: 0, unchanged: 3, sourcesAdded: 0, settings: 0 });
    expect(await db.collection.count()).toBe(3);

    const data = JSON.parse(file);
    data.articles[0] = { ...data.articles[0], tags: ['elsewhere'], note: 'edited on the laptop', updatedAt: 50_000 };
    const newer = parseImport(JSON.stringify(data));
    if (!newer.ok) throw new Error(newer.error);
    expect(await importData(db, newer.data)).toMatchObject({ added: 0, updated: 1, unchanged: 2 });
    const row = await db.collection.get(data.articles[0].url);
    expect(row).toMatchObject({ note: 'edited on the laptop', updatedAt: 50_000 });
    expect(row!.tags).toEqual(['elsewhere', 'ransomware', 'citrix']);
    expect(row!.savedAt).toBe(1_000);
    expect(row!.text).toBe(CITRIX_SAVE.text);
  });

  it('refuses a truncated file, naming the fault', () => {
    expect(rejected(file.slice(0, file.length / 2))).toMatch(/not valid JSON \(is it truncated\?\)/);
    expect(rejected('')).toBe('The file is empty. Nothing was changed.');
  });

  it('tells the collection’s other exports and other files from a truncated export, and says what can be imported', () => {
    const rows = [parseImport(file)].flatMap((r) => (r.ok ? r.data.articles : []));
    for (const format of ['csv', 'markdown'] as const) {
      expect(rejected(exportArticles(format, rows).text)).toMatch(
        /^This is not an Incident Lens export \(not JSON\): only the JSON export can be imported/,
      );
    }
    expect(rejected('%PDF-1.4 ...')).toMatch(/^This is not an Incident Lens export \(not JSON\)/);
    expect(rejected(exportArticles('stix', rows).text)).toMatch(
      /^This is a STIX bundle: only the JSON export can be imported .*Nothing was changed\.$/,
    );
    expect(rejected(`\uFEFF  ${file.slice(0, 100)}`)).toMatch(/not valid JSON \(is it truncated\?\)/);
  });

  it('refuses wrong types and foreign files, naming where', () => {
    const data = JSON.parse(file);
    data.articles[1].savedAt = 'yesterday';
    expect(rejected(JSON.stringify(data))).toMatch(/^The file cannot be imported: articles\.1\.savedAt: .*number.*Nothing was changed\.$/);
    expect(rejected(JSON.stringify({ hello: 'world' }))).toMatch(/^This is not an Incident Lens export/);
    expect(rejected(JSON.stringify({ ...JSON.parse(file), version: 9 }))).toMatch(/version: made by a newer Incident Lens/);
    expect(rejected(JSON.stringify([1, 2]))).toMatch(/not an Incident Lens export/);
    const badUrl = JSON.parse(file);
    badUrl.articles[0].url = 'javascript:alert(1)';
    expect(rejected(JSON.stringify(badUrl))).toMatch(/articles\.0\.url: not an http\(s\) URL/);
    const twice = JSON.parse(file);
    twice.articles.push(twice.articles[0]);
    expect(rejected(JSON.stringify(twice))).toMatch(/is in it twice/);
  });

  it('keeps markup in strings as text: a title about an XSS flaw survives the round trip', () => {
    const markup = JSON.parse(file);
    markup.articles[2].title = 'Stored XSS: <img src=x onerror=alert(1)> in a plugin';
    markup.articles[0].tags = ['<script>x</script>'];
    const parsed = parseImport(JSON.stringify(markup));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.data.articles[2].title).toBe('Stored XSS: <img src=x onerror=alert(1)> in a plugin');
    expect(parsed.data.articles[0].tags).toEqual(['<script>x</script>']);
  });

  it('refuses hostile files: prototype keys, bad settings, too much', () => {
    expect(rejected(file.replace('"format"', '"__proto__": {"polluted": true}, "format"'))).toMatch(/"__proto__" key/);
    expect(rejected(file.replace('"note"', '"constructor": {"prototype": {"x": 1}}, "note"'))).toMatch(/"(constructor|prototype)" key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const settings = JSON.parse(file);
    settings.settings.highlightTypes = { actor: 'yes' };
    expect(rejected(JSON.stringify(settings))).toMatch(/setting "highlightTypes"/);
    const many = JSON.parse(file);
    many.articles[0].tags = Array.from({ length: 31 }, (_, i) => `t${i}`);
    expect(rejected(JSON.stringify(many))).toMatch(/articles\.0\.tags/);
    expect(rejected(' '.repeat(200_000_001))).toMatch(/too large/);
  });

  it('a failed write changes nothing (full disk): the import is one transaction', async () => {
    const other = JSON.parse(file);
    other.articles = other.articles.map((a: { url: string }) => ({ ...a, url: `${a.url}-copy` }));
    const parsed = parseImport(JSON.stringify(other));
    if (!parsed.ok) throw new Error(parsed.error);
    const before = await db.collection.toArray();
    let n = 0;
    const quota = () => {
      if (++n === 2) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    };
    db.collection.hook('creating', quota);
    await expect(importData(db, parsed.data)).rejects.toThrow(/is full, so nothing was changed/);
    db.collection.hook('creating').unsubscribe(quota);
    expect(await db.collection.toArray()).toEqual(before);
  });

  it('erases everything after export, and the export brings it all back', async () => {
    const store = memoryStore({ disabledSites: ['a.com'] });
    await eraseEverything(db, store);
    expect(await db.collection.count()).toBe(0);
    expect(await db.sources.count()).toBe(0);
    expect(store.items).toEqual({});
    const parsed = parseImport(file);
    if (!parsed.ok) throw new Error(parsed.error);
    expect((await importData(db, parsed.data, store)).added).toBe(3);
  });

  it('the file says what it is', () => {
    const head = JSON.parse(toJson(toExportFile([], {}, 0)));
    expect(head).toEqual({ format: 'incident-lens-export', version: 1, exportedAt: '1970-01-01T00:00:00.000Z', articles: [] });
  });

  it("keeps no more of the user's words than an export brings back: every writer refuses past the import's bounds", async () => {
    const url = articleUrl(CITRIX_SAVE.url);
    const tags = Array.from({ length: 30 }, (_, i) => `${i}`.padStart(40, 'x'));
    // At the bounds: kept, and the export imports back whole.
    await updateArticle(db, url, { tags, note: 'n'.repeat(10_000) });
    expect((await reimported(db)).articles.find((a) => a.url === url)).toMatchObject({ tags, note: 'n'.repeat(10_000) });

    const before = await db.collection.toArray();
    await expect(updateArticle(db, url, { note: 'n'.repeat(10_001) })).rejects.toThrow(
      'A note can be at most 10,000 characters long (this one has 10,001).',
    );
    await expect(updateArticle(db, url, { tags: ['y'.repeat(41)] })).rejects.toThrow(/A tag can be at most 40 characters long/);
    await expect(tagArticles(db, [ICC_SAVE.url, url], ['one more'])).rejects.toThrow(
      /^Not changed: “.+”: An article keeps at most 30 tags \(this would have 31\)\.$/,
    );
    await expect(saveArticle(db, { url: 'https://example.com/new', title: 'New', note: 'n'.repeat(10_001) })).rejects.toThrow(
      /at most 10,000/,
    );
    expect(await db.collection.toArray()).toEqual(before);
  });

  it('a merge keeps as many tags as an article keeps, the leading copy’s first, and its export imports back', async () => {
    const mine = Array.from({ length: 20 }, (_, i) => `mine ${i}`);
    const theirs = Array.from({ length: 20 }, (_, i) => `theirs ${i}`);
    await updateArticle(db, CITRIX_SAVE.url, { tags: mine }, 20_000);
    const data = JSON.parse(file);
    data.articles[0] = { ...data.articles[0], tags: theirs, updatedAt: 30_000 };
    const parsed = parseImport(JSON.stringify(data));
    if (!parsed.ok) throw new Error(parsed.error);
    await importData(db, parsed.data);
    expect((await db.collection.get(articleUrl(CITRIX_SAVE.url)))!.tags).toEqual([...theirs, ...mine.slice(0, 10)]);
    expect((await reimported(db)).articles).toHaveLength(3);
  });
});
