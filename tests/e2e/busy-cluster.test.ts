/// <reference types="chrome" />
/**
 * A busy incident in the built extension, in headless Chromium (schema v8): twelve publishers report the
 * court's breach; the worker stores one cluster row that lists the newest eight articles and counts all
 * twelve, keeps counting every member as more reports come (its memory knows them all), and the seed
 * article's sidebar still says all twelve publishers reported it, with links to the newest reports.
 */
import { describe, expect, it } from 'vitest';
import { shadowTexts } from '../fixtures/reading/shadow';
import { probeSession } from './probe-session';

const session = probeSession({ serve: true });
const { ingest, tableRows } = session;

/** The n-th report of the court's breach, by a publisher of its own, an hour after the one before. */
function report(n: number) {
  return {
    sourceId: `feed:news${n}`,
    guid: `news${n}-icc`,
    url: `https://news${n}.example/international-criminal-court-breach`,
    title: `International Criminal Court says hackers breached its systems (update ${n})`,
    summary:
      'The International Criminal Court in The Hague said it detected unusual activity in its information systems at the end of last week.',
    published: new Date(Date.now() - 20 * 86_400_000 + n * 3_600_000).toISOString(),
  };
}
const REPORTS = Array.from({ length: 12 }, (_, i) => report(i));

describe('a busy incident (schema v8 cluster rows), through the worker', () => {
  it('stores one cluster row listing the newest eight of twelve reports and counting them all', async () => {
    expect(await ingest(REPORTS)).toMatchObject({ added: 12, rejected: 0 });
    const articles = await tableRows('articles');
    const ids = new Set(articles.map((a) => a.clusterId));
    expect(ids.size).toBe(1);
    const [row] = await tableRows('clusters');
    expect(row.articleCount).toBe(12);
    expect((row.articles as { url: string }[]).map((a) => a.url)).toEqual(REPORTS.slice(-8).map((r) => r.url));
    expect(row.sites).toHaveLength(12);
    // A thirteenth report in a later sync: the worker counts every member, not the eight the row lists.
    expect(await ingest([report(12)])).toMatchObject({ added: 1 });
    const [after] = await tableRows('clusters');
    expect(after.articleCount).toBe(13);
    expect((after.articles as { url: string }[]).map((a) => a.url)).toEqual([...REPORTS, report(12)].slice(-8).map((r) => r.url));
  });

  it('shows every publisher in the seed article’s sidebar, with the newest reports linked', async () => {
    const page = await session.ext.context.newPage();
    await page.goto(`${session.server.origin}/shared/icc-espionage.html`, { waitUntil: 'load' });
    await expect.poll(() => shadowTexts(page, '.il-reason'), { timeout: 20_000 }).not.toEqual([]);
    const sources = await shadowTexts(page, '.il-sources');
    expect(sources[0]).toMatch(/^Reported by 13 publishers: /);
    const links = await shadowTexts(page, '.il-related-item:first-child .il-related-articles a');
    expect(links).toEqual([12, 11, 10, 9].map((n) => report(n).title));
    await page.close();
  });
});
