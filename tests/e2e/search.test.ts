/// <reference types="chrome" />
/**
 * Search from the popup, in the built extension in headless Chromium: data written through the worker
 * (ingestArticles, the bundled seed, a saved article, and an ATT&CK technique stored as the sync would
 * store it, then the index rebuilt on request), found as typed letter by letter, opened by keyboard.
 * Also: the collection page's own writes (a note edited, an article deleted) reach the worker's index.
 * Also: axe-core on the popup with results and with an opened hit, and screenshots light and dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchWithExtension, ROOT, type ExtensionBrowser } from '../../scripts/chromium';
import type { SearchProgress } from '../../lib/worker/search/protocol';
import type { DemoServer } from '../../demo/server';
import { screenshot, serveTestPages, wireMessage, type WireAnswer } from './helpers';
import { seriousViolations } from './axe';

let ext: ExtensionBrowser;
let probe: Page;
const SHOTS = `${ROOT}/test-results`;
/** The demo site's article stands in for a feed article, so that opening the hit lands on a page. */
let ARTICLE: string;
let server: DemoServer;
const SAVED = 'https://blog.example/notes/volt-typhoon';

async function send<T>(type: string, data?: unknown): Promise<T> {
  const answer = await probe.evaluate((msg) => chrome.runtime.sendMessage(msg) as Promise<WireAnswer<T>>, wireMessage(type, data));
  if (answer.err) throw new Error(answer.err.message);
  return answer.res as T;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ext = await launchWithExtension({ headless: true });
  server = await serveTestPages();
  ARTICLE = `${server.origin}/?story=ardent`;
  probe = await ext.context.newPage();
  await probe.goto(`${ext.extensionUrl}options.html`);

  const name = (key: string, n: string, start: number) => ({ key, name: n, start, end: start + n.length });
  await send('ingestArticles', {
    articles: [
      {
        url: ARTICLE,
        sourceId: 'feed:news',
        title: 'Ardent Health hospitals hit by LockBit ransomware',
        summary: 'Emergency rooms diverted ambulances after the attack.',
        published: '2024-03-02',
        entities: [
          { ...name('organization:ardent-health', 'Ardent Health', 0), type: 'organization' },
          { ...name('malware:lockbit', 'LockBit', 30), type: 'malware' },
          { ...name('indicator:ipv4:203.0.113.7', '203.0.113.7', 45), type: 'indicator', subtype: 'ipv4' },
        ],
        incidents: [
          {
            type: 'ransomware',
            victim: name('organization:ardent-health', 'Ardent Health', 0),
            actor: name('malware:lockbit', 'LockBit', 30),
            spans: [{ start: 0, end: 60 }],
            // As the engine writes a summary: the event's ISO date at its end.
            when: '2024-02',
            summary: 'Ransomware attack on Ardent Health, 2024-02',
          },
          // An incident the engine knows only by its type: its summary is the type's label.
          { type: 'data-breach', spans: [{ start: 0, end: 60 }], summary: 'Data breach' },
        ],
      },
      {
        url: 'https://news.example/2024/04/fancy-bear-routers',
        sourceId: 'feed:news',
        title: 'Russian spies hijack home routers',
        published: '2024-04-11',
        entities: [{ ...name('actor:apt28', 'APT28', 0), type: 'actor' }],
        incidents: [
          {
            type: 'espionage',
            actor: name('actor:apt28', 'APT28', 0),
            spans: [{ start: 0, end: 30 }],
            when: '2024-03-28',
            summary: 'Espionage by APT28, 2024-03-28',
          },
        ],
      },
    ],
  });
  await send('saveArticle', {
    url: SAVED,
    title: 'Reading list: critical infrastructure',
    note: 'the quokka report is worth a second read',
  });

  // The technique, as the ATT&CK sync stores it: written to the database by another context, which no hook
  // sees; the rebuild the options page offers brings it in.
  await probe.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('incident-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('entities', 'readwrite');
          tx.objectStore('entities').put({
            key: 'technique:t1566',
            type: 'technique',
            name: 'Phishing',
            aliases: ['T1566'],
            aliasesLower: ['phishing', 't1566'],
            sources: ['attack'],
            meta: { mitreId: 'T1566' },
          });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function openPopup(): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`${ext.extensionUrl}popup.html`);
  await popup.locator('#search-box').waitFor();
  return popup;
}

/** Type a query letter by letter, as a person would, and wait for the hits of the last letter. */
async function typeQuery(popup: Page, query: string): Promise<void> {
  await popup.locator('#search-box').fill('');
  await popup.locator('#search-box').pressSequentially(query, { delay: 15 });
  await expect
    .poll(() => popup.locator('[role=status].search-status').textContent(), { timeout: 15_000 })
    .toMatch(/results?|match|Nothing/);
}

const hitKeys = (popup: Page, kind: string) =>
  popup.locator(`[role=group][data-kind=${kind}] [role=option]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));

describe('popup search', () => {
  it('rebuilds its index on request, bringing in rows no hook saw', async () => {
    const started = await send<SearchProgress>('rebuildSearchIndex');
    expect(['building', 'ready']).toContain(started.state);
    await expect
      .poll(async () => (await send<SearchProgress>('searchIndexStatus')).state, { timeout: 60_000, interval: 250 })
      .toBe('ready');
    const done = await send<SearchProgress>('searchIndexStatus');
    expect(done.from).toBe('built');
    expect(done.total).toBeGreaterThan(1000); // the seed catalogue, the articles, incidents, technique and saved article
  });

  it('finds an actor by alias, a CVE by id, a technique by name, a saved article by a word of its note', async () => {
    const popup = await openPopup();
    await typeQuery(popup, 'fancy bea');
    expect(await hitKeys(popup, 'entity')).toContain('actor:apt28');
    await typeQuery(popup, 'CVE-2023-4966');
    expect((await hitKeys(popup, 'entity'))[0]).toBe('vulnerability:cve-2023-4966');
    await typeQuery(popup, 'phishing');
    expect(await hitKeys(popup, 'entity')).toContain('technique:t1566');
    await typeQuery(popup, 'quokka');
    expect(await hitKeys(popup, 'saved')).toEqual([SAVED]);
    await typeQuery(popup, 'ambulnces'); // a typo
    expect(await hitKeys(popup, 'article')).toEqual([ARTICLE]);
    expect(await popup.locator('.search-status').textContent()).toBe('1 close match (nothing exactly as typed)');
    await typeQuery(popup, 'xylophone');
    expect(await popup.locator('.search-status').textContent()).toBe('Nothing found.');
    await popup.close();
  });

  it('looks an indicator up, typed defanged, by what mentions it', async () => {
    const popup = await openPopup();
    const status = () => popup.locator('[role=status].search-status').textContent();
    await typeQuery(popup, '203.0.113[.]7');
    await expect.poll(status).toBe('3 results for 203.0.113.7');
    expect(await hitKeys(popup, 'incident')).toEqual([`${ARTICLE}#0`, `${ARTICLE}#1`]);
    expect(await hitKeys(popup, 'article')).toEqual([ARTICLE]);
    await typeQuery(popup, '198.51.100[.]1');
    await expect.poll(status).toBe('Nothing in your database mentions 198.51.100.1.');
    await popup.close();
  });

  it('opens an entity with its card and incidents by Enter, goes back by Escape, and opens an article in a tab', async () => {
    const popup = await openPopup();
    await typeQuery(popup, 'sofacy');
    await popup.keyboard.press('Enter');
    const detail = popup.getByTestId('entity-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('card-name').textContent()).toBe('APT28');
    await expect.poll(() => detail.getByTestId('entity-incidents').textContent()).toContain('Espionage by APT28');
    // Its dates written out, as everywhere else (not the engine's '2024-03-28').
    expect(await detail.getByTestId('entity-incidents').textContent()).toContain('Espionage by APT28, 28 March 2024');
    expect(await detail.getByTestId('entity-incidents').textContent()).not.toMatch(/\d{4}-\d{2}/);
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toContain('Back to results');
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.keyboard.press('Escape');
    await popup.locator('#search-box').waitFor();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('search-box');

    // "lockbit": the entity first, then the incident, then the article; two arrows down reach the article.
    await typeQuery(popup, 'lockbit');
    expect(await hitKeys(popup, 'article')).toEqual([ARTICLE]);
    const order = await popup.locator('[role=option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    const steps = order.indexOf(ARTICLE);
    for (let i = 0; i < steps; i++) await popup.keyboard.press('ArrowDown');
    expect(await popup.locator('#search-box').getAttribute('aria-activedescendant')).toBe(`search-hit-${steps}`);
    expect(await seriousViolations(popup)).toEqual([]);
    const opened = ext.context.waitForEvent('page');
    await popup.keyboard.press('Enter');
    const tab = await opened;
    await expect.poll(() => tab.url()).toBe(ARTICLE);
    await tab.close();
    await popup.close();
  });

  it('opens an incident with the articles that report it', async () => {
    const popup = await openPopup();
    await typeQuery(popup, 'ardent');
    const incident = (await popup.locator('[role=option]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))).indexOf(
      `${ARTICLE}#0`,
    );
    expect(incident).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < incident; i++) await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('Enter');
    const detail = popup.getByTestId('incident-detail');
    await detail.waitFor();
    await expect
      .poll(() => detail.getByTestId('incident-articles').textContent())
      .toContain('Ardent Health hospitals hit by LockBit ransomware');
    expect(await detail.textContent()).toContain('Victim');
    expect(await detail.locator('h2').textContent()).toBe('Ransomware attack on Ardent Health, February 2024');
    expect(await detail.locator('h2 + p').textContent()).toBe('Ransomware attack · February 2024');
    await popup.getByRole('button', { name: /Back to results/ }).click();

    // Known only by its type, it says the type once: as its title, not again in the line beside it.
    await typeQuery(popup, 'data breach');
    const hit = popup.locator(`[role=option][data-key="${ARTICLE}#1"]`);
    expect(await hit.locator('.search-hit-title').textContent()).toBe('Data breach');
    expect(await hit.locator('.search-hit-detail').textContent()).toBe('2024-03-02');
    await hit.click();
    await detail.waitFor();
    expect(await detail.locator('h2').textContent()).toBe('Data breach');
    expect(await detail.locator('h2 + p').textContent()).toMatch(/^Reported \w+ \d+, 2024$/);
    await popup.close();
  });

  it("follows the collection page's own writes: an edited note is found by its new word, a deleted article no more", async () => {
    const collection = await ext.context.newPage();
    await collection.goto(`${ext.extensionUrl}collection.html`);
    const row = collection.locator('li.article', {
      has: collection.locator('a.article-title', { hasText: 'Reading list: critical infrastructure' }),
    });
    await row.getByRole('button', { name: 'Edit tags and note' }).click();
    await row.locator('textarea[name=note]').fill('compare with the zanzibarite advisory');
    await row.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => row.getByTestId('note').textContent(), { timeout: 10_000 }).toBe('compare with the zanzibarite advisory');

    // The page wrote the database itself: no message reached the worker, no row count changed.
    const popup = await openPopup();
    await expect
      .poll(
        async () => {
          await typeQuery(popup, 'zanzibarite');
          return hitKeys(popup, 'saved');
        },
        { timeout: 15_000 },
      )
      .toEqual([SAVED]);
    await typeQuery(popup, 'quokka'); // the old note's word
    expect(await hitKeys(popup, 'saved')).toEqual([]);

    await row.getByRole('button', { name: 'Delete' }).click();
    await collection.getByTestId('undo').waitFor();
    await expect
      .poll(
        async () => {
          await typeQuery(popup, 'zanzibarite');
          return popup.locator('.search-status').textContent();
        },
        { timeout: 15_000 },
      )
      .toBe('Nothing found.');
    await typeQuery(popup, 'reading list');
    expect(await hitKeys(popup, 'saved')).toEqual([]);
    await popup.close();
    await collection.close();
  });

  it('asks its status after the first search has answered, not ahead of it; with nothing typed, a moment after opening', async () => {
    // The page's messages to the worker, in order, as sent and as answered. The page's clock is held, so the
    // "moment after opening" passes only when the test says so.
    const opened = async () => {
      const popup = await ext.context.newPage();
      await popup.clock.install();
      await popup.addInitScript(() => {
        const log: string[] = [];
        (window as unknown as { sent: string[] }).sent = log;
        const runtime = chrome.runtime as unknown as { sendMessage: (...args: unknown[]) => unknown };
        const original = runtime.sendMessage.bind(runtime);
        runtime.sendMessage = (...args: unknown[]) => {
          const type = (args.find((a) => typeof a === 'object' && a !== null && 'type' in a) as { type?: string } | undefined)?.type;
          log.push(`send ${type}`);
          const at = args.findIndex((a) => typeof a === 'function');
          if (at >= 0) {
            const callback = args[at] as (...r: unknown[]) => void;
            args[at] = (...r: unknown[]) => {
              log.push(`answer ${type}`);
              callback(...r);
            };
            return original(...args);
          }
          return (original(...args) as Promise<unknown>).then((r) => {
            log.push(`answer ${type}`);
            return r;
          });
        };
      });
      await popup.goto(`${ext.extensionUrl}popup.html`);
      await popup.locator('#search-box').waitFor();
      return popup;
    };
    const sent = (popup: Page) =>
      popup.evaluate(() => (window as unknown as { sent: string[] }).sent.filter((m) => /search|getStatus/.test(m)));

    const popup = await opened();
    await popup.locator('#search-box').fill('lockbit');
    await popup.clock.runFor(100); // the search's debounce, not the status's wait
    await popup.locator('[role=option]').first().waitFor();
    await popup.getByTestId('status').waitFor();
    const order = await sent(popup);
    expect(order.indexOf('send getStatus')).toBeGreaterThan(order.indexOf('answer search'));
    expect(order.indexOf('answer search')).toBeGreaterThanOrEqual(0);
    expect(Number(await popup.locator('[data-count=articles]').textContent())).toBeGreaterThanOrEqual(2);
    await popup.close();

    const idle = await opened();
    expect(await sent(idle)).toEqual([]);
    expect(await idle.getByTestId('status').count()).toBe(0);
    await idle.clock.runFor(300);
    await idle.getByTestId('status').waitFor();
    expect(await sent(idle)).toEqual(['send getStatus', 'answer getStatus']);
    await idle.close();
  });

  it('looks right light and dark (screenshots in test-results/)', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await openPopup();
      await popup.emulateMedia({ colorScheme: scheme });
      await typeQuery(popup, 'lockbit');
      expect(await seriousViolations(popup)).toEqual([]);
      await screenshot(popup, { path: `${SHOTS}/popup-search-${scheme}.png`, fullPage: true });
      await popup.keyboard.press('Enter');
      await popup.getByTestId('entity-detail').waitFor();
      await popup.waitForTimeout(300);
      await screenshot(popup, { path: `${SHOTS}/popup-entity-${scheme}.png`, fullPage: true });
      await popup.close();
    }
  });
});
