import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeText, ledeEnd } from '../../lib/worker/engine';
import { extractEntities } from '../../lib/worker/extract/entities';
import { compileMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { prepareFeedItem, summaryOpensContent } from '../../lib/worker/sync/ingest-items';
import { item } from '../support/feed-items';
import type { CatalogueEntry } from '../../lib/shared/types';

let matcher: CompiledMatcher;
beforeAll(() => {
  matcher = compileMatcher(seedCatalogue());
});

const LEDE =
  'Boeing confirmed a ransomware attack by the LockBit gang on Tuesday. The company said its parts business was hit and that flights were not affected.';
const FILLER = ' The investigation continues and the company has notified its customers.'.repeat(40);
const DEEP =
  ' Separately, attackers exploited CVE-2023-4966 in Citrix NetScaler. Hackers breached Northwind Traders Ltd and stole the data of 40,000 customers, Northwind Traders Ltd said. The Emotet malware was used in phishing emails.';
const CONTENT = LEDE + FILLER + DEEP;

const keys = (a: { entities: { key: string }[] }) => new Set(a.entities.map((e) => e.key));

describe('ledeEnd', () => {
  it('cuts after the last sentence end within the depth', () => {
    const end = ledeEnd(CONTENT, 300);
    expect(end).toBeLessThanOrEqual(300);
    expect(CONTENT.slice(0, end)).toMatch(/\.$/);
    expect(CONTENT.slice(end, end + 1)).toBe(' ');
  });

  it('reads a short text whole, and cuts a text without sentence ends at the depth', () => {
    expect(ledeEnd(LEDE, 5_000)).toBe(LEDE.length);
    expect(ledeEnd('x'.repeat(3_000), 1_000)).toBe(1_000);
  });
});

describe('analyzeText with a depth (the sync’s reading of a feed item)', () => {
  it('still finds CVE ids and catalogue names deep in the text, but people and organisations by shape only in the lede', () => {
    const full = keys(analyzeText(CONTENT, matcher));
    const lede = keys(analyzeText(CONTENT, matcher, { depth: 800 }));
    for (const k of ['vulnerability:cve-2023-4966', 'vendor:citrix', 'malware:emotet', 'actor:lockbit', 'organization:boeing'])
      expect(lede).toContain(k);
    // The organisation found by shape deep in the text: the whole reading has it, the lede's does not.
    expect(full).toContain('organization:northwind-traders-ltd');
    expect(lede).not.toContain('organization:northwind-traders-ltd');
  });

  it('takes its incidents from the lede only', () => {
    const end = ledeEnd(CONTENT, 800);
    const full = analyzeText(CONTENT, matcher);
    const lede = analyzeText(CONTENT, matcher, { depth: 800 });
    expect(full.incidents.some((i) => i.spans.some((s) => s.end > end))).toBe(true);
    expect(lede.incidents.length).toBeGreaterThan(0);
    expect(lede.incidents.find((i) => i.type === 'ransomware')?.victim?.name).toBe('Boeing');
    for (const i of lede.incidents) for (const s of i.spans) expect(s.end).toBeLessThanOrEqual(end);
  });

  it('drops a catalogue name the text uses for a person deep in the content, as the whole reading does', () => {
    const kevin: CatalogueEntry = { key: 'malware:kevin', type: 'malware', name: 'Kevin', aliases: [], sources: ['test'] };
    const withKevin = compileMatcher([...seedCatalogue(), kevin]);
    const text = `${LEDE}${FILLER} Researcher Kevin Beaumont, who tracks the gang, said the leak was real. Kevin added that more victims would follow.`;
    expect(keys(analyzeText(text, withKevin))).not.toContain('malware:kevin');
    expect(keys(analyzeText(text, withKevin, { depth: 800 }))).not.toContain('malware:kevin');
    // The same name as malware deep in the content stays a key.
    const asMalware = `${LEDE}${FILLER} The Kevin backdoor was dropped on the servers.`;
    expect(keys(analyzeText(asMalware, withKevin, { depth: 800 }))).toContain('malware:kevin');
  });

  it('reads a text within the depth exactly as without one; without a depth (pages) it reads all of it', () => {
    expect(analyzeText(LEDE, matcher, { depth: 800 })).toEqual(analyzeText(LEDE, matcher));
    expect(analyzeText(CONTENT, matcher).entities).toEqual(extractEntities(CONTENT, matcher));
  });
});

describe('prepareFeedItem', () => {
  const long = item('news.example', 'boeing', '2023-11-02T10:00:00Z', 'Boeing confirms LockBit ransomware attack', LEDE, {
    content: CONTENT + ' More.'.repeat(400),
  });

  it('reads a long item’s content in context to its lede only, and its CVEs and names to the end', () => {
    const article = prepareFeedItem(long, matcher).article;
    const found = keys(article);
    expect(found).toContain('vulnerability:cve-2023-4966');
    expect(found).toContain('malware:emotet');
    expect(article.incidents.find((i) => i.type === 'ransomware')?.victim?.name).toBe('Boeing');
    // Read whole (lede: Infinity) the deep organisation comes in: the default depth is what keeps it out.
    expect(keys(prepareFeedItem(long, matcher, Infinity).article)).toContain('organization:northwind-traders-ltd');
    expect(found).not.toContain('organization:northwind-traders-ltd');
  });
});

describe('a summary that is the content’s own opening', () => {
  it('is recognised through whitespace and an excerpt’s ellipsis, and a different summary is not', () => {
    expect(summaryOpensContent('Boeing confirmed a ransomware\n attack by the LockBit gang […]', LEDE)).toBe(true);
    expect(summaryOpensContent('Boeing confirmed a ransomware attack by the LockBit gang...', LEDE)).toBe(true);
    expect(summaryOpensContent('Boeing confirmed a ransomware attack by the LockBit gang on Tuesday.', LEDE)).toBe(true);
    expect(summaryOpensContent('LockBit hit Boeing’s parts business, the company said.', LEDE)).toBe(false);
    expect(summaryOpensContent('   ', LEDE)).toBe(false);
  });

  it('is read once, in the content: its names are not counted twice, and the item keeps its summary', () => {
    const excerpt = `${LEDE.slice(0, 60).replace(/\s+\S*$/, '')} […]`;
    const withExcerpt = item('news.example', 'boeing-excerpt', '2023-11-02T10:00:00Z', 'Boeing confirms an attack', excerpt, {
      content: LEDE,
    });
    const withOther = item('news.example', 'boeing-other', '2023-11-02T10:00:00Z', 'Boeing confirms an attack', 'Boeing was hit.', {
      content: LEDE,
    });
    const boeings = (a: { entities: { key: string }[] }) => a.entities.filter((e) => e.key === 'organization:boeing').length;
    const once = prepareFeedItem(withExcerpt, matcher).article;
    expect(boeings(once)).toBe(boeings(analyzeText(`Boeing confirms an attack\n\n${LEDE}`, matcher)));
    expect(once.summary).toBe(excerpt);
    // A summary of its own is read beside the content, as before.
    expect(boeings(prepareFeedItem(withOther, matcher).article)).toBe(boeings(once) + 1);
  });
});
