/**
 * Related incidents from two builds side by side in one headless Chromium page, alternating round by round
 * on the same database, so that both see the same machine:
 *
 *   IL_AB_BASE=/path/to/other/checkout npx tsx bench/related-ab.ts [--rounds 6] [--queries 200] [--items 2000]
 *
 * The queries are the entity keys of real analysed items (`--items` of the sync bench's items ingested by this
 * build, every n-th row's keys); the database is the sync bench's (bench/sync/related-db.ts: 200,000 articles in
 * 50,000 clustered incidents). Each round runs every query through each build, in alternating order, after ten
 * warm-up queries; prints each round's p50/p95 and the medians, and whether the two builds gave the same
 * answers (ids, scores, shared keys) to every query, and how much their top 10s overlap. Builds of different
 * schema versions read a database each, filled alike.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { bundle } from '../tests/fixtures/reading/browser';
import { openBenchPage } from './lib/bench-page';
import { KEV, MISP_CLUSTERS, loadCatalogue } from './lib/catalogue';
import { median } from './lib/stats';
import { benchItems } from './sync/items';
import { fillRelatedDb } from './sync/related-db';

type SB = typeof import('./sync/entry');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '6' },
      queries: { type: 'string', default: '200' },
      items: { type: 'string', default: '2000' },
      articles: { type: 'string', default: '200000' },
      clusters: { type: 'string', default: '50000' },
    },
  });
  const base = process.env.IL_AB_BASE;
  if (!base) throw new Error('IL_AB_BASE: the other checkout to compare with');
  const { page, close } = await openBenchPage('related ab');
  try {
    await page.addScriptTag({ content: await bundle('bench/sync/entry.ts', 'SB_base', base) });
    await page.addScriptTag({ content: await bundle('bench/sync/entry.ts', 'SB_this') });
    const { entries } = await loadCatalogue([MISP_CLUSTERS, KEV]);
    const items = benchItems(Number(values.items));
    const now = Date.parse(items[items.length - 1].published!) + 86_400_000;
    const load0 = loadavg()[0];
    // The queries: the entity keys of real items, read and stored by this build.
    const queries = await page.evaluate(
      async ([cat, items, at, n]) => {
        const sb = (window as unknown as { SB_this: SB }).SB_this;
        const matcher = sb.compileMatcher(cat);
        const db = new sb.IncidentLensDb({ name: 'related-ab-items' });
        await db.open();
        for (let i = 0; i < items.length; i += 50) await sb.ingestFeedItems(db, items.slice(i, i + 50), { matcher, now: at });
        const rows = await db.articles.toArray();
        db.close();
        const step = Math.max(1, Math.floor(rows.length / n));
        return rows
          .filter((_, i) => i % step === 0)
          .slice(0, n)
          .map((r) => r.entityKeys);
      },
      [entries, items, now, Number(values.queries)] as const,
    );
    // One database when both builds read the same schema; else one each, filled alike (the same rows, each
    // build writing them through its own schema).
    const versions = await page.evaluate(() =>
      (['base', 'this'] as const).map((w) => new (window as unknown as Record<string, SB>)[`SB_${w}`].IncidentLensDb({ name: 'v' }).verno),
    );
    const dbName = { base: 'related-ab', this: versions[0] === versions[1] ? 'related-ab' : 'related-ab-this' };
    for (const which of versions[0] === versions[1] ? (['base'] as const) : (['base', 'this'] as const)) {
      const fill = await page.evaluate(fillRelatedDb, [
        Number(values.articles),
        Number(values.clusters),
        queries,
        now,
        dbName[which],
        `SB_${which}`,
      ] as const);
      console.log(
        `${queries.length} queries of ${(queries.reduce((n, k) => n + k.length, 0) / queries.length).toFixed(1)} keys; ` +
          `database of ${fill.articles} articles, ${fill.clusters} incidents (schema v${versions[which === 'base' ? 0 : 1]}) written in ${(fill.fillMs / 1000).toFixed(1)} s`,
      );
    }
    const run = (which: 'base' | 'this') =>
      page.evaluate(
        async ([which, name, keyLists, at]) => {
          const sb = (window as unknown as Record<string, SB>)[`SB_${which}`];
          const db = new sb.IncidentLensDb({ name });
          await db.open();
          sb.forgetClusterCount();
          const iso = new Date(at).toISOString();
          for (const keys of keyLists.slice(0, 10)) await sb.relatedIncidents(db, keys, iso, { limit: 10, now: at });
          const times: number[] = [];
          const answers: string[] = [];
          const ids: string[][] = [];
          for (const keys of keyLists) {
            const t0 = performance.now();
            const r = await sb.relatedIncidents(db, keys, iso, { limit: 10, now: at });
            times.push(performance.now() - t0);
            answers.push(JSON.stringify(r.map((x) => [x.id, x.score, x.shared.map((s) => s.key)])));
            ids.push(r.map((x) => x.id));
          }
          db.close();
          return { times, answers, ids };
        },
        [which, dbName[which], queries, now] as const,
      );
    const pct = (xs: number[], p: number) => {
      const s = [...xs].sort((a, b) => a - b);
      return s[Math.min(s.length - 1, Math.floor(p * s.length))];
    };
    const figures: Record<string, { p50: number[]; p95: number[] }> = { base: { p50: [], p95: [] }, this: { p50: [], p95: [] } };
    let differ = 0;
    let overlap = 0;
    for (let r = 0; r < Number(values.rounds); r++) {
      const order = r % 2 ? (['this', 'base'] as const) : (['base', 'this'] as const);
      const res: Partial<Record<'base' | 'this', Awaited<ReturnType<typeof run>>>> = {};
      for (const which of order) res[which] = await run(which);
      for (const which of order) {
        figures[which].p50.push(pct(res[which]!.times, 0.5));
        figures[which].p95.push(pct(res[which]!.times, 0.95));
      }
      differ = res.base!.answers.filter((a, i) => a !== res.this!.answers[i]).length;
      // The top 10s' overlap: of each query's answers, the share both builds gave (1 when neither answered).
      const mean = res.base!.ids.reduce((n, a, i) => {
        const b = new Set(res.this!.ids[i]);
        return n + (Math.max(a.length, b.size) ? a.filter((id) => b.has(id)).length / Math.max(a.length, b.size) : 1);
      }, 0);
      overlap = mean / queries.length;
      console.log(
        `round ${r + 1} (${order.join(' then ')}): base p50/p95 ${figures.base.p50[r].toFixed(1)}/${figures.base.p95[r].toFixed(1)} ms, ` +
          `this ${figures.this.p50[r].toFixed(1)}/${figures.this.p95[r].toFixed(1)} ms; load ${loadavg()[0].toFixed(2)}`,
      );
    }
    const m = (which: 'base' | 'this', k: 'p50' | 'p95') => median(figures[which][k]).toFixed(1);
    console.log(
      `medians: base p50/p95 ${m('base', 'p50')}/${m('base', 'p95')} ms, this ${m('this', 'p50')}/${m('this', 'p95')} ms; ` +
        `answers differing in the last round: ${differ} of ${queries.length} (top-10 overlap ${(100 * overlap).toFixed(1)} %); load ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
    );
  } finally {
    await close();
  }
}

await main();
