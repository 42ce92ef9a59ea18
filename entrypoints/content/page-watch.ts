/**
 * How the reading view follows a page that changes: one batched, bounded MutationObserver and a slow
 * check, everything on `ctx`.
 *
 * Before an article is found the observer watches the whole body (its text may arrive late, anywhere).
 * Once one is read it watches only the children of the article root's parent (the root replaced or
 * removed), so that the page's own changes — inside the article too — create no mutation records for us
 * (observing a subtree doubles the cost of a page's DOM changes). Edits and growth inside the article are
 * caught by a check of the anchors and of the article's text length every ANCHOR_CHECK_MS.
 *
 * The observer's callback only queues records (up to MAX_RECORDS_PER_FRAME; past that it keeps none and
 * the page is simply looked at again); the work runs on the next animation frame, and the rescan waits
 * for the page to settle, never longer than RESCAN_MAX_WAIT_MS.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const MAX_RECORDS_PER_FRAME = 2000;
export const RESCAN_DELAY_MS = 400;
const RESCAN_MAX_WAIT_MS = 2000;
const ANCHOR_CHECK_MS = 1500;

export interface PageWatchOptions {
  /** Look at the page again; `articleChanged` when the article's own text may have changed. */
  rescan(articleChanged: boolean): void;
  /** Whether the painted highlights still hold their text. */
  intact(): boolean;
  /** Whether an article is being read (the slow check rests otherwise). */
  reading(): boolean;
}

export interface PageWatch {
  /** Follow the article whose text lies under `root`; undefined: watch the whole body for one to appear. */
  follow(root: Node | undefined): void;
  /** Look again once, soon (text may have arrived before the observer started). */
  soon(): void;
  /** Stop observing until the next follow() (a page that never became an article). */
  pause(): void;
  /** Stop for good (the user turned the site off). */
  stop(): void;
}

export function watchPage(ctx: ContentScriptContext, opts: PageWatchOptions): PageWatch {
  let root: Node | undefined;
  let rootTextLength = 0;
  let queued: MutationRecord[] = [];
  let overflow = false;
  let frameQueued = false;
  let articleTouched = false;
  let rescanTimer: number | undefined;
  let rescanDueSince: number | undefined;
  let stopped = false;

  const observer = new MutationObserver((records) => {
    if (!overflow) {
      if (queued.length + records.length > MAX_RECORDS_PER_FRAME) {
        overflow = true;
        queued = [];
      } else {
        queued.push(...records);
      }
    }
    if (frameQueued) return;
    frameQueued = true;
    ctx.requestAnimationFrame(onMutationFrame);
  });

  function onMutationFrame(): void {
    frameQueued = false;
    // Changes inside the article may add text the anchors cannot see; changes elsewhere only matter if
    // they moved the article's nodes, which the rescan's anchor check finds.
    const r = root;
    if (overflow || !r || queued.some((m) => r.contains(m.target))) articleTouched = true;
    queued = [];
    overflow = false;
    schedule();
  }

  /** A rescan after the page has been quiet for RESCAN_DELAY_MS, but not later than RESCAN_MAX_WAIT_MS. */
  function schedule(): void {
    const now = performance.now();
    rescanDueSince ??= now;
    if (rescanTimer !== undefined) {
      if (now - rescanDueSince > RESCAN_MAX_WAIT_MS) return;
      clearTimeout(rescanTimer);
    }
    rescanTimer = ctx.setTimeout(() => {
      rescanTimer = undefined;
      rescanDueSince = undefined;
      const changed = articleTouched;
      articleTouched = false;
      if (!stopped) opts.rescan(changed);
    }, RESCAN_DELAY_MS);
  }

  ctx.onInvalidated(() => observer.disconnect());
  ctx.setInterval(() => {
    if (stopped || !opts.reading() || rescanTimer !== undefined) return;
    const grown = root !== undefined && (root.textContent?.length ?? 0) !== rootTextLength;
    if (grown || !opts.intact()) opts.rescan(true);
  }, ANCHOR_CHECK_MS);

  const watch: PageWatch = {
    follow(next) {
      if (stopped) return;
      observer.disconnect();
      queued = [];
      root = next;
      rootTextLength = next?.textContent?.length ?? 0;
      if (!next) {
        observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
      } else if (next.parentNode) {
        observer.observe(next.parentNode, { childList: true });
      }
    },
    soon() {
      articleTouched = true;
      schedule();
    },
    pause() {
      observer.disconnect();
      queued = [];
    },
    stop() {
      stopped = true;
      observer.disconnect();
    },
  };
  watch.follow(undefined);
  return watch;
}
