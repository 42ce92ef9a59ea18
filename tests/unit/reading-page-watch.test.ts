// @vitest-environment happy-dom
/**
 * Late text and a page that changes (entrypoints/content/page-watch.ts): one batched observer, a slow check
 * of the article, everything on `ctx`. In a DOM with WXT's fake browser and fake timers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { RESCAN_DELAY_MS, watchPage } from '@/entrypoints/content/page-watch';

let ctx: ContentScriptContext;
let rescans: boolean[];
let reading: boolean;

function watch() {
  return watchPage(ctx, { rescan: (changed) => rescans.push(changed), intact: () => true, reading: () => reading });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  document.body.replaceChildren();
  ctx = new ContentScriptContext('page-watch-test');
  rescans = [];
  reading = false;
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
});

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

describe('page watch', () => {
  it('looks again once the late text has settled, once for a burst of changes', async () => {
    watch();
    for (let i = 0; i < 50; i++) document.body.append(paragraph(`Late paragraph ${i} about APT28.`));
    await vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS - 50);
    expect(rescans).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(rescans).toEqual([true]);
  });

  it('following an article, ignores changes inside it until the slow check sees its text grow', async () => {
    const article = document.createElement('article');
    article.append(paragraph('APT28 struck again.'));
    document.body.append(article);
    const w = watch();
    w.follow(article);
    reading = true;
    article.append(paragraph('A second paragraph arrives.'));
    await vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS + 50);
    expect(rescans).toEqual([]); // no mutation records from inside the article
    await vi.advanceTimersByTimeAsync(1500);
    expect(rescans).toEqual([true]);
  });

  it('sees the article replaced (a re-render), and stops for good when told', async () => {
    const article = document.createElement('article');
    article.append(paragraph('APT28 struck again.'));
    document.body.append(article);
    const w = watch();
    w.follow(article);
    const fresh = document.createElement('article');
    fresh.append(paragraph('APT28 struck again.'));
    article.replaceWith(fresh);
    await vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS + 50);
    // A change beside the article, not in it: the rescan checks whether the highlights still hold.
    expect(rescans).toEqual([false]);
    w.stop();
    fresh.replaceWith(paragraph('gone'));
    reading = true;
    await vi.advanceTimersByTimeAsync(5000);
    expect(rescans).toEqual([false]);
  });

  it('pauses (a page that never became an article) and dies with the script', async () => {
    const w = watch();
    w.pause();
    document.body.append(paragraph('Text nobody waits for any more.'));
    await vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS + 50);
    expect(rescans).toEqual([]);
    w.follow(undefined);
    ctx.abort();
    document.body.append(paragraph('After the script was replaced.'));
    await vi.advanceTimersByTimeAsync(RESCAN_DELAY_MS + 50);
    expect(rescans).toEqual([]);
  });
});
