import { describe, expect, it } from 'vitest';
import { siteFromInput } from '../../entrypoints/options/SitesSection';
import { formatBytes } from '../../entrypoints/options/StorageSection';
import { choicesWith, hoursOrMinutes, retentionLabel, syncNowMessage } from '../../entrypoints/options/Sources';

describe('options helpers', () => {
  it('reads a site as typed: a host, a URL, with or without www, in any case', () => {
    expect(siteFromInput('example.com')).toBe('example.com');
    expect(siteFromInput('  https://www.Example.org/some/page?x=1 ')).toBe('example.org');
    expect(siteFromInput('news.example.co.uk')).toBe('news.example.co.uk');
    for (const bad of ['', '   ', 'localhost', 'not a site', 'javascript:alert(1)', 'http://']) expect(siteFromInput(bad), bad).toBeNull();
  });

  it("says 'Sync started.' only when a run has a source it may read", () => {
    const a = { enabled: true, origin: 'https://a.example/*' };
    const a2 = { enabled: true, origin: 'https://a.example/*' };
    const b = { enabled: true, origin: 'https://b.example/*' };
    const off = { enabled: false, origin: 'https://c.example/*' };
    // A fresh profile: nothing granted, nothing will be fetched.
    expect(syncNowMessage([a, a2, b, off], new Set())).toBe(
      "Nothing read: Incident Lens may not read any source's site yet. “Allow reading 2 sites” gives it that permission.",
    );
    expect(syncNowMessage([a, a2, b, off], new Set(['https://a.example/*']))).toBe(
      'Sync started (1 source of 3 waiting for your permission).',
    );
    expect(syncNowMessage([a, b], new Set(['https://a.example/*', 'https://b.example/*']))).toBe('Sync started.');
    expect(syncNowMessage([off], new Set(['https://c.example/*']))).toBe('Nothing to read: every source is off.');
  });

  it('writes sizes in the unit a person reads', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(98_383_902)).toBe('94 MB');
    expect(formatBytes(10 * 1024 ** 3)).toBe('10 GB');
  });

  it('offers a stored interval the list does not have, so the choice never shows blank', () => {
    expect(choicesWith([15, 30, 60], 30)).toEqual([15, 30, 60]);
    expect(choicesWith([15, 30, 60], 45)).toEqual([15, 30, 45, 60]);
    expect(choicesWith([360, 1440], 100)).toEqual([100, 360, 1440]);
    expect([100, 360, 1440, 10080].map(hoursOrMinutes)).toEqual(['100 min', '6 h', '24 h', '168 h']);
    // One of a unit is not plural ('1 months' was shown).
    expect([1, 10, 30, 91, 182, 365, 730, 3650].map(retentionLabel)).toEqual([
      '1 day',
      '10 days',
      '1 month',
      '3 months',
      '6 months',
      '1 year',
      '2 years',
      '10 years',
    ]);
  });
});
