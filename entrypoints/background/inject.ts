/**
 * How the content script reaches pages beyond the built-in list of news sites:
 * - on demand, for one tab, when the user asks from the popup or the context menu (activeTab gives
 *   the extension that tab until it navigates away);
 * - everywhere, once the user grants the optional all-sites permission on the options page: then a
 *   dynamic content script is registered for every site, and unregistered when the grant is revoked.
 */
import { browser } from 'wxt/browser';
import { ALL_SITES_ORIGINS, CONTENT_MATCHES, FORCE_FLAG } from '@/lib/shared/sites';

const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';
const MENU_ID = 'incident-lens-read-page';
const ALL_SITES_SCRIPT_ID = 'incident-lens-all-sites';

/** Run the content script in a tab and make it show the sidebar even if the page is no article. */
export async function runOnTab(tabId: number): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId },
    // Runs in the content scripts' world of the page, where main() reads and clears it.
    func: (flag: string) => {
      (globalThis as Record<string, unknown>)[flag] = true;
    },
    args: [FORCE_FLAG],
  });
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
}

/**
 * Register or unregister the all-sites content script to match the permission the user granted.
 * (webext-dynamic-content-scripts does this for per-origin grants; with one all-sites grant, MV3 on both
 * browsers and scripting.registerContentScripts in both, it would add seven packages and an MV2
 * polyfill for these dozen lines.)
 */
export async function syncAllSitesScript(): Promise<void> {
  const granted = await browser.permissions.contains({ origins: [...ALL_SITES_ORIGINS] });
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
  if (granted && registered.length === 0) {
    await browser.scripting.registerContentScripts([
      {
        id: ALL_SITES_SCRIPT_ID,
        js: [CONTENT_SCRIPT_FILE],
        matches: [...ALL_SITES_ORIGINS],
        // The manifest's content script already covers these.
        excludeMatches: [...CONTENT_MATCHES],
        runAt: 'document_idle',
      },
    ]);
  } else if (!granted && registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
  }
}

/** Listeners of the worker's top level (registered synchronously, so a woken worker hears the event). */
export function registerInjection(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ID,
      title: 'Read this page with Incident Lens',
      contexts: ['page', 'selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void runOnTab(tab.id);
  });
  browser.permissions.onAdded.addListener(() => void syncAllSitesScript());
  browser.permissions.onRemoved.addListener(() => void syncAllSitesScript());
  browser.runtime.onStartup.addListener(() => void syncAllSitesScript());
  void syncAllSitesScript();
}
