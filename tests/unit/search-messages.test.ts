import { describe, expect, it } from 'vitest';
import { checkMessage, type SenderInfo } from '../../lib/worker/messaging-guard';

const self = { id: 'abcdefghijklmnop', baseUrl: 'chrome-extension://abcdefghijklmnop/' };
const popup: SenderInfo = { id: self.id, url: 'chrome-extension://abcdefghijklmnop/popup.html' };
const page = 'https://www.bleepingcomputer.com/news/security/lockbit-returns/';
const content: SenderInfo = { id: self.id, url: page, tab: { id: 7, url: page }, frameId: 0 };

const requests = [
  ['search', { query: 'lockbit' }],
  ['searchIncident', { id: `${page}#0` }],
  ['entityIncidents', { key: 'malware:lockbit' }],
  ['searchIndexStatus', undefined],
  ['rebuildSearchIndex', undefined],
] as const;

describe('search messages', () => {
  it('are answered to extension pages', () => {
    for (const [type, data] of requests) expect(checkMessage(type, data, popup, self).ok, type).toBe(true);
  });

  it('are refused to content scripts: search reads the collection', () => {
    for (const [type, data] of requests) {
      expect(checkMessage(type, data, content, self)).toEqual({ ok: false, error: `"${type}" is not available to content scripts` });
    }
  });

  it('refuse malformed requests', () => {
    expect(checkMessage('search', { query: 'x'.repeat(201) }, popup, self).ok).toBe(false);
    expect(checkMessage('search', { query: 'x', limit: 0 }, popup, self).ok).toBe(false);
    expect(checkMessage('search', { query: 'x', extra: 1 }, popup, self).ok).toBe(false);
    expect(checkMessage('entityIncidents', { key: 'not a key' }, popup, self).ok).toBe(false);
    expect(checkMessage('searchIncident', { id: '' }, popup, self).ok).toBe(false);
  });
});
