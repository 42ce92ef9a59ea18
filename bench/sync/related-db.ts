/**
 * The related-incidents bench's database, written in the page (passed to `page.evaluate`, so it uses nothing
 * but its arguments and the bundle's global `global`): `nArticles` articles in `nClusters` clustered
 * incidents, keys drawn from the real items' keys (`keyLists`) by their frequency, one victim of its own per
 * incident, ids sortable by time up to `at`. Used by bench/groups/sync.ts and bench/related-ab.ts.
 */
type SB = typeof import('./entry');

export async function fillRelatedDb([nArticles, nClusters, keyLists, at, name, global]: readonly [
  number,
  number,
  readonly string[][],
  number,
  string,
  string,
]): Promise<{ fillMs: number; articles: number; clusters: number }> {
  const sb = (window as unknown as Record<string, SB>)[global];
  const db = new sb.IncidentLensDb({ name });
  await db.open();
  const pool = keyLists.flat();
  let seed = 7;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = () => pool[Math.floor(rnd() * pool.length)];
  const t0 = performance.now();
  const span = 365 * 86_400_000;
  for (let c0 = 0; c0 < nClusters; c0 += 5000) {
    const clusters: unknown[] = [];
    const articles: unknown[] = [];
    for (let c = c0; c < Math.min(nClusters, c0 + 5000); c++) {
      const t = at - span + (c / nClusters) * span;
      const victim = { key: `organization:victim-${c}`, name: `Victim ${c}` };
      const keys = [...new Set([victim.key, ...Array.from({ length: 4 + Math.floor(rnd() * 8) }, pick)])];
      const id = sb.clusterId(t, `https://n.example/${c}`);
      const per = Math.round(nArticles / nClusters);
      const arts = Array.from({ length: per }, (_, k) => ({
        url: `https://site${k}.example/news/${c}`,
        title: `Story ${c} as site ${k} tells it`,
        site: `site${k}.example`,
        published: new Date(t + k * 3_600_000).toISOString(),
      }));
      clusters.push({
        id,
        type: 'data-breach' as const,
        title: arts[0].title,
        summary: `Data breach at Victim ${c}`,
        victims: [victim],
        actors: [],
        cves: [],
        firstSeen: arts[0].published,
        lastSeen: arts[per - 1].published,
        articles: arts,
        articleCount: arts.length,
        sites: arts.map((a) => a.site),
        entityKeys: keys,
        anchors: keys,
        names: { [victim.key]: victim.name },
      });
      for (const a of arts)
        articles.push({
          ...a,
          sourceId: `feed:${a.site}`,
          fetchedAt: at,
          entityKeys: keys,
          incidentIds: [],
          clusterId: id,
          titleKey: a.title.toLowerCase(),
          contentHash: '0',
        });
    }
    await db.transaction('rw', db.clusters, db.articles, async () => {
      await db.clusters.bulkPut(clusters as never);
      await db.articles.bulkPut(articles as never);
    });
  }
  const fillMs = performance.now() - t0;
  const counts = { articles: await db.articles.count(), clusters: await db.clusters.count() };
  db.close();
  return { fillMs, ...counts };
}
