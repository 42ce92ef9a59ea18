/**
 * A blank page of a loopback origin in headless Chromium, for the benches that bundle the worker's code
 * into a page (the sync's ingest, its profile and A/B runs): a real origin, so that the page has IndexedDB;
 * esbuild's `__name` helper defined before any bundled script runs.
 *
 * The browser runs on a profile of its own on disk, so that IndexedDB is kept as a user's browser keeps
 * it: a page of a plain `chromium.launch()` is off the record, and Chromium keeps an off-the-record
 * profile's IndexedDB in memory. `IL_BENCH_IDB=memory` opens the off-the-record page instead, to compare.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../../scripts/chromium';
import { bundle, launch } from '../../tests/fixtures/reading/browser';

const NAME_SHIM = 'globalThis.__name = (f) => f;';

export interface BenchPage {
  browser: Browser;
  page: Page;
  /** Closes the browser and the server. */
  close(): Promise<void>;
}

/** Opens the page (`title` names it in traces and profiles). */
export async function openBenchPage(title: string): Promise<BenchPage> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!DOCTYPE html><title>${title}</title>`);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { browser, newPage, closeBrowser } = await openBrowser();
  const close = async () => {
    await closeBrowser();
    server.close();
  };
  try {
    const page = await newPage();
    await page.addInitScript(NAME_SHIM);
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.evaluate(NAME_SHIM);
    return { browser, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Chromium on a profile of its own on disk (or off the record: IL_BENCH_IDB=memory). */
async function openBrowser(): Promise<{ browser: Browser; newPage(): Promise<Page>; closeBrowser(): Promise<void> }> {
  if (process.env.IL_BENCH_IDB === 'memory') {
    const browser = await launch();
    return { browser, newPage: () => browser.newPage(), closeBrowser: () => browser.close() };
  }
  const dir = await mkdtemp(join(tmpdir(), 'il-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    args: ['--no-sandbox'],
  });
  const browser = context.browser();
  if (!browser) throw new Error('Chromium gave no browser for its persistent context');
  return {
    browser,
    newPage: () => context.newPage(),
    closeBrowser: async () => {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The A/B benches' page: the bench page with two builds of `bench/sync/entry.ts` loaded, the checkout named
 * by IL_AB_BASE as `SB_base` and this one as `SB_this`.
 */
export async function openAbPage(title: string): Promise<BenchPage> {
  const base = process.env.IL_AB_BASE;
  if (!base) throw new Error('IL_AB_BASE: the other checkout to compare with');
  const bench = await openBenchPage(title);
  try {
    await bench.page.addScriptTag({ content: await bundle('bench/sync/entry.ts', 'SB_base', base) });
    await bench.page.addScriptTag({ content: await bundle('bench/sync/entry.ts', 'SB_this') });
    return bench;
  } catch (e) {
    await bench.close();
    throw e;
  }
}
