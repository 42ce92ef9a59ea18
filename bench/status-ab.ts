/**
 * The popup's status on the sync bench's database, two builds alternating in one headless Chromium page on a
 * profile on disk (bench/lib/bench-page.ts), without the rest of the sync bench:
 *
 *   IL_AB_BASE=/path/to/other/checkout npx tsx bench/status-ab.ts [--rounds 6] [--calls 9] [--articles 200000] [--clusters 50000]
 *
 * The database is bench/sync/related-db.ts's (200,000 articles in 50,000 clustered incidents), with the MISP
 * galaxies and KEV stored as the catalogue, written by this build. Each round, in alternating order, each build
 * opens the database with a new database object (as a worker woken to answer the popup does) and times its first
 * getStatus, then the median of `--calls` more. Before the rounds, this build's first status ever on the
 * database is timed alone (a database from before kept counts: every table counted once).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openAbPage } from './lib/bench-page';
import { KEV, MISP_CLUSTERS, loadCatalogue } from './lib/catalogue';
import { median } from './lib/stats';
import { fillRelatedDb } from './sync/related-db';

type SB = typeof import('./sync/entry');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '6' },
      calls: { type: 'string', default: '9' },
      articles: { type: 'string', default: '200000' },
      clusters: { type: 'string', default: '50000' },
    },
  });
  const { page, close } = await openAbPage('status ab');
  try {
    const load0 = loadavg()[0];
    const { entries } = await loadCatalogue([MISP_CLUSTERS, KEV]);
    const now = Date.parse('2026-06-01T00:00:00Z');
    const keyLists = entries.slice(0, 2000).map((e) => [e.key]);
    const fill = await page.evaluate(fillRelatedDb, [
      Number(values.articles),
      Number(values.clusters),
      keyLists,
      now,
      'status-ab',
      'SB_this',
    ] as const);
    const first = await page.evaluate(async (cat) => {
      const sb = (window as unknown as { SB_this: SB }).SB_this;
      const db = new sb.IncidentLensDb({ name: 'status-ab' });
      await db.entities.bulkPut(cat.map((e) => ({ ...e, aliasesLower: [e.name.toLowerCase()] })));
      const t0 = performance.now();
      const s = await sb.getStatus(
        db,
        'bench',
        sb.seedCatalogue().map((e) => e.key),
      );
      const ms = performance.now() - t0;
      db.close();
      return { ms, status: s };
    }, entries);
    console.log(
      `database: ${fill.articles} articles, ${fill.clusters} incidents written in ${(fill.fillMs / 1000).toFixed(1)} s; ` +
        `${first.status.counts.entities} stored entities, catalogue ${first.status.catalogueSize}; ` +
        `this build's first status ever (every table counted once, the catalogue's keys read) ${first.ms.toFixed(1)} ms`,
    );
    const run = (which: 'base' | 'this') =>
      page.evaluate(
        async ([which, calls]) => {
          const sb = (window as unknown as Record<string, SB>)[`SB_${which}`];
          const bundled = sb.seedCatalogue().map((e) => e.key);
          const db = new sb.IncidentLensDb({ name: 'status-ab' });
          await db.open();
          const time = async () => {
            const t0 = performance.now();
            const s = await sb.getStatus(db, 'bench', bundled);
            return { ms: performance.now() - t0, s };
          };
          const first = await time();
          const after: number[] = [];
          for (let i = 0; i < calls; i++) after.push((await time()).ms);
          db.close();
          return { first: first.ms, after, answer: JSON.stringify(first.s) };
        },
        [which, Number(values.calls)] as const,
      );
    const figures = { base: { first: [] as number[], after: [] as number[] }, this: { first: [] as number[], after: [] as number[] } };
    let differ = false;
    for (let r = 0; r < Number(values.rounds); r++) {
      const order = r % 2 ? (['this', 'base'] as const) : (['base', 'this'] as const);
      const res: Partial<Record<'base' | 'this', Awaited<ReturnType<typeof run>>>> = {};
      for (const which of order) res[which] = await run(which);
      for (const which of order) {
        figures[which].first.push(res[which]!.first);
        figures[which].after.push(median(res[which]!.after));
      }
      differ ||= res.base!.answer !== res.this!.answer;
      console.log(
        `round ${r + 1} (${order.join(' then ')}): base first ${res.base!.first.toFixed(1)} ms, after ${median(res.base!.after).toFixed(1)} ms; ` +
          `this first ${res.this!.first.toFixed(1)} ms, after ${median(res.this!.after).toFixed(1)} ms; load ${loadavg()[0].toFixed(2)}`,
      );
    }
    const m = (xs: number[]) => median(xs).toFixed(1);
    console.log(
      `medians: base first ${m(figures.base.first)} ms, after ${m(figures.base.after)} ms; this first ${m(figures.this.first)} ms, after ${m(figures.this.after)} ms; ` +
        `answers ${differ ? 'DIFFER' : 'the same'}; load ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
    );
  } finally {
    await close();
  }
}

await main();
