// @vitest-environment happy-dom
/**
 * Single-page navigation (entrypoints/content/navigation.ts) and the page's theme (theme.ts), in a DOM with
 * WXT's fake browser: the location watcher is WXT's own, driven by fake timers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchNavigation } from '@/entrypoints/content/navigation';
import { RESCAN_DELAY_MS } from '@/entrypoints/content/page-watch';
import { pageTheme } from '@/entrypoints/content/theme';

let ctx: ContentScriptContext;
beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  ctx = new ContentScriptContext('navigation-test');
});
afterEach(() => {
  ctx.abort();
  vi.useRealTimers();
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
});

describe('single-page navigation', () => {
  it('leaves the old article when the URL changes, and reads the page a moment later', () => {
    const seen: string[] = [];
    watchNavigation(ctx, new AbortController().signal, {
      left: () => seen.push(`left ${location.pathname}`),
      arrived: () => seen.push(`arrived ${location.pathname}`),
    });
    history.pushState({}, '', '/news/second-article');
    vi.advanceTimersByTime(1000); // WXT's watcher looks at the URL every second
    expect(seen).toEqual(['left /news/second-article']);
    vi.advanceTimersByTime(RESCAN_DELAY_MS);
    expect(seen).toEqual(['left /news/second-article', 'arrived /news/second-article']);
  });

  it('stops with its signal, even between leaving and arriving', () => {
    const seen: string[] = [];
    const stop = new AbortController();
    watchNavigation(ctx, stop.signal, { left: () => seen.push('left'), arrived: () => seen.push('arrived') });
    history.pushState({}, '', '/news/third');
    vi.advanceTimersByTime(1000);
    stop.abort();
    vi.advanceTimersByTime(RESCAN_DELAY_MS);
    history.pushState({}, '', '/news/fourth');
    vi.advanceTimersByTime(1000 + RESCAN_DELAY_MS);
    expect(seen).toEqual(['left']);
  });
});

describe('page theme', () => {
  it('reads a dark or light page from its background, the body first', () => {
    document.body.style.backgroundColor = 'rgb(17, 19, 24)';
    expect(pageTheme(window)).toBe('dark');
    document.body.style.backgroundColor = 'rgb(250, 250, 245)';
    expect(pageTheme(window)).toBe('light');
  });

  it('looks through a transparent body to the root, and follows the system where neither is painted', () => {
    document.body.style.backgroundColor = 'rgba(0, 0, 0, 0)';
    document.documentElement.style.backgroundColor = 'rgb(20, 20, 20)';
    expect(pageTheme(window)).toBe('dark');
    document.documentElement.style.backgroundColor = 'transparent';
    const dark = vi.spyOn(window, 'matchMedia').mockReturnValue({ matches: true } as MediaQueryList);
    expect(pageTheme(window)).toBe('dark');
    dark.mockReturnValue({ matches: false } as MediaQueryList);
    expect(pageTheme(window)).toBe('light');
  });
});
