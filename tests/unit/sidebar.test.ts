/**
 * The reading sidebar and the entity card, rendered by Preact in headless Chromium from props, used with
 * the mouse and the keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bundle, launch, pageWith } from '../fixtures/reading/browser';
import { groupEntities, formatWhen, incidentLine, readableSummary } from '../../components/sidebar/model';
import { indicatorLookups, referenceLookups } from '../../components/card/lookups';
import { whyMatched } from '../../components/card/why';
import type { EntityMatch } from '../../lib/shared/types';
import type { EntityFacts, RelatedIncident } from '../../lib/shared/analysis/protocol';

type UI = typeof import('../fixtures/reading/ui-entry');
declare const UI: UI;

const m = (type: EntityMatch['type'], key: string, name: string, text = name, extra: Partial<EntityMatch> = {}): EntityMatch => ({
  type,
  key,
  name,
  text,
  start: 0,
  end: text.length,
  ...extra,
});

const ENTITIES: EntityMatch[] = [
  m('organization', 'organization:icc', 'International Criminal Court'),
  m('organization', 'organization:icc', 'International Criminal Court', 'ICC'),
  m('organization', 'organization:icc', 'International Criminal Court', 'ICC'),
  m('location', 'location:netherlands', 'Netherlands', 'Dutch'),
  m('location', 'location:russia', 'Russia', 'Russian'),
  m('actor', 'actor:apt28', 'APT28', 'Fancy Bear', { why: { alias: 'Fancy Bear', source: 'misp:threat-actor' } }),
  m('vulnerability', 'vulnerability:cve-2023-4966', 'CVE-2023-4966', 'CVE-2023-4966', { why: { pattern: 'CVE id' } }),
  m('indicator', 'indicator:domain:evil.com', 'evil.com', 'evil[.]com', { subtype: 'domain', why: { pattern: 'domain' } }),
];

const FACTS: Record<string, EntityFacts> = {
  'actor:apt28': {
    key: 'actor:apt28',
    type: 'actor',
    name: 'APT28',
    aliases: ['Fancy Bear', 'Sednit', 'STRONTIUM', 'Forest Blizzard'],
    description: 'Russian military intelligence (GRU unit 26165) espionage group.',
    country: 'Russia',
    sources: ['seed', 'misp:threat-actor'],
  },
  'vulnerability:cve-2023-4966': {
    key: 'vulnerability:cve-2023-4966',
    type: 'vulnerability',
    name: 'CVE-2023-4966',
    aliases: [],
    sources: ['kev'],
    kev: { inKev: true, vendor: 'Citrix', product: 'NetScaler ADC and Gateway', dateAdded: '2023-10-18', knownRansomware: true },
  },
};

const RELATED: RelatedIncident[] = [
  {
    id: 'x#0',
    type: 'ransomware',
    summary: 'Ransomware against Boeing',
    victim: 'Boeing',
    when: '2023-11',
    shared: [],
    reason: 'shares APT28 and CVE-2023-4966',
    score: 3,
    articles: [{ url: 'https://therecord.example/boeing', title: 'Boeing confirms attack', site: 'therecord.example' }],
  },
];

describe('sidebar model', () => {
  it('groups entities by type with counts, most mentioned first', () => {
    const g = groupEntities(ENTITIES);
    expect(g.map((x) => x.type)).toEqual(['actor', 'vulnerability', 'organization', 'location', 'indicator']);
    expect(g[2]).toEqual({
      type: 'organization',
      count: 3,
      items: [{ key: 'organization:icc', name: 'International Criminal Court', count: 3 }],
    });
    expect(g[3].items.map((i) => i.name)).toEqual(['Netherlands', 'Russia']);
  });
  it('writes dates and incident lines in words', () => {
    expect(formatWhen('2023-09')).toBe('September 2023');
    expect(formatWhen('2023-10-20')).toBe('20 October 2023');
    expect(formatWhen('2023')).toBe('2023');
    expect(incidentLine({ victim: { key: 'organization:icc', name: 'ICC' }, when: '2023-09' })).toBe('Victim: ICC · When: September 2023');
    expect(readableSummary('Espionage against International Criminal Court, 2023-09')).toBe(
      'Espionage against International Criminal Court, September 2023',
    );
    expect(readableSummary('Ransomware attack against Acme, 2024-03-01')).toBe('Ransomware attack against Acme, 1 March 2024');
    expect(readableSummary('Data breach against Acme')).toBe('Data breach against Acme');
    expect(readableSummary('Patch (CVE-2024-1234)')).toBe('Patch (CVE-2024-1234)'); // no date at its end
    expect(readableSummary('Espionage by APT28, 2016')).toBe('Espionage by APT28, 2016'); // a year says itself
    // A related incident (a cluster's row) has a summary and no `when`: its date is written out all the same.
    expect(readableSummary('Fraud against Transport for London by Scattered Spider, 2022-05')).toBe(
      'Fraud against Transport for London by Scattered Spider, May 2022',
    );
    expect(readableSummary('Breach at Acme, 2024-13')).toBe('Breach at Acme, 2024-13'); // not a month: left as it is
  });
  it('says why a text matched, and offers lookups only as links', () => {
    expect(whyMatched(ENTITIES[5])).toBe('Matched “Fancy Bear”, an alias of APT28 (MISP galaxy “threat-actor”).');
    expect(whyMatched(ENTITIES[7])).toBe('Matched the domain pattern; written defanged, read as evil.com.');
    expect(indicatorLookups('ipv4', '1.2.3.4').map((l) => l.label)).toEqual(['VirusTotal', 'Shodan', 'AbuseIPDB', 'urlscan']);
    expect(indicatorLookups('domain', 'evil.com')[0].url).toBe('https://www.virustotal.com/gui/domain/evil.com');
    expect(referenceLookups('technique', 'T1566.001')[0].url).toBe('https://attack.mitre.org/techniques/T1566/001/');
    expect(referenceLookups('vulnerability', 'CVE-2023-4966')[0].url).toBe('https://nvd.nist.gov/vuln/detail/CVE-2023-4966');
  });
});

describe('sidebar and card in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    const [b, script] = await Promise.all([launch(), bundle('tests/fixtures/reading/ui-entry.tsx', 'UI')]);
    browser = b;
    page = await pageWith(browser, '<!doctype html><body style="margin:0;height:2000px">page</body>', script);
  });
  afterAll(async () => browser?.close());

  const show = (data: object) =>
    page.evaluate((d) => {
      const p = d as Record<string, unknown>;
      if (Array.isArray(p.hiddenTypes)) p.hiddenTypes = new Set(p.hiddenTypes);
      UI.show(p);
    }, data);
  const text = (sel: string) => page.evaluate((s) => UI.text(s), sel);
  const calls = () => page.evaluate(() => UI.calls.splice(0));
  const shadow = (sel: string) => page.locator(`il-test-host ${sel}`);

  it('says it is reading, then lists incidents, entities and related incidents', async () => {
    await show({
      article: {
        url: 'https://news.example/a',
        site: 'news.example',
        title: 'War crimes tribunal says…',
        published: '2023-10-20T14:05:00Z',
      },
    });
    expect(await text('[aria-busy="true"]')).toContain('Reading the article…');
    await show({
      analysis: {
        entities: ENTITIES,
        incidents: [
          {
            type: 'espionage',
            victim: { key: 'organization:icc', name: 'International Criminal Court' },
            when: '2023-09',
            spans: [],
            summary: 'Espionage against International Criminal Court',
          },
        ],
        facts: FACTS,
      },
      related: RELATED,
      saved: null,
    });
    expect(await text('.il-meta')).toContain('news.example · 20 October 2023');
    expect(await text('.il-incident strong')).toEqual(['Espionage']);
    expect((await text('.il-incident .il-meta'))[0]).toBe('Victim: International Criminal Court · When: September 2023');
    expect(await text('.il-group h4')).toEqual(['Threat actor (1)', 'Vulnerability (1)', 'Organisation (3)', 'Place (2)', 'Indicator (1)']);
    expect(await text('.il-reason')).toEqual(['shares APT28 and CVE-2023-4966']);
    expect(await text('[data-testid="saved-state"]')).toEqual(['Not in your collection']);
  });

  it('says an incident known only by its type once, not as its heading and again beside it', async () => {
    // The engine's summary of an incident with no victim, actor or date is its type's label alone.
    await show({
      analysis: { entities: ENTITIES, incidents: [{ type: 'data-breach', spans: [], summary: 'Data breach' }], facts: FACTS },
      related: [
        {
          ...RELATED[0],
          id: 'y#0',
          type: 'supply-chain',
          summary: 'Supply-chain attack',
          when: undefined,
          published: '2026-07-04T08:00:00Z',
          reason: 'shares Chrome',
        },
      ],
      saved: null,
    });
    expect(await text('.il-incident strong')).toEqual(['Data breach']);
    expect(await text('.il-incident-summary')).toEqual([]);
    expect(await text('.il-related-item strong')).toEqual(['Supply-chain attack']);
    expect(await text('.il-related-item > .il-meta')).toEqual(['Last reported 4 July 2026']);
    // With more than its type, the summary and the type are both said.
    await show({
      analysis: {
        entities: ENTITIES,
        incidents: [{ type: 'data-breach', victim: { key: 'organization:acme', name: 'Acme' }, spans: [], summary: 'Data breach at Acme' }],
        facts: FACTS,
      },
      related: RELATED,
      saved: null,
    });
    expect(await text('.il-incident-summary')).toEqual(['Data breach at Acme']);
    expect(await text('.il-related-item > .il-meta')).toEqual(['Ransomware attack · November 2023']);
  });

  it('toggles types, activates and focuses entities from the keyboard', async () => {
    await calls();
    await shadow('.il-group[data-type="actor"] input[type="checkbox"]').click();
    await shadow('button[data-key="organization:icc"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // the next group's "Highlight" toggle
    await page.keyboard.press('Tab');
    const got = await calls();
    expect(got).toContainEqual(['toggle', ['actor', false]]);
    expect(got).toContainEqual(['focus', ['organization:icc', 'rect']]);
    expect(got).toContainEqual(['activate', ['organization:icc']]);
    expect(got).toContainEqual(['focus', ['location:netherlands', 'rect']]);
    // Visible focus: the focused entity button has an outline.
    const outline = await page.evaluate(() => {
      const root = document.querySelector('il-test-host')!.shadowRoot!;
      return getComputedStyle(root.activeElement!).outlineStyle;
    });
    expect(outline).toBe('solid');
  });

  it('shows the card for an actor, a CVE and an indicator', async () => {
    const anchor = { left: 100, top: 100, right: 180, bottom: 120 };
    await show({ card: { match: ENTITIES[5], anchor, focus: true } });
    expect(await text('[data-testid="card-type"]')).toEqual(['Threat actor']);
    expect(await text('[data-testid="card-name"]')).toEqual(['APT28']);
    expect(await text('.il-card-aliases')).toEqual(['Also known as Fancy Bear, Sednit, STRONTIUM, Forest Blizzard']);
    expect(await text('.il-card-fact')).toEqual(['Attributed to: Russia']);
    expect(await text('[data-testid="card-why"]')).toEqual(['Matched “Fancy Bear”, an alias of APT28 (MISP galaxy “threat-actor”).']);
    // Preact runs effects after the frame: the card takes focus shortly after it renders.
    await expect
      .poll(() => page.evaluate(() => document.querySelector('il-test-host')!.shadowRoot!.activeElement?.className))
      .toBe('il-card');
    await calls();
    await page.keyboard.press('Escape');
    expect(await calls()).toContainEqual(['cardClose', []]);

    await show({ card: { match: ENTITIES[6], anchor } });
    expect((await text('[data-testid="card-kev"]'))[0]).toContain('Citrix NetScaler ADC and Gateway');
    expect((await text('[data-testid="card-kev"]'))[0]).toContain('In CISA KEV since 2023-10-18 · ransomware use: known');

    await show({ card: { match: ENTITIES[7], anchor } });
    expect(await text('[data-testid="card-type"]')).toEqual(['Indicator · domain']);
    expect(await text('[data-testid="card-value"]')).toEqual(['evil.com']);
    const links = await page.evaluate(() =>
      [...document.querySelector('il-test-host')!.shadowRoot!.querySelectorAll('.il-card-links a')].map((a) => [
        a.textContent,
        a.getAttribute('href'),
        a.getAttribute('rel'),
      ]),
    );
    expect(links[0]).toEqual(['VirusTotal', 'https://www.virustotal.com/gui/domain/evil.com', 'noopener noreferrer']);
  });

  it('says why tags or a note cannot be kept, and sends nothing', async () => {
    await show({ card: null });
    await calls();
    await shadow('input[name="tags"]').fill(`apt28, ${'x'.repeat(41)}`);
    await shadow('button[type="submit"]').click();
    expect(await text('form.il-save [role="alert"]')).toEqual([
      'A tag can be at most 40 characters long (“xxxxxxxxxxxxxxxxxxxxxxxx…” has 41).',
    ]);
    expect((await calls()).filter(([name]) => name === 'save')).toEqual([]);
    await shadow('input[name="tags"]').fill('');
    // A save the worker refused says so too (the content script passes its answer).
    await show({ saveError: "Not saved: The browser's storage for this extension is full" });
    expect(await text('form.il-save [role="alert"]')).toEqual(["Not saved: The browser's storage for this extension is full"]);
    await show({ saveError: undefined });
  });

  it('saves with tags and a note, then shows the saved state', async () => {
    await show({ card: null });
    await calls();
    await shadow('input[name="tags"]').fill('APT28,  espionage, apt28');
    await shadow('textarea[name="note"]').fill('ICC statement');
    await shadow('button[type="submit"]').click();
    expect(await calls()).toContainEqual(['save', [['apt28', 'espionage'], 'ICC statement']]);
    await show({ saved: { tags: ['apt28', 'espionage'], note: 'ICC statement', savedAt: Date.parse('2023-10-21') } });
    expect((await text('[data-testid="saved-state"]'))[0]).toMatch(/^In your collection since/);
    expect(await text('button[type="submit"]')).toEqual(['Update saved article']);
  });

  it('collapses to its header, and says when highlights are not possible', async () => {
    await show({ collapsed: true });
    expect(await page.locator('il-test-host #il-body').count()).toBe(0);
    expect(await shadow('button[aria-expanded]').getAttribute('aria-expanded')).toBe('false');
    await show({ collapsed: false, highlights: false });
    expect(await text('.il-note')).toHaveLength(1);
    expect(await page.locator('il-test-host .il-toggle').count()).toBe(0);
  });
});
