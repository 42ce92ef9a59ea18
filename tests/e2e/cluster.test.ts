/// <reference types="chrome" />
/**
 * Feed items into incidents in the built extension, in headless Chromium: an extension page hands the
 * worker parsed feed items (the sync's write path, `ingestFeedItems`); the worker reads them with its
 * matcher, clusters them into incidents in the real IndexedDB, and the seed article's sidebar then lists
 * the clustered incident with its articles from several publishers. Handing the same items over again
 * changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { shadowTexts } from '../fixtures/reading/shadow';
import { probeSession } from './probe-session';

const session = probeSession({ serve: true });
const { ingest, tableRows } = session;

/** Recent dates: items older than the retention limit (a year by default) are not kept. */
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();

const ITEMS = [
  {
    sourceId: 'feed:therecord',
    guid: 'therecord-icc-1',
    url: 'https://therecord.media/international-criminal-court-cyberattack',
    title: 'International Criminal Court says hackers breached its systems',
    summary:
      'The International Criminal Court in The Hague said it detected unusual activity in its information systems at the end of last week.',
    published: daysAgo(20),
  },
  {
    sourceId: 'feed:bleepingcomputer',
    guid: 'bc-icc',
    url: 'https://www.bleepingcomputer.com/news/security/international-criminal-court-hit-by-cyberattack/',
    title: 'International Criminal Court hit by cyberattack, systems disrupted',
    summary: 'The ICC disclosed a cyberattack on its networks; the court is working with Dutch authorities to respond.',
    published: daysAgo(19),
  },
  {
    sourceId: 'feed:securityweek',
    guid: 'sw-icc',
    url: 'https://www.securityweek.com/icc-cyberattack-espionage/',
    title: 'International Criminal Court cyberattack was espionage, court says',
    summary: 'The International Criminal Court said the breach of its systems was a targeted attack aimed at espionage.',
    published: daysAgo(17),
  },
  {
    sourceId: 'feed:bleepingcomputer',
    guid: 'bc-boeing',
    url: 'https://www.bleepingcomputer.com/news/security/boeing-lockbit/',
    title: 'Boeing confirms LockBit ransomware attack on parts business',
    summary: 'Boeing said the LockBit ransomware gang breached its parts and distribution business.',
    published: daysAgo(5),
  },
];

describe('feed items into incidents, through the worker', () => {
  it('stores the items and clusters the court’s breach from three publishers into one incident', async () => {
    const report = await ingest(ITEMS);
    expect(report).toMatchObject({ added: 4, updated: 0, unchanged: 0, rejected: 0 });
    const articles = await tableRows('articles');
    expect(articles).toHaveLength(4);
    const clusterOf = new Map(articles.map((a) => [a.url as string, a.clusterId as string]));
    const icc = clusterOf.get(ITEMS[0].url);
    expect(clusterOf.get(ITEMS[1].url)).toBe(icc);
    expect(clusterOf.get(ITEMS[2].url)).toBe(icc);
    expect(clusterOf.get(ITEMS[3].url)).not.toBe(icc);
    const clusters = await tableRows('clusters');
    const iccCluster = clusters.find((c) => c.id === icc)!;
    expect(iccCluster.sites).toEqual(['therecord.media', 'bleepingcomputer.com', 'securityweek.com']);
    expect((iccCluster.victims as { key: string }[])[0].key).toBe('organization:international-criminal-court');
  });

  it('changes nothing when the same items come again', async () => {
    const before = {
      articles: await tableRows('articles'),
      clusters: await tableRows('clusters'),
      incidents: await tableRows('incidents'),
    };
    const report = await ingest(ITEMS);
    expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
    expect({
      articles: await tableRows('articles'),
      clusters: await tableRows('clusters'),
      incidents: await tableRows('incidents'),
    }).toEqual(before);
  });

  it('refuses malformed items with the place of the problem, and stores nothing of them', async () => {
    await expect(ingest([{ ...ITEMS[0], url: 'javascript:alert(1)' }])).rejects.toThrow(/items\.0\.url/);
    expect(await tableRows('articles')).toHaveLength(4);
  });

  it('lists the clustered incident beside the seed article, with articles from several publishers', async () => {
    const page = await session.ext.context.newPage();
    await page.goto(`${session.server.origin}/shared/icc-espionage.html`, { waitUntil: 'load' });
    await expect.poll(() => shadowTexts(page, '.il-reason'), { timeout: 20_000 }).not.toEqual([]);
    const reasons = await shadowTexts(page, '.il-reason');
    expect(reasons[0]).toMatch(/^shares .*International Criminal Court/);
    const sources = await shadowTexts(page, '.il-sources');
    expect(sources[0]).toMatch(/^Reported by 3 publishers: /);
    const links = await shadowTexts(page, '.il-related-item:first-child .il-related-articles a');
    expect(links.sort()).toEqual(
      ITEMS.slice(0, 3)
        .map((i) => i.title)
        .sort(),
    );
    expect((await shadowTexts(page, '.il-related-item strong')).join(' ')).not.toContain('Boeing');
    await page.close();
  });

  it('re-clusters an item rewritten under its URL: it leaves the court’s incident, which keeps the other two', async () => {
    const icc = (await tableRows('articles')).find((a) => a.url === ITEMS[0].url)!.clusterId as string;
    const rewritten = {
      ...ITEMS[0],
      title: 'Toyota confirms data breach after Medusa ransomware attack on its finance arm',
      summary: 'Toyota Financial Services said the Medusa gang stole customer data from its European systems.',
    };
    const report = (await ingest([rewritten])) as unknown as Record<string, number>;
    expect(report).toMatchObject({ added: 0, updated: 1 });
    const articles = await tableRows('articles');
    expect(articles).toHaveLength(4);
    const clusterOf = new Map(articles.map((a) => [a.url as string, a.clusterId as string]));
    const moved = clusterOf.get(ITEMS[0].url);
    expect(moved).not.toBe(icc);
    expect(clusterOf.get(ITEMS[1].url)).toBe(icc);
    const clusters = await tableRows('clusters');
    const court = clusters.find((c) => c.id === icc)!;
    expect((court.articles as { url: string }[]).map((a) => a.url)).toEqual([ITEMS[1].url, ITEMS[2].url]);
    expect(court.firstSeen).toBe(ITEMS[1].published);
    expect(court.sites).toEqual(['bleepingcomputer.com', 'securityweek.com']);
    expect((clusters.find((c) => c.id === moved)!.articles as { url: string }[]).map((a) => a.url)).toEqual([ITEMS[0].url]);
    expect(clusters).toHaveLength(3);
  });

  it('forgets what the worker remembered of the items once the user erased everything in the options page', async () => {
    // The worker's ingest keeps the window's items in memory between ingests; the options page (another
    // context, its own database connection) erases them. ITEMS[1] is then new, and alone in its incident.
    const options = await session.ext.context.newPage();
    await options.goto(`${session.ext.extensionUrl}options.html`);
    await options.getByRole('button', { name: 'Erase everything…' }).click();
    await options.getByLabel('Confirmation').fill('erase');
    await options.getByRole('button', { name: 'Erase everything', exact: true }).click();
    await expect.poll(() => options.getByTestId('data-result').textContent(), { timeout: 10_000 }).toMatch(/^Everything was erased/);
    await options.close();
    expect(await tableRows('articles')).toHaveLength(0);
    const report = (await ingest([ITEMS[1]])) as unknown as Record<string, number>;
    expect(report).toMatchObject({ added: 1, unchanged: 0 });
    const articles = await tableRows('articles');
    expect(articles.map((a) => a.url)).toEqual([ITEMS[1].url]);
    const clusters = await tableRows('clusters');
    expect(clusters.map((c) => (c.articles as { url: string }[]).map((a) => a.url))).toEqual([[ITEMS[1].url]]);
  });
});
