import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { highlightCss, installHighlightStyles, styleOf, tintOf, TYPE_STYLES } from '../../lib/page/highlight/styles';
import { settings } from '../../lib/shared/settings';
import type { PageWindow } from '../../lib/page/highlight/support';

beforeEach(() => {
  fakeBrowser.reset();
});

class FakeSheet {
  text = '';
  replaceSync(text: string) {
    this.text = text;
  }
}

function fakeWindow() {
  const doc = { adoptedStyleSheets: [] as FakeSheet[] };
  return { win: { document: doc, CSSStyleSheet: FakeSheet } as unknown as PageWindow, doc };
}

describe('highlight colours', () => {
  it('turns a chosen #rrggbb into the underline and a translucent tint, and ignores anything else', () => {
    expect(tintOf('#ff0000')).toBe('rgba(255, 0, 0, 0.24)');
    expect(tintOf('red')).toBeUndefined();
    expect(tintOf('#ff0000; background: url(x)')).toBeUndefined();
    expect(styleOf('actor', { actor: '#00ff00' })).toMatchObject({
      color: '#00ff00',
      tint: 'rgba(0, 255, 0, 0.24)',
      label: TYPE_STYLES.actor.label,
    });
    expect(styleOf('actor', { actor: 'expression(x)' })).toBe(TYPE_STYLES.actor);
    const css = highlightCss({ malware: '#123456' });
    expect(css).toContain('::highlight(il-malware) { background-color: rgba(18, 52, 86, 0.24); text-decoration: underline wavy #123456;');
    expect(css).toContain(`::highlight(il-actor) { background-color: ${TYPE_STYLES.actor.tint}`);
  });

  it('follows the colours stored by the options page, and stops when removed', async () => {
    await settings().highlightColors.setValue({ vulnerability: '#0000ff' });
    const { win, doc } = fakeWindow();
    const remove = installHighlightStyles(win);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    const sheet = doc.adoptedStyleSheets[0];
    await vi.waitFor(() => expect(sheet.text).toContain('underline double #0000ff'));
    await settings().highlightColors.setValue({ vulnerability: '#00aa00' });
    await vi.waitFor(() => expect(sheet.text).toContain('underline double #00aa00'));
    remove();
    expect(doc.adoptedStyleSheets).toHaveLength(0);
    await settings().highlightColors.setValue({ vulnerability: '#abcdef' });
    await new Promise((r) => setTimeout(r, 20));
    expect(sheet.text).not.toContain('#abcdef');
  });
});
