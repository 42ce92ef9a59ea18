/** What the end-to-end tests share: the page server, the browser, and ways into closed places. */
import { resolve } from 'node:path';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { DEMO_SITE, startDemoServer, type DemoServer } from '../../demo/server';
import { ROOT } from '../../scripts/chromium';
import { SIDEBAR_HOST } from '../../lib/shared/sites';

const SHARED_PAGES = resolve(ROOT, '../shared/fixtures/pages');
const OWN_PAGES = resolve(ROOT, 'tests/fixtures/pages');
export const SIDEBAR = SIDEBAR_HOST;

/** `/` the demo site, `/shared/` the shared fixture pages (read in place), `/fixtures/` our own. */
export function serveTestPages(): Promise<DemoServer> {
  return startDemoServer({ '/': DEMO_SITE, '/shared/': SHARED_PAGES, '/fixtures/': OWN_PAGES });
}

/** A message in @webext-core/messaging's wire format, as the protocol's own sender would make it. */
export function wireMessage(type: string, data?: unknown) {
  return { id: Math.floor(Math.random() * 1e6), type, data, timestamp: Date.now() };
}

export type WireAnswer<T = unknown> = { res?: T; err?: { message: string } };

/**
 * The text inside the sidebar's closed shadow root. Page scripts (and Playwright's selectors) cannot
 * see into it; the DevTools protocol can.
 */
export async function sidebarText(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = findNode(root, (n) => n.nodeName === SIDEBAR.toUpperCase());
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { return this.textContent; }',
      returnByValue: true,
    });
    return result.value as string;
  } finally {
    await cdp.detach();
  }
}

interface DomNode {
  nodeName: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

function findNode(node: DomNode, test: (n: DomNode) => boolean): DomNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return undefined;
}

/**
 * Evaluate an expression in the extension's content-script world of a page, so a test can speak as
 * the content script does (with the sender Chrome itself fills in).
 */
export async function inContentWorld<T>(page: Page, extensionId: string, expression: string): Promise<T> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`);
    if (!world) throw new Error('content script world not found');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/**
 * A picture for people to look at (test-results/), of a page or a part of one, with its tab brought to the
 * front first: Chromium 120 paints no frame for a tab behind another, and its capture then waits forever.
 */
export async function screenshot(target: Page | Locator, options: { path: string; fullPage?: boolean }): Promise<void> {
  const page = 'bringToFront' in target ? target : target.page();
  await page.bringToFront();
  if ('bringToFront' in target) await target.screenshot(options);
  else await target.screenshot({ path: options.path });
}
