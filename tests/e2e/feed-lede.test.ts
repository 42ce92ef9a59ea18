/// <reference types="chrome" />
/**
 * How deep the sync reads a feed item, in the built extension (headless Chromium): an item whose content
 * is long is read in context to its lede (its incident and its organisations come from there), while the
 * CVE ids and catalogue names deep in its content are still among the stored item's entity keys.
 */
import { describe, expect, it } from 'vitest';
import { probeSession } from './probe-session';

const session = probeSession();

const LEDE =
  'Boeing confirmed a ransomware attack by the LockBit gang on Tuesday. The company said its parts business was hit and that flights were not affected.';
const FILLER = ' The investigation continues and the company has notified its customers.'.repeat(45);
const DEEP =
  ' Separately, attackers exploited CVE-2023-4966 in Citrix NetScaler. Hackers breached Northwind Traders Ltd and stole the data of 40,000 customers, Northwind Traders Ltd said. The Emotet malware was used in phishing emails.';

describe('the sync reads a long feed item’s content in context to its lede', () => {
  it('stores the deep CVE and catalogue names as keys, the incident of the lede, and not the deep organisation found by shape', async () => {
    const item = {
      sourceId: 'feed:news',
      guid: 'news-boeing',
      url: 'https://news.example/boeing-lockbit',
      title: 'Boeing confirms LockBit ransomware attack on parts business',
      summary: LEDE,
      content: LEDE + FILLER + DEEP,
      published: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    };
    const report = await session.ingest([item]);
    expect(report).toMatchObject({ added: 1, rejected: 0 });
    const [article] = await session.tableRows('articles');
    const keys = article.entityKeys as string[];
    for (const k of ['vulnerability:cve-2023-4966', 'vendor:citrix', 'malware:emotet', 'malware:lockbit', 'organization:boeing'])
      expect(keys).toContain(k);
    expect(keys).not.toContain('organization:northwind-traders-ltd');
    const [cluster] = await session.tableRows('clusters');
    expect(cluster).toMatchObject({ type: 'ransomware', victims: [{ key: 'organization:boeing' }] });
  });
});
