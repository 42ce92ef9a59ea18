import { describe, it, expect } from 'vitest';
import { checkMessage, identifySender, isBackgroundMessage, type SenderInfo } from '../../lib/worker/messaging-guard';

const self = { id: 'abcdefghijklmnop', baseUrl: 'chrome-extension://abcdefghijklmnop/' };
const popup: SenderInfo = { id: self.id, url: 'chrome-extension://abcdefghijklmnop/popup.html' };
// The collection page open in a tab still counts as an extension page: its URL says so.
const collectionTab: SenderInfo = {
  id: self.id,
  url: 'chrome-extension://abcdefghijklmnop/collection.html',
  tab: { id: 3 },
  frameId: 0,
};
const page = 'https://www.bleepingcomputer.com/news/security/lockbit-returns/';
const content: SenderInfo = { id: self.id, url: `${page}#comments`, tab: { id: 7, url: page }, frameId: 0 };

describe('identifySender', () => {
  it('recognises extension pages by their URL and content scripts by tab and page', () => {
    expect(identifySender(popup, self)).toEqual({ kind: 'extension', url: popup.url });
    expect(identifySender(collectionTab, self)?.kind).toBe('extension');
    expect(identifySender(content, self)).toEqual({ kind: 'content', tabId: 7, frameId: 0, page });
  });

  it('refuses other extensions, subframes, look-alike URLs and non-web pages', () => {
    expect(identifySender({ ...popup, id: 'other' }, self)).toBeNull();
    expect(identifySender({ ...content, frameId: 2 }, self)).toBeNull();
    expect(identifySender({ id: self.id, url: page }, self)).toBeNull(); // no tab
    expect(identifySender({ ...content, url: 'chrome-extension://abcdefghijklmnopX/popup.html' }, self)).toBeNull();
    expect(identifySender({ ...content, url: 'file:///etc/passwd' }, self)).toBeNull();
    expect(identifySender({ id: self.id }, self)).toBeNull();
  });

  it('works with Firefox moz-extension URLs', () => {
    const ff = { id: 'incident-lens@incident-lens.dev', baseUrl: 'moz-extension://0b6c1f2e-1d1a-4c3b-9d4e-5f6a7b8c9d0e/' };
    expect(identifySender({ id: ff.id, url: `${ff.baseUrl}options.html` }, ff)?.kind).toBe('extension');
  });
});

describe('checkMessage', () => {
  it('lets extension pages ask everything, with valid requests', () => {
    expect(checkMessage('getStatus', undefined, popup, self)).toMatchObject({ ok: true, data: undefined });
    expect(checkMessage('listCollection', { tag: ' APT28 ', limit: 5 }, popup, self)).toMatchObject({
      ok: true,
      data: { tag: 'apt28', limit: 5 },
    });
    expect(checkMessage('removeArticle', { url: `${page}#x` }, collectionTab, self)).toMatchObject({
      ok: true,
      data: { url: page },
    });
    expect(checkMessage('runOnTab', { tabId: 4 }, popup, self).ok).toBe(true);
  });

  it('answers content scripts only about their own page', () => {
    const save = checkMessage('saveArticle', { url: page, title: ' LockBit returns ', tags: ['Ransomware'] }, content, self);
    expect(save).toMatchObject({
      ok: true,
      caller: { kind: 'content', tabId: 7 },
      data: { title: 'LockBit returns', tags: ['ransomware'] },
    });
    expect(checkMessage('isSaved', { url: `${page}#top` }, content, self).ok).toBe(true);

    const other = checkMessage('isSaved', { url: 'https://therecord.media/elsewhere' }, content, self);
    expect(other).toEqual({ ok: false, error: '"isSaved": a content script may only ask about its own page' });
    expect(checkMessage('saveArticle', { url: 'https://evil.example/', title: 'x' }, content, self).ok).toBe(false);
  });

  it('keeps privileged messages from content scripts', () => {
    for (const [type, data] of [
      ['getStatus', undefined],
      ['listCollection', undefined],
      ['removeArticle', { url: page }],
      ['runOnTab', { tabId: 7 }],
      ['ingestFeedItems', { items: [] }],
    ] as const) {
      const r = checkMessage(type, data, content, self);
      expect(r).toEqual({ ok: false, error: `"${type}" is not available to content scripts` });
    }
  });

  it('rejects malformed requests with the place of the problem', () => {
    const cases: [Parameters<typeof checkMessage>[0], unknown, string][] = [
      ['saveArticle', { url: 'javascript:alert(1)', title: 'x' }, 'at url'],
      ['saveArticle', { url: page, title: '' }, 'at title'],
      ['saveArticle', { url: page, title: 'x', tags: 'a,b' }, 'at tags'],
      ['saveArticle', { url: page, title: 'x', tags: ['a'.repeat(41)] }, 'at tags.0'],
      ['saveArticle', { url: page, title: 'x', published: 'yesterday' }, 'at published'],
      ['saveArticle', { url: page, title: 'x', admin: true }, 'at admin'],
      ['saveArticle', { url: `https://x.test/${'a'.repeat(3000)}`, title: 'x' }, 'at url'],
      ['isSaved', null, 'invalid request'],
      ['getStatus', { sneaky: 1 }, 'invalid request'],
      ['runOnTab', { tabId: -1 }, 'at tabId'],
      ['listCollection', { limit: 1e9 }, 'at limit'],
      ['ingestFeedItems', { items: [{ sourceId: 'feed:x', url: 'javascript:alert(1)', title: 'x' }] }, 'at items.0.url'],
      ['ingestFeedItems', { items: [{ sourceId: 'feed:x', url: page, title: 'x', summary: 'x'.repeat(30_000) }] }, 'at items.0.summary'],
    ];
    for (const [type, data, where] of cases) {
      const r = checkMessage(type, data, popup, self);
      expect(r.ok, `${type} ${JSON.stringify(data)?.slice(0, 60)}`).toBe(false);
      if (!r.ok) expect(r.error).toContain(where);
    }
  });

  it('refuses unknown message names, including inherited ones', () => {
    expect(isBackgroundMessage('getStatus')).toBe(true);
    expect(isBackgroundMessage('getPageArticle')).toBe(false);
    expect(isBackgroundMessage('toString')).toBe(false);
    expect(checkMessage('constructor' as 'getStatus', undefined, popup, self)).toEqual({
      ok: false,
      error: 'unknown message "constructor"',
    });
  });
});
