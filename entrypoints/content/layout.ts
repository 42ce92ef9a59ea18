/**
 * Where the sidebar may stand without hiding what the reader is reading. It is fixed to the window's right
 * edge; when the article's text column leaves it room there (wide windows, centred columns) it opens beside
 * the text, otherwise it starts as a small tab at the edge and opens when the reader asks.
 */

/** The open sidebar's width and its distance from the window's edge (components/sidebar.css). */
export const SIDEBAR_WIDTH = 340;
export const SIDEBAR_EDGE = 12;
/** Space left between the text and the open sidebar. */
export const TEXT_GAP = 16;
/** Text nodes measured: enough to meet the column's blocks, few enough to cost nothing on a long article. */
const SAMPLES = 48;

/**
 * The right edge of the article's text column in window coordinates: the widest box among the elements
 * holding a sample of its text nodes (paragraph boxes give the column's width, not the ragged line ends).
 */
export function textColumnRight(nodes: readonly Node[]): number {
  let right = 0;
  const step = Math.max(1, Math.floor(nodes.length / SAMPLES));
  for (let i = 0; i < nodes.length; i += step) {
    const box = nodes[i].parentElement?.getBoundingClientRect();
    if (box && box.width > 0 && box.height > 0) right = Math.max(right, box.right);
  }
  return right;
}

/** Whether the open sidebar fits between the text column and the window's right edge. */
export function sidebarFitsBeside(nodes: readonly Node[], windowWidth: number): boolean {
  const right = textColumnRight(nodes);
  return right > 0 && windowWidth - right >= SIDEBAR_WIDTH + SIDEBAR_EDGE + TEXT_GAP;
}
