/**
 * Popup search in Firefox (WebDriver BiDi, the event-page background): a saved article and the bundled
 * catalogue are found as typed, and Enter opens an entity with its card. Run `npx wxt build -b firefox` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD } from '../../scripts/chromium';
import { EXTENSION_ID, EXTENSION_URL, launchFirefox, type BidiFirefox } from './firefox';
import { wireMessage } from './helpers';

let firefox: BidiFirefox;

beforeAll(async () => {
  firefox = await launchFirefox();
  const installed = await firefox.send<{ extension: string }>('webExtension.install', {
    extensionData: { type: 'path', path: FIREFOX_BUILD },
  });
  expect(installed.extension).toBe(EXTENSION_ID);
});

afterAll(async () => {
  await firefox?.close();
});

async function openTab(url: string): Promise<string> {
  const { context } = await firefox.send<{ context: string }>('browsingContext.create', { type: 'tab' });
  await firefox.send('browsingContext.navigate', { context, url, wait: 'complete' });
  return context;
}

async function js<T extends string | number | boolean | null>(context: string, expression: string): Promise<T> {
  const r = await firefox.send<{ type: string; result?: { value?: T }; exceptionDetails?: { text: string } }>('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: true,
  });
  if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails?.text}`);
  return (r.result?.value ?? null) as T;
}

/** Types a query into the search box letter by letter, with the input event the popup listens to. */
const typeQuery = (query: string) =>
  `(async () => {
    const box = document.querySelector('#search-box');
    box.focus();
    box.value = '';
    for (const ch of ${JSON.stringify(query)}) {
      box.value += ch;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 15));
    }
    return true;
  })()`;

const optionKeys = (kind: string) =>
  `JSON.stringify([...document.querySelectorAll('[role=group][data-kind=${kind}] [role=option]')].map((e) => e.dataset.key))`;

describe('popup search in Firefox', () => {
  it('finds a saved article and an actor by alias, and opens the actor by Enter', async () => {
    const popup = await openTab(`${EXTENSION_URL}popup.html`);
    const saved = await js<string>(
      popup,
      `browser.runtime.sendMessage(${JSON.stringify(
        wireMessage('saveArticle', { url: 'https://blog.example/kimsuky', title: 'Kimsuky lures', note: 'the wombat dossier' }),
      )}).then((a) => JSON.stringify(a))`,
    );
    expect(saved).toContain('"res"');

    await js(popup, typeQuery('wombat'));
    await expect
      .poll(() => js<string>(popup, optionKeys('saved')), { timeout: 20_000 })
      .toBe(JSON.stringify(['https://blog.example/kimsuky']));

    await js(popup, typeQuery('fancy bea'));
    await expect.poll(() => js<string>(popup, optionKeys('entity')), { timeout: 10_000 }).toContain('actor:apt28');
    await js(
      popup,
      `document.querySelector('#search-box').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })), true`,
    );
    await expect
      .poll(() => js(popup, `document.querySelector('[data-testid="card-name"]')?.textContent ?? null`), { timeout: 10_000 })
      .toBe('APT28');
  });
});
