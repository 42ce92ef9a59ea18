/// <reference types="chrome" />
/**
 * The collection end to end, in the built extension in headless Chromium: save from the popup and from the
 * sidebar, find both on the collection page; read the saved text; filter, edit, delete and undo, tag in
 * bulk; export each format (the browser's downloads); export everything and import it into an EMPTY
 * profile with every field kept; a truncated, corrupt or hostile import changes nothing; erase everything.
 * Screenshots of the collection page, light and dark, go to test-results/. Run `npx wxt build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, launchWithExtension, type ExtensionBrowser } from '../../scripts/chromium';
import type { DemoServer } from '../../demo/server';
import type { SavedArticle } from '../../lib/shared/messaging';
import { SIDEBAR, screenshot, serveTestPages, sidebarText, wireMessage } from './helpers';
import { validateBundle } from '../support/stix-schemas';

const SHOTS = resolve(ROOT, 'test-results');
const DEMO_TITLE = 'Kestrel Maritime confirms LockBit attack traced to unpatched Citrix Bleed flaw';
const ICC_TITLE = 'War crimes tribunal says September cyberattack was act of espionage';

let server: DemoServer;
let ext: ExtensionBrowser;
let probe: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveTestPages();
  ext = await launchWithExtension({ headless: true });
  probe = await ext.context.newPage();
  await probe.goto(`${ext.extensionUrl}options.html`);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  await page.waitForSelector(SIDEBAR, { state: 'attached', timeout: 20_000 });
  return page;
}

async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  const ids = await probe.evaluate(async () => (await chrome.tabs.query({ active: true })).map((t) => t.id));
  if (ids.length !== 1 || ids[0] === undefined) throw new Error(`expected one active tab, got ${ids.length}`);
  return ids[0];
}

/** The collection as the extension's database holds it, read with plain IndexedDB from an extension page. */
function readCollection(page: Page): Promise<SavedArticle[]> {
  return page.evaluate(
    () =>
      new Promise<SavedArticle[]>((done, fail) => {
        const req = indexedDB.open('incident-lens');
        let fresh = false;
        // Not created yet: leave it to the extension (creating it here would give Dexie an empty v1 to upgrade).
        req.onupgradeneeded = () => {
          fresh = true;
          req.transaction!.abort();
        };
        req.onerror = () => (fresh ? done([]) : fail(req.error));
        req.onsuccess = () => {
          const db = req.result;
          const all = db.transaction('collection').objectStore('collection').getAll();
          all.onsuccess = () => {
            db.close();
            done(all.result as SavedArticle[]);
          };
          all.onerror = () => fail(all.error);
        };
      }),
  );
}

/** Run a function on the sidebar's closed shadow root (through the DevTools protocol, as sidebarText does). */
async function inSidebar(page: Page, fn: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type Node = { nodeName: string; backendNodeId: number; children?: Node[]; shadowRoots?: Node[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const find = (n: Node): Node | undefined =>
      n.nodeName === SIDEBAR.toUpperCase() ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(find).find(Boolean);
    const shadow = find(root)?.shadowRoots?.[0];
    if (!shadow) throw new Error('no sidebar shadow root');
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: fn,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Click a button and take the file the page hands to the browser's downloads. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const item = (page: Page, title: string) => page.locator('li.article', { has: page.locator('a.article-title', { hasText: title }) });
const titles = (page: Page) => page.locator('a.article-title').allTextContents();

describe('the collection in Chromium', () => {
  let collection: Page;
  let everything: string;

  it('saves from the popup (with the page text and what the worker reads in it) and says "saved on …"', async () => {
    const article = await open('/');
    const tabId = await tabIdOf(article);
    const popup = await ext.context.newPage();
    await popup.goto(`${ext.extensionUrl}popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByTestId('detected').textContent(), { timeout: 10_000 }).toContain('article detected');
    await popup.fill('input[name=tags]', 'LockBit, Ports');
    await popup.fill('textarea[name=note]', '=cmd|" /C calc"!A0');
    // By keyboard: Enter in the form saves it, and the focus moves to what replaces the form (not the page's body).
    await popup.locator('input[name=tags]').press('Enter');
    await expect.poll(() => popup.getByTestId('saved').textContent(), { timeout: 15_000 }).toMatch(/^Saved on .*See it in your collection/);
    const seeIt = popup.getByRole('link', { name: 'See it in your collection' });
    await expect.poll(() => seeIt.evaluate((el) => el === document.activeElement)).toBe(true);
    const link = await seeIt.getAttribute('href');
    expect(link).toBe(`${ext.extensionUrl}collection.html?article=${encodeURIComponent(`${server.origin}/`)}`);

    const [row] = await readCollection(probe);
    expect(row).toMatchObject({ url: `${server.origin}/`, title: DEMO_TITLE, tags: ['lockbit', 'ports'], note: '=cmd|" /C calc"!A0' });
    expect(row.text).toContain('Kestrel Maritime');
    expect(row.entityKeys).toEqual(expect.arrayContaining(['malware:lockbit', 'vulnerability:cve-2023-4966']));
    expect(row.incidents.length).toBeGreaterThan(0);

    // The popup opened again knows the page is saved; "save again" keeps tags and note.
    await popup.reload();
    await popup.getByRole('button', { name: 'Save again' }).waitFor();
    await screenshot(popup, { path: join(SHOTS, 'popup-saved.png') });
    await popup.getByRole('button', { name: 'Save again' }).click();
    await expect.poll(() => popup.getByRole('status').last().textContent(), { timeout: 15_000 }).toBe('Updated in your collection.');
    const [again] = await readCollection(probe);
    expect(again).toMatchObject({ savedAt: row.savedAt, tags: ['lockbit', 'ports'], note: row.note });
    expect(again.updatedAt).toBeGreaterThanOrEqual(row.updatedAt);
    await popup.close();
    await article.close();
  });

  it('saves from the sidebar, which then shows the page as saved', async () => {
    const page = await open('/shared/icc-espionage.html');
    await expect.poll(() => sidebarText(page), { timeout: 15_000 }).toContain('Not in your collection');
    await inSidebar(
      page,
      `function () {
        const tags = this.querySelector('form.il-save input[name=tags]');
        tags.value = 'ICC, espionage';
        tags.dispatchEvent(new Event('input', { bubbles: true }));
      }`,
    );
    // The click in a task of its own, as a user's would be: the form has rendered what was typed.
    await inSidebar(page, `function () { this.querySelector('form.il-save button[type=submit]').click(); }`);
    await expect.poll(() => sidebarText(page), { timeout: 15_000 }).toContain('In your collection since');
    const icc = (await readCollection(probe)).find((r) => r.title === ICC_TITLE);
    expect(icc).toMatchObject({ tags: ['icc', 'espionage'], incidentTypes: ['espionage'] });
    expect(icc!.text).toContain('International Criminal Court');
    await page.reload();
    await page.waitForSelector(SIDEBAR, { state: 'attached', timeout: 20_000 });
    await expect.poll(() => sidebarText(page), { timeout: 15_000 }).toContain('In your collection since');
    await page.close();
  });

  it('follows a save made elsewhere without a reload, and opens an article from its link', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${ext.extensionUrl}collection.html?article=${encodeURIComponent(`${server.origin}/?utm_source=popup`)}`);
    await expect.poll(() => page.getByTestId('reader-text').textContent(), { timeout: 10_000 }).toContain('Kestrel Maritime');
    await page.getByRole('button', { name: '← Back to the collection' }).click();
    await expect.poll(() => titles(page)).toEqual([ICC_TITLE, DEMO_TITLE]);
    const url = `${server.origin}/elsewhere`;
    const answer = await probe.evaluate(
      (msg) => chrome.runtime.sendMessage(msg),
      wireMessage('saveArticle', { url, title: 'Saved elsewhere' }),
    );
    expect(answer).toMatchObject({ res: { url, title: 'Saved elsewhere' } });
    await expect.poll(() => titles(page), { timeout: 10_000 }).toEqual(['Saved elsewhere', ICC_TITLE, DEMO_TITLE]);
    await item(page, 'Saved elsewhere').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => titles(page)).toEqual([ICC_TITLE, DEMO_TITLE]);
    await page.close();
  });

  it('lists both, reads the saved text offline, and filters by tag, incident type, entity, site, date and words', async () => {
    collection = await ext.context.newPage();
    await collection.goto(`${ext.extensionUrl}collection.html`);
    await expect.poll(() => titles(collection), { timeout: 10_000 }).toEqual([ICC_TITLE, DEMO_TITLE]);
    await expect.poll(() => collection.getByTestId('count').textContent()).toBe('2 saved articles');
    // An incident's date reads as a date (the engine's summary ends '…, 2026-03-04').
    expect(await item(collection, DEMO_TITLE).locator('ul.incidents li').allTextContents()).toEqual([
      'Ransomware attack against Kestrel Maritime by LockBit, 4 March 2026',
    ]);

    await item(collection, ICC_TITLE).getByRole('button', { name: 'Read saved text' }).click();
    await expect.poll(() => collection.getByTestId('reader-text').textContent()).toContain('International Criminal Court');
    expect(await collection.locator('#reader-title').evaluate((el) => el === document.activeElement)).toBe(true);
    await collection.keyboard.press('Escape');
    await expect.poll(() => titles(collection)).toEqual([ICC_TITLE, DEMO_TITLE]);
    // The keyboard is back where it was, not at the top of the page.
    const readButton = item(collection, ICC_TITLE).getByRole('button', { name: 'Read saved text' });
    await expect.poll(() => readButton.evaluate((el) => el === document.activeElement)).toBe(true);

    const shown = () => titles(collection);
    await collection.locator('select[name=tag]').selectOption('ports');
    await expect.poll(shown).toEqual([DEMO_TITLE]);
    await collection.getByRole('button', { name: 'Clear filters' }).click();
    await collection.locator('select[name=incidentType]').selectOption('espionage');
    await expect.poll(shown).toEqual([ICC_TITLE]);
    await collection.getByRole('button', { name: 'Clear filters' }).click();
    await collection.locator('select[name=entity]').selectOption('malware:lockbit');
    await expect.poll(shown).toEqual([DEMO_TITLE]);
    await collection.getByRole('button', { name: 'Clear filters' }).click();
    // Each control is named by its label alone.
    expect(await collection.getByLabel('Tag', { exact: true }).evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await collection.getByLabel('Incident type', { exact: true }).evaluate((el) => el.getAttribute('name'))).toBe('incidentType');
    await collection.getByLabel('Search saved articles').fill('hague espionage');
    await expect.poll(shown).toEqual([ICC_TITLE]);
    await collection.getByLabel('Search saved articles').fill('nothing-like-this');
    await collection.getByTestId('none-match').waitFor();
    await collection.getByRole('button', { name: 'Clear filters' }).click();
    await collection.locator('input[name=from]').fill('2023-10-01');
    await collection.locator('input[name=to]').fill('2023-10-31');
    await expect.poll(shown).toEqual([ICC_TITLE]);
    await collection.getByRole('button', { name: 'Clear filters' }).click();
    await collection.locator('select[name=sort]').selectOption('title');
    await expect.poll(shown).toEqual([DEMO_TITLE, ICC_TITLE]);
    await collection.locator('select[name=sort]').selectOption('saved-desc');
    await expect.poll(shown).toEqual([ICC_TITLE, DEMO_TITLE]);
  });

  it('edits tags and note in place, by keyboard', async () => {
    const icc = item(collection, ICC_TITLE);
    await icc.getByRole('button', { name: 'Edit tags and note' }).click();
    await expect.poll(() => collection.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('tags');
    await collection.keyboard.press('ControlOrMeta+a');
    await collection.keyboard.type('ICC, Espionage, The Hague');
    await collection.keyboard.press('Tab');
    await collection.keyboard.type('Read with the Dutch report.');
    await icc.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => icc.getByTestId('tags').textContent()).toBe('Tags: icc, espionage, the hague');
    expect(await icc.getByTestId('note').textContent()).toBe('Read with the Dutch report.');
    const row = (await readCollection(collection)).find((r) => r.title === ICC_TITLE)!;
    expect(row).toMatchObject({ tags: ['icc', 'espionage', 'the hague'], note: 'Read with the Dutch report.' });
  });

  it('deletes with undo: the article comes back with every field', async () => {
    const before = await readCollection(collection);
    await item(collection, DEMO_TITLE).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => titles(collection)).toEqual([ICC_TITLE]);
    expect(await collection.getByTestId('undo').textContent()).toContain('Deleted 1 article.');
    await collection.getByTestId('undo').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => titles(collection)).toEqual([ICC_TITLE, DEMO_TITLE]);
    const byUrl = (rows: SavedArticle[]) => rows.sort((a, b) => a.url.localeCompare(b.url));
    expect(byUrl(await readCollection(collection))).toEqual(byUrl(before));
  });

  it('tags several at once and exports a selection', async () => {
    await collection.getByRole('button', { name: 'Select all shown' }).click();
    await expect.poll(() => collection.locator('.bulk-count').textContent()).toBe('2 selected');
    await collection.getByLabel('Add tags to selected').fill('Reading list');
    await collection.getByRole('button', { name: 'Add tags', exact: true }).click();
    await expect.poll(async () => (await readCollection(collection)).map((r) => r.tags.includes('reading list'))).toEqual([true, true]);
    await item(collection, ICC_TITLE).getByRole('checkbox').uncheck();
    await collection.locator('select[name=bulk-format]').selectOption('csv');
    const csv = await downloaded(collection, () => collection.getByRole('button', { name: 'Export selected' }).click());
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(2); // header + the one selected
    expect(csv.text).toContain(DEMO_TITLE);
    expect(csv.text).toContain(`"'=cmd|"" /C calc""!A0"`); // the note, formula-safe
    await collection.getByRole('button', { name: 'Clear selection' }).click();
  });

  it('exports what is shown in each format', async () => {
    const rows = await readCollection(collection);
    const exportAs = async (format: string) => {
      await collection.locator('select[name=format]').selectOption(format);
      return downloaded(collection, () => collection.getByRole('button', { name: /^Export shown/ }).click());
    };
    const json = await exportAs('json');
    expect(json.name).toMatch(/^incident-lens-collection-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(json.text);
    expect(file).toMatchObject({ format: 'incident-lens-export', version: 1 });
    const byUrl = (list: SavedArticle[]) => [...list].sort((a, b) => a.url.localeCompare(b.url));
    expect(byUrl(file.articles)).toEqual(byUrl(rows));

    const csv = await exportAs('csv');
    expect(csv.text.split('\r\n')[0]).toBe('url,title,site,author,published,saved_at,updated_at,tags,note,excerpt,entities,incident_types');
    expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(3);

    // For a reference manager: a web page per article, with the fields a citation needs.
    const ris = await exportAs('ris');
    expect(ris.name).toMatch(/^incident-lens-collection-\d{4}-\d{2}-\d{2}\.ris$/);
    expect(ris.text.match(/^TY {2}- ELEC\r$/gm)).toHaveLength(2);
    expect(ris.text.match(/^ER {2}- \r$/gm)).toHaveLength(2);
    const demo = ris.text.split('ER  - ').find((r) => r.includes(`TI  - ${DEMO_TITLE}\r\n`))!;
    expect(demo).toContain(`UR  - ${server.origin}/\r\n`);
    expect(demo).toContain('T2  - The Patch Report\r\n');
    expect(demo).toContain('AU  - Marta Oyelaran\r\n');
    expect(demo).toContain('DA  - 2026/03/12/\r\n');
    expect(demo).toMatch(/\r\nY2 {2}- \d{4}\/\d{2}\/\d{2}\/\r\n/);

    const md = await exportAs('markdown');
    expect(md.name.endsWith('.md')).toBe(true);
    expect(md.text.match(/^## \[/gm)).toHaveLength(2);
    expect(md.text).toContain(`## [${DEMO_TITLE}](${server.origin}/)`);

    const stix = await exportAs('stix');
    const bundle = JSON.parse(stix.text);
    expect(validateBundle(bundle)).toEqual({ valid: true, errors: [] });
    expect(
      bundle.objects
        .filter((o: { type: string }) => o.type === 'report')
        .map((o: { name: string }) => o.name)
        .sort(),
    ).toEqual([DEMO_TITLE, ICC_TITLE].sort());
    expect(bundle.objects.some((o: { type: string; name?: string }) => o.type === 'malware' && o.name === 'LockBit')).toBe(true);
    // Exported twice, the same bundle.
    expect((await exportAs('stix')).text).toBe(stix.text);
    // The JSON export says it is re-importable: the way to the import is beside it.
    expect(await collection.getByRole('link', { name: 'Import a JSON export…' }).getAttribute('href')).toBe('/options.html#data');
  });

  it('looks right light and dark (screenshots in test-results/)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await collection.emulateMedia({ colorScheme });
      await collection.getByRole('button', { name: 'Select all shown' }).click();
      await item(collection, DEMO_TITLE).getByRole('button', { name: 'Edit tags and note' }).focus();
      await screenshot(collection, { path: join(SHOTS, `collection-${colorScheme}.png`), fullPage: true });
      await collection.getByRole('button', { name: 'Clear selection' }).click();
      const bg = await collection.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(colorScheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
    }
    await collection.emulateMedia({ colorScheme: null });
  });

  it('exports everything from the options page', async () => {
    const options = await ext.context.newPage();
    await options.goto(`${ext.extensionUrl}options.html`);
    await options.locator('input[name=type-indicator]').click(); // a setting worth carrying over
    await expect
      .poll(() => options.evaluate(async () => JSON.stringify((await chrome.storage.local.get('highlightTypes')).highlightTypes)))
      .toMatch(/"indicator":false/);
    const file = await downloaded(options, () => options.getByRole('button', { name: 'Export everything' }).click());
    await options.getByRole('button', { name: 'Erase everything…' }).click();
    await screenshot(options.locator('.data-section'), { path: join(SHOTS, 'options-data.png') });
    await options.getByRole('button', { name: 'Cancel' }).click();
    everything = file.text;
    const parsed = JSON.parse(everything);
    expect(parsed.articles).toHaveLength(2);
    expect(parsed.settings.highlightTypes.indicator).toBe(false);
    await expect.poll(() => options.getByTestId('data-result').textContent()).toMatch(/^Exported 2 articles/);
    await options.close();
  });

  describe('in an empty profile', () => {
    let other: ExtensionBrowser;
    let options: Page;
    const dir = join(tmpdir(), `incident-lens-import-${process.pid}`);
    const write = (name: string, text: string) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const importFile = async (path: string) => {
      await options.locator('input[name=import]').setInputFiles(path);
      await expect.poll(() => options.getByTestId('data-result').textContent(), { timeout: 20_000 }).not.toMatch(/^$/);
      return (await options.getByTestId('data-result').textContent()) ?? '';
    };

    beforeAll(async () => {
      other = await launchWithExtension({ headless: true });
      options = await other.context.newPage();
      await options.goto(`${other.extensionUrl}options.html`);
    });
    afterAll(async () => other?.close());

    it('imports the export with nothing lost: every field of every article, and the settings', async () => {
      expect(await readCollection(options)).toEqual([]);
      const summary = await importFile(write('everything.json', everything));
      expect(summary).toMatch(/2 new articles, 0 articles updated, 0 already there/);
      const byUrl = (list: SavedArticle[]) => [...list].sort((a, b) => a.url.localeCompare(b.url));
      expect(byUrl(await readCollection(options))).toEqual(byUrl(await readCollection(collection)));
      expect(await options.evaluate(async () => (await chrome.storage.local.get('highlightTypes')).highlightTypes)).toMatchObject({
        indicator: false,
      });
      // The same file again merges into what is there: nothing doubles.
      expect(await importFile(write('again.json', everything))).toMatch(/0 new articles, 0 articles updated, 2 already there/);
      expect(await readCollection(options)).toHaveLength(2);

      const page = await other.context.newPage();
      await page.goto(`${other.extensionUrl}collection.html`);
      await expect.poll(() => titles(page), { timeout: 10_000 }).toEqual([ICC_TITLE, DEMO_TITLE]);
      await page.close();
    });

    it('a truncated, corrupt or hostile file is refused with a clear message and changes nothing', async () => {
      const before = await readCollection(options);
      const settingsBefore = await options.evaluate(() => chrome.storage.local.get(null));
      const data = JSON.parse(everything);
      const cases: [string, string, RegExp][] = [
        ['truncated.json', everything.slice(0, Math.floor(everything.length * 0.6)), /not valid JSON \(is it truncated\?\)/],
        ['not-ours.json', JSON.stringify({ articles: [] }), /not an Incident Lens export/],
        ['wrong-type.json', JSON.stringify({ ...data, articles: [{ ...data.articles[0], savedAt: 'yesterday' }] }), /articles\.0\.savedAt/],
        ['proto.json', everything.replace('"format"', '"__proto__": {"isAdmin": true}, "format"'), /"__proto__" key/],
        ['setting.json', JSON.stringify({ ...data, settings: { highlightTypes: { actor: '<b>yes</b>' } } }), /setting "highlightTypes"/],
      ];
      for (const [name, text, why] of cases) {
        const said = await importFile(write(name, text));
        expect(said, name).toMatch(why);
        expect(await options.getByRole('alert').textContent()).toBe(said);
        expect(await readCollection(options), name).toEqual(before);
      }
      expect(await options.evaluate(() => chrome.storage.local.get(null))).toEqual(settingsBefore);
      expect(await options.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    });

    it('a title holding markup is imported and shown as text, never as markup', async () => {
      const data = JSON.parse(everything);
      const title = 'Stored XSS: <img src=x onerror=alert(1)> in a WordPress plugin';
      const url = 'https://news.example/stored-xss-in-a-plugin';
      const said = await importFile(write('markup.json', JSON.stringify({ ...data, articles: [{ ...data.articles[0], url, title }] })));
      expect(said).toMatch(/1 new article, 0 articles updated/);
      expect((await readCollection(options)).find((a) => a.url === url)?.title).toBe(title);
      const page = await other.context.newPage();
      await page.goto(`${other.extensionUrl}collection.html`);
      await expect.poll(() => titles(page), { timeout: 10_000 }).toContain(title);
      expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
      await page.close();
    });

    it('erases everything only after the user confirms', async () => {
      await options.getByRole('button', { name: 'Erase everything…' }).click();
      const confirm = options.getByRole('button', { name: 'Erase everything', exact: true });
      expect(await confirm.isDisabled()).toBe(true);
      await options.getByLabel('Confirmation').fill('erase');
      await confirm.click();
      await expect.poll(() => options.getByTestId('data-result').textContent(), { timeout: 10_000 }).toMatch(/^Everything was erased/);
      expect(await readCollection(options)).toEqual([]);
      expect(await options.evaluate(() => chrome.storage.local.get(null))).toEqual({});
    });
  });
});
