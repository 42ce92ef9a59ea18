/**
 * The engine alone, two builds side by side in one headless Chromium page, alternating round by round: each
 * reads the sync bench's items with prepareFeedItem (as the ingest does, without the database), and the page's
 * main-thread CPU is taken from a trace. What a change to the engine does in the browser, where V8 runs the
 * bundle (Node under tsx weighs some functions several times over; see bench/README.md, round 14):
 *
 *   IL_AB_BASE=/path/to/other/checkout npx tsx bench/ab-engine.ts [--items 1500] [--rounds 7]
 *
 * Prints each round, the medians and the median of the per-round ratios (this build over the base). A round
 * whose trace lost a build's thread (0 ms) is left out of the medians.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openAbPage } from './lib/bench-page';
import { KEV, MISP_CLUSTERS, loadCatalogue } from './lib/catalogue';
import { median } from './lib/stats';
import { benchItems } from './sync/items';
import { cpuOf, threadTimes } from './lib/thread-cpu';
type SB = typeof import('./sync/entry');
const { values } = parseArgs({ options: { items: { type: 'string', default: '1500' }, rounds: { type: 'string', default: '7' } } });
const n = Number(values.items);
const rounds = Number(values.rounds);
const { browser, page, close } = await openAbPage('abe');
try {
  const { entries } = await loadCatalogue([MISP_CLUSTERS, KEV]);
  const items = benchItems(n);
  await page.evaluate(
    ([cat, items]) => {
      const w = window as unknown as Record<string, unknown> & { SB_base: SB; SB_this: SB };
      w.items = items;
      w.m_base = w.SB_base.compileMatcher(cat);
      w.m_this = w.SB_this.compileMatcher(cat);
    },
    [entries, items] as const,
  );
  const cdp = await browser.newBrowserCDPSession();
  const MAIN = /^Renderer \/ CrRendererMain$/;
  const run = async (which: string) => {
    const threads = await threadTimes(cdp, async () => {
      await page.evaluate((which) => {
        const w = window as unknown as Record<string, unknown>;
        const sb = w[`SB_${which}`] as SB;
        for (const item of w.items as Parameters<SB['prepareFeedItem']>[0][]) sb.prepareFeedItem(item, w[`m_${which}`] as never);
      }, which);
    });
    return cpuOf(threads, MAIN) / n;
  };
  await run('base');
  await run('this');
  const ratios: number[] = [];
  const t: Record<string, number[]> = { base: [], this: [] };
  for (let r = 0; r < rounds; r++) {
    const got: Record<string, number> = {};
    for (const which of r % 2 ? ['this', 'base'] : ['base', 'this']) got[which] = await run(which);
    if (got.base > 0 && got.this > 0) {
      t.base.push(got.base);
      t.this.push(got.this);
      ratios.push(got.this / got.base);
    }
    console.log(`round ${r + 1}: base ${got.base.toFixed(3)} this ${got.this.toFixed(3)} ms CPU an item; load ${loadavg()[0].toFixed(1)}`);
  }
  console.log(
    `median base ${median(t.base).toFixed(3)} this ${median(t.this).toFixed(3)}; ratio median ${median(ratios).toFixed(3)} (${ratios.map((x) => x.toFixed(2)).join(' ')})`,
  );
} finally {
  await close();
}
