/** The page's own colour scheme, so that the sidebar and its card match a dark page whatever the system says. */

export type Theme = 'light' | 'dark';

/** Relative luminance below which a background reads as dark (0–255 scale). */
const DARK_BELOW = 110;

/**
 * From the page's background: the body's, else the root's (the first that is not transparent); a page
 * that paints neither follows the reader's system preference.
 */
export function pageTheme(win: Window): Theme {
  const doc = win.document;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(win.getComputedStyle(el).backgroundColor);
    if (!m || m[4] === '0') continue;
    const [r, g, b] = [m[1], m[2], m[3]].map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < DARK_BELOW ? 'dark' : 'light';
  }
  return win.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
