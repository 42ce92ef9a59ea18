/** The reading view's messages through the background's guard: who may send them and what they may hold. */
import { describe, expect, it } from 'vitest';
import { checkMessage, type SelfInfo } from '../../lib/worker/messaging-guard';
import { MAX_ARTICLE_TEXT } from '../../lib/shared/analysis/protocol';

const self: SelfInfo = { id: 'ext', baseUrl: 'chrome-extension://ext/' };
const content = { id: 'ext', url: 'https://news.example/a#top', frameId: 0, tab: { id: 4 } };
const page = { id: 'ext', url: 'chrome-extension://ext/collection.html' };

describe('reading messages', () => {
  it('lets a content script analyse its own page only, within the size limit', () => {
    expect(checkMessage('analyzeArticle', { url: 'https://news.example/a', text: 'APT28' }, content, self).ok).toBe(true);
    const other = checkMessage('analyzeArticle', { url: 'https://bank.example/', text: 'x' }, content, self);
    expect(other).toMatchObject({ ok: false, error: expect.stringContaining('own page') });
    const huge = checkMessage('analyzeArticle', { url: 'https://news.example/a', text: 'a'.repeat(MAX_ARTICLE_TEXT + 1) }, content, self);
    expect(huge.ok).toBe(false);
    expect(checkMessage('analyzeArticle', { url: 'https://news.example/a', text: 'x', extra: 1 }, content, self).ok).toBe(false);
    // The page's headline, a string of bounded size: a long one is cut to 500 (the page is still read), a huge one refused.
    expect(checkMessage('analyzeFirstStage', { url: 'https://news.example/a', text: 'x', title: 'Acme hit' }, content, self).ok).toBe(true);
    expect(checkMessage('analyzeFirstStage', { url: 'https://news.example/a', text: 'x', title: 3 }, content, self).ok).toBe(false);
    const long = checkMessage('analyzeFirstStage', { url: 'https://news.example/a', text: 'x', title: 'a'.repeat(501) }, content, self);
    expect(long.ok && long.data.title).toBe('a'.repeat(500));
    const hugeTitle = { url: 'https://news.example/a', text: 'x', title: 'a'.repeat(MAX_ARTICLE_TEXT + 1) };
    expect(checkMessage('analyzeFirstStage', hugeTitle, content, self).ok).toBe(false);
  });

  it('gives a content script the two stages of its own page only, each in one shape', () => {
    expect(checkMessage('analyzeFirstStage', { url: 'https://news.example/a', text: 'APT28', forced: true }, content, self).ok).toBe(true);
    expect(checkMessage('analyzeFirstStage', { url: 'https://bank.example/', text: 'x' }, content, self)).toMatchObject({
      ok: false,
      error: expect.stringContaining('own page'),
    });
    expect(checkMessage('analyzeSecondStage', { url: 'https://news.example/a', id: 'f3b0c1d2' }, content, self).ok).toBe(true);
    const other = checkMessage('analyzeSecondStage', { url: 'https://bank.example/', id: 'f3b0c1d2' }, content, self);
    expect(other).toMatchObject({ ok: false, error: expect.stringContaining('own page') });
    expect(checkMessage('analyzeSecondStage', { url: 'https://news.example/a', id: 'x'.repeat(65) }, content, self).ok).toBe(false);
    // No optimisation flags on the wire any more: a request that carries one is refused.
    for (const flag of ['packed', 'staged', 'facts']) {
      expect(checkMessage('analyzeFirstStage', { url: 'https://news.example/a', text: 'x', [flag]: true }, content, self).ok, flag).toBe(
        false,
      );
      expect(checkMessage('analyzeArticle', { url: 'https://news.example/a', text: 'x', [flag]: true }, content, self).ok, flag).toBe(
        false,
      );
    }
  });

  it('validates entity keys for related incidents', () => {
    expect(checkMessage('relatedIncidents', { entityKeys: ['actor:apt28'], publishedAt: '2023-10-20' }, content, self).ok).toBe(true);
    expect(checkMessage('relatedIncidents', { entityKeys: ['<img src=x>'] }, content, self).ok).toBe(false);
    expect(checkMessage('relatedIncidents', { entityKeys: Array(2001).fill('actor:x') }, content, self).ok).toBe(false);
  });

  it('asks card facts with typed entities', () => {
    const ok = checkMessage(
      'entityFacts',
      { entities: [{ key: 'indicator:ipv4:1.2.3.4', type: 'indicator', name: '1.2.3.4', subtype: 'ipv4' }] },
      content,
      self,
    );
    expect(ok.ok).toBe(true);
    expect(checkMessage('entityFacts', { entities: [{ key: 'actor:x', type: 'villain', name: 'X' }] }, content, self).ok).toBe(false);
  });

  it('takes analysed articles only from extension pages', () => {
    const req = {
      articles: [
        {
          url: 'https://news.example/b',
          sourceId: 'feed:x',
          title: 'B',
          entities: [{ key: 'actor:apt28', name: 'APT28', type: 'actor', start: 0, end: 5 }],
          incidents: [{ type: 'espionage', spans: [{ start: 0, end: 5 }], summary: 's' }],
        },
      ],
    };
    expect(checkMessage('ingestArticles', req, page, self).ok).toBe(true);
    expect(checkMessage('ingestArticles', req, content, self).ok).toBe(false);
    const bad = structuredClone(req);
    (bad.articles[0].incidents[0] as { type: string }).type = 'made-up';
    expect(checkMessage('ingestArticles', bad, page, self).ok).toBe(false);
  });
});
