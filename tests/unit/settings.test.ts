import { describe, it, expect, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  HIGHLIGHT_TYPES_FALLBACK,
  defineSettings,
  isSidebarCollapsed,
  isSiteDisabled,
  isTypeShown,
  setSidebarCollapsed,
  setSiteDisabled,
  settings,
  watchDisabledSites,
} from '../../lib/shared/settings';
import { ENTITY_TYPES } from '../../lib/shared/types';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('gives a fresh install its fallbacks', async () => {
    const s = defineSettings();
    expect(await s.highlightTypes.getValue()).toEqual(HIGHLIGHT_TYPES_FALLBACK);
    expect(ENTITY_TYPES.every((t) => isTypeShown(HIGHLIGHT_TYPES_FALLBACK, t))).toBe(true);
    expect(await s.disabledSites.getValue()).toEqual([]);
    expect(await s.sidebarCollapsed.getValue()).toEqual({});
  });

  it('migrates highlight types from v1 (list of shown types) to v2 (flag per type)', async () => {
    await fakeBrowser.storage.local.set({ highlightTypes: ['actor', 'vulnerability', 'indicator'] });
    const s = defineSettings();
    const flags = await s.highlightTypes.getValue();
    expect(flags.actor).toBe(true);
    expect(flags.vulnerability).toBe(true);
    expect(flags.location).toBe(false);
    expect(ENTITY_TYPES.filter((t) => isTypeShown(flags, t))).toEqual(['actor', 'vulnerability', 'indicator']);
    // The stored value and its version moved forward, so the migration runs once.
    const stored = await fakeBrowser.storage.local.get(['highlightTypes', 'highlightTypes$']);
    expect(stored.highlightTypes).toEqual(flags);
    expect(stored['highlightTypes$']).toEqual({ v: 2 });
  });

  it('leaves a v2 value alone and shows types it does not know yet', async () => {
    await fakeBrowser.storage.local.set({ highlightTypes: { location: false }, highlightTypes$: { v: 2 } });
    const flags = await defineSettings().highlightTypes.getValue();
    expect(flags).toEqual({ location: false });
    expect(isTypeShown(flags, 'location')).toBe(false);
    expect(isTypeShown(flags, 'actor')).toBe(true);
  });

  it('turns sites off and on, subdomains included', async () => {
    await setSiteDisabled('example.com', true);
    await setSiteDisabled('therecord.media', true);
    expect(await settings().disabledSites.getValue()).toEqual(['example.com', 'therecord.media']);
    expect(await isSiteDisabled('news.example.com')).toBe(true);
    expect(await isSiteDisabled('badexample.com')).toBe(false);
    await setSiteDisabled('example.com', false);
    expect(await isSiteDisabled('example.com')).toBe(false);
    expect(await settings().disabledSites.getValue()).toEqual(['therecord.media']);
  });

  it('remembers the sidebar per site, storing only collapsed ones', async () => {
    await setSidebarCollapsed('bleepingcomputer.com', true);
    await setSidebarCollapsed('therecord.media', true);
    await setSidebarCollapsed('therecord.media', false);
    expect(await isSidebarCollapsed('bleepingcomputer.com')).toBe(true);
    expect(await isSidebarCollapsed('therecord.media')).toBe(false);
    expect(await settings().sidebarCollapsed.getValue()).toEqual({ 'bleepingcomputer.com': true });
  });
});

describe('where the content script runs (lib/shared/sites.ts)', () => {
  it('declares valid match patterns for each news site, its subdomains and the loopback demo', async () => {
    const { MatchPattern } = await import('wxt/utils/match-patterns');
    const { CONTENT_MATCHES, NEWS_SITES } = await import('../../lib/shared/sites');
    const patterns = CONTENT_MATCHES.map((p) => new MatchPattern(p));
    const covered = (url: string) => patterns.some((p) => p.includes(url));
    for (const site of NEWS_SITES) {
      expect(covered(`https://${site}/news/story`), site).toBe(true);
      expect(covered(`https://www.${site}/news/story`), site).toBe(true);
    }
    expect(covered('http://127.0.0.1:8080/')).toBe(true);
    expect(covered('http://localhost:3000/a')).toBe(true);
    expect(covered('https://example.com/')).toBe(false);
    expect(covered('https://bleepingcomputer.com.evil.example/')).toBe(false);
    expect(covered('http://www.bleepingcomputer.com/')).toBe(false); // https only
  });

  it('keys pages without fragment and sites without www', async () => {
    const { pageUrl, siteOf, siteListed, isWebUrl } = await import('../../lib/shared/sites');
    expect(pageUrl('https://www.example.com/a?b=1#c')).toBe('https://www.example.com/a?b=1');
    expect(siteOf('https://WWW.Example.com/a')).toBe('example.com');
    expect(siteOf('https://news.example.com/a')).toBe('news.example.com');
    expect(siteListed('a.b.example.com', ['example.com'])).toBe(true);
    expect(siteListed('notexample.com', ['example.com'])).toBe(false);
    expect(isWebUrl('https://x.test/')).toBe(true);
    expect(isWebUrl('chrome://settings')).toBe(false);
    expect(isWebUrl('not a url')).toBe(false);
  });

  it('keeps the site switch in memory, current with every change made anywhere', async () => {
    await setSiteDisabled('example.com', true);
    const watched = watchDisabledSites();
    expect(await watched.isDisabled('news.example.com')).toBe(true);
    // Changed by another context (the popup): the storage event reaches the watcher.
    await setSiteDisabled('therecord.media', true);
    await setSiteDisabled('example.com', false);
    expect(await watched.isDisabled('news.example.com')).toBe(false);
    expect(await watched.isDisabled('therecord.media')).toBe(true);
    // Cleared storage (an extension reset) turns every site back on.
    await fakeBrowser.storage.local.clear();
    expect(await watched.isDisabled('therecord.media')).toBe(false);
    watched.stop();
    await setSiteDisabled('therecord.media', true);
    expect(await watched.isDisabled('therecord.media')).toBe(false); // stopped: no longer follows
  });
});
