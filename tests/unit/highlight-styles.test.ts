/**
 * The highlight styles go in as one adopted sheet, by the page's own route where a Firefox content script
 * cannot use its wrapped view of the list (ESR 140). Windows here are plain stand-ins: what matters is
 * which list the sheet ends up in.
 */
import { describe, expect, it } from 'vitest';
import type { PageWindow } from '@/lib/page/highlight';
import { installHighlightStyles } from '@/lib/page/highlight/styles';

class FakeSheet {
  css = '';
  replaceSync(css: string): void {
    this.css = css;
  }
}

function fakeWindow(list: unknown): PageWindow {
  return { document: { adoptedStyleSheets: list }, CSSStyleSheet: FakeSheet } as unknown as PageWindow;
}

/** A list as Firefox 140's Xray shows it to a content script: no iterator, and changing it throws. */
const xrayList = new Proxy([], {
  get(_t, prop) {
    if (prop === 'length') return 0;
    throw new TypeError('t.adoptedStyleSheets is not iterable');
  },
});

describe('installHighlightStyles', () => {
  it('adds one sheet with the ::highlight rules beside the page sheets, and takes it out again', () => {
    const pageSheet = new FakeSheet();
    const list: FakeSheet[] = [pageSheet];
    const remove = installHighlightStyles(fakeWindow(list));
    expect(list).toHaveLength(2);
    expect(list[0]).toBe(pageSheet);
    expect(list[1].css).toContain('::highlight(il-actor)');
    remove();
    expect(list).toEqual([pageSheet]);
  });

  it("goes through the page's own view (wrappedJSObject) when the wrapped list refuses", () => {
    const pageList: FakeSheet[] = [];
    const win = fakeWindow(xrayList) as PageWindow & { wrappedJSObject: PageWindow };
    win.wrappedJSObject = fakeWindow(pageList);
    const remove = installHighlightStyles(win);
    expect(pageList).toHaveLength(1);
    expect(pageList[0].css).toContain('::highlight(il-vulnerability)');
    remove();
    expect(pageList).toHaveLength(0);
  });

  it('throws where there is no other route', () => {
    expect(() => installHighlightStyles(fakeWindow(xrayList))).toThrow(TypeError);
  });
});
