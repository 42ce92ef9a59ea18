/**
 * The background's analysis service on the real engine and the real seed page: the matcher is built once,
 * stored in the database, loaded (not rebuilt) by the next worker, and the answer carries card facts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { parseHTML } from 'linkedom';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { ANALYSIS_MARK, AnalysisService, FIRST_STAGE_MARK, MATCHER_BLOB, type AnalysisTimings } from '../../lib/worker/analysis/service';
import { ingestArticle } from '../../lib/worker/db/ingest';
import { mergeStoredCatalogues } from '../../lib/worker/sync/catalogues';
import { relatedIncidents } from '../../lib/worker/db/related';
import { detectArticle } from '../../lib/page/detect';
import { packEntities, unpackEntities } from '../../lib/shared/analysis/packed';
import type { CatalogueEntry, EntityMatch } from '../../lib/shared/types';

const SEED_PAGE = resolve(import.meta.dirname, '../../../shared/fixtures/pages/icc-espionage.html');
const SEED_URL = 'https://newswire.example/2023/10/20/war-crimes-tribunal-says-september-cyberattack-was-act-of-espionage/';

function seedArticle() {
  const { document } = parseHTML(readFileSync(SEED_PAGE, 'utf8'));
  return detectArticle(document as unknown as Document, SEED_URL);
}

let db: IncidentLensDb | undefined;
afterEach(() => db?.close());

/** What the last whole analysis cost, as the service leaves it on the performance timeline (not on the wire). */
function lastTimings(): AnalysisTimings {
  return (performance.getEntriesByName(ANALYSIS_MARK).at(-1) as PerformanceMark).detail as AnalysisTimings;
}

describe('analysis service', () => {
  it('builds the matcher once, then loads it on the next wake', async () => {
    const factory = new IDBFactory();
    db = new IncidentLensDb({ indexedDB: factory, IDBKeyRange, name: 'a' });
    const article = seedArticle();
    expect(article.isArticle).toBe(true);

    const first = await new AnalysisService({ db, buildId: 't' }).analyze({
      url: SEED_URL,
      text: article.text,
      published: article.published,
    });
    const firstTimings = lastTimings();
    expect(firstTimings.matcherBuilt).toBe(true);
    expect(firstTimings.url).toBe(SEED_URL);
    expect(Object.keys(first)).toEqual(['entities', 'incidents', 'facts']);
    const stored = await db.blobs.get(MATCHER_BLOB);
    expect(stored?.data).toBeInstanceOf(ArrayBuffer);

    // A new service on the same database is what a woken worker sees.
    const woken = new AnalysisService({ db, buildId: 't' });
    const second = await woken.analyze({ url: SEED_URL, text: article.text, published: article.published });
    expect(lastTimings().matcherBuilt).toBe(false);
    expect(lastTimings().matcherLoadMs).toBeLessThan(firstTimings.matcherLoadMs as number);
    expect(second.entities).toEqual(first.entities);
    // The next call on the same worker pays nothing for the matcher.
    await woken.analyze({ url: SEED_URL, text: article.text });
    expect(lastTimings().matcherLoadMs).toBeUndefined();

    const keys = new Set(second.entities.map((e) => e.key));
    expect([...keys].some((k) => k.startsWith('organization:') && /icc|international-criminal-court/.test(k))).toBe(true);
    expect(keys.has('location:netherlands')).toBe(true);
    expect(keys.has('location:russia')).toBe(true);
    // Nothing from the teasers, the promo or the previous-post link.
    expect([...keys].some((k) => /casio|citibank|ivanti|recorded-future/.test(k))).toBe(false);
    expect(second.incidents.map((i) => i.type)).toContain('espionage');
    for (const k of keys) expect(second.facts[k]?.key).toBe(k);
    expect(second.facts['location:netherlands'].name).toBe('Netherlands');

    // A changed catalogue (the sync stored an import and merged it) makes the stored matcher stale: rebuilt on
    // the next wake.
    const test = { key: 'actor:test', type: 'actor', name: 'Test Group', aliases: [], sources: ['misp:threat-actor'] };
    await db.blobs.put({ key: 'catalogue:misp:threat-actor', data: new TextEncoder().encode(JSON.stringify([test])), updatedAt: 1 });
    await mergeStoredCatalogues(db, new Set(['misp:threat-actor']));
    const after = await new AnalysisService({ db, buildId: 't' }).analyze({ url: SEED_URL, text: 'The Test Group struck again.' });
    expect(lastTimings().matcherBuilt).toBe(true);
    expect(after.entities.map((e) => e.key)).toContain('actor:test');
  });

  it('answers card facts with aliases, country and KEV data', async () => {
    db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'b' });
    await db.kev.put({
      cveId: 'CVE-2023-4966',
      vendor: 'Citrix',
      product: 'NetScaler ADC and NetScaler Gateway',
      name: 'Citrix NetScaler ADC and NetScaler Gateway Buffer Overflow Vulnerability',
      dateAdded: '2023-10-18',
      description: 'Sensitive information disclosure.',
      knownRansomware: true,
    });
    const svc = new AnalysisService({ db });
    const r = await svc.analyze({
      url: 'https://x.example/a',
      text: 'Fancy Bear exploited CVE-2023-4966 against hxxp://evil[.]com servers.',
    });
    const actor = r.entities.find((e) => e.type === 'actor');
    expect(actor?.key).toBe('actor:apt28');
    expect(r.facts['actor:apt28'].aliases).toContain('Fancy Bear');
    expect(r.facts['actor:apt28'].country).toBe('Russia');
    const cve = r.facts['vulnerability:cve-2023-4966'];
    expect(cve.kev).toMatchObject({ inKev: true, vendor: 'Citrix', dateAdded: '2023-10-18', knownRansomware: true });
    // Asked on their own (as the reading view does after painting), they are the same.
    const bare = await svc.analyze({ url: 'https://x.example/a', text: 'Fancy Bear exploited CVE-2023-4966.' });
    const later = await svc.facts(bare.entities.map((e) => ({ key: e.key, type: e.type, name: e.name, subtype: e.subtype })));
    expect(later['vulnerability:cve-2023-4966']).toEqual(cve);
  });

  it('gives the crew behind a catalogued family the family’s card, said to be of its crew', async () => {
    db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'crew' });
    const svc = new AnalysisService({ db });
    const r = await svc.analyze({ url: 'https://x.example/c', text: 'Some of the TTPs observed from DarkSide affiliates follow.' });
    expect(r.entities.map((e) => `${e.text}=${e.key}`)).toEqual(['DarkSide=actor:darkside']);
    const crew = r.facts['actor:darkside'];
    expect(crew).toMatchObject({ key: 'actor:darkside', type: 'actor', name: 'DarkSide', sources: ['seed'] });
    expect(crew.subtype).toBeUndefined();
    expect(crew.description).toMatch(
      /^The crew behind the DarkSide ransomware\. Ransomware-as-a-service behind the 2021 Colonial Pipeline/,
    );
    // Cl0p's crew is keyed with its family's slug, and its card carries the family's aliases.
    const clop = await svc.analyze({ url: 'https://x.example/d', text: 'Cl0p affiliates stole files from MOVEit servers.' });
    const key = clop.entities.find((e) => e.text === 'Cl0p')?.key;
    expect(key).toBe('actor:clop');
    expect(clop.facts['actor:clop'].description).toMatch(/^The crew behind the Cl0p ransomware\./);
    // An actor of no catalogued family keeps what its match says; a catalogued actor its own entry.
    const facts = await svc.facts([
      { key: 'actor:nobody-known', type: 'actor', name: 'Nobody Known' },
      { key: 'actor:apt28', type: 'actor', name: 'APT28' },
    ]);
    expect(facts['actor:nobody-known']).toEqual({
      key: 'actor:nobody-known',
      type: 'actor',
      name: 'Nobody Known',
      aliases: [],
      sources: [],
    });
    expect(facts['actor:apt28'].description).not.toMatch(/crew behind/);
  });

  it('feeds the write path: analysed seed article → incidents the related query finds', async () => {
    db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'c' });
    const article = seedArticle();
    const r = await new AnalysisService({ db }).analyze({ url: SEED_URL, text: article.text, published: article.published });
    await ingestArticle(db, {
      url: SEED_URL,
      sourceId: 'feed:newswire',
      title: article.title ?? '',
      published: article.published,
      entities: r.entities,
      incidents: r.incidents,
    });
    const victimKey = r.incidents.find((i) => i.type === 'espionage')?.victim?.key;
    expect(victimKey).toBeTruthy();
    const related = await relatedIncidents(db, [victimKey as string], '2023-11-01', { url: 'https://other.example/icc-follow-up' });
    expect(related[0].type).toBe('espionage');
    expect(related[0].articles[0].url).toBe(SEED_URL);
  });

  it('answers in two stages: what patterns and the catalogue name, packed; then, once, by id, for the same page, the rest', async () => {
    db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'p' });
    const article = seedArticle();
    const svc = new AnalysisService({ db, buildId: 't' });
    const whole = await svc.analyze({ url: SEED_URL, text: article.text, published: article.published });
    expect(whole.incidents.length).toBeGreaterThan(0);
    const byShape = whole.entities.filter((e) => e.why?.source === 'text');
    expect(byShape.map((e) => e.name)).toContain('Russian authorities');

    const first = await svc.firstStage({ url: SEED_URL, text: article.text, published: article.published });
    expect(Object.keys(first).sort()).toEqual(['entities', 'id']);
    // Fewer distinct matches than matches: what makes the answer smaller.
    expect(first.entities.kinds.length).toBeLessThan(whole.entities.length);
    const firstStage = unpackEntities(article.text, first.entities);
    // Everything but the organisations found by sentence shape (and the places they swallow) is there.
    expect(firstStage.some((e) => e.why?.source === 'text')).toBe(false);
    const inOrg = (e: EntityMatch) => byShape.some((o) => e.start < o.end && o.start < e.end);
    expect(firstStage.filter((e) => !inOrg(e))).toEqual(whole.entities.filter((e) => e.why?.source !== 'text'));
    expect(JSON.stringify(first.entities).length).toBeLessThan(JSON.stringify(whole.entities).length);
    expect((performance.getEntriesByName(FIRST_STAGE_MARK).at(-1) as PerformanceMark).detail).toMatchObject({ url: SEED_URL });

    expect(await svc.secondStage('https://other.example/', first.id)).toBeNull();
    const second = await svc.secondStage(SEED_URL, first.id);
    expect(second?.incidents).toEqual(whole.incidents);
    expect(unpackEntities(article.text, second!.entities)).toEqual(whole.entities);
    expect(await svc.secondStage(SEED_URL, first.id)).toBeNull(); // once
  });

  it('reads the page headline the text does not open with, in both stages', async () => {
    db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'h' });
    const svc = new AnalysisService({ db, buildId: 't' });
    const text =
      'Acme Health said on Monday that its computer systems were disrupted over the weekend. The hospital is working with outside investigators. Patients were diverted to other hospitals while the systems were restored.';
    const req = { url: SEED_URL, text, published: '2024-05-20' };
    expect((await svc.analyze(req)).incidents.map((i) => i.type)).not.toContain('ransomware');
    const titled = { ...req, title: 'Ransomware attack hits Acme Health' };
    const whole = await svc.analyze(titled);
    expect(whole.incidents.map((i) => i.type)).toContain('ransomware');
    const first = await svc.firstStage(titled);
    expect((await svc.secondStage(SEED_URL, first.id))?.incidents).toEqual(whole.incidents);
  });

  it('looks for a card in the seed only where the table lacks the merged catalogue, and never for an indicator', async () => {
    db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: 'seedless' });
    let loads = 0;
    const seed = (): CatalogueEntry[] => {
      loads++;
      return [{ key: 'organization:kestrel', type: 'organization', name: 'Kestrel', aliases: [], sources: ['seed'] }];
    };
    const svc = new AnalysisService({ db, seed });
    const ip = { key: 'indicator:ipv4:203.0.113.7', type: 'indicator', name: '203.0.113.7', subtype: 'ipv4' } as const;
    const org = { key: 'organization:kestrel', type: 'organization', name: 'Kestrel' } as const;
    await svc.facts([ip]);
    expect(loads).toBe(0);
    // No catalogue merged into the table yet: the seed is where the entry is.
    expect((await svc.facts([org]))['organization:kestrel'].name).toBe('Kestrel');
    expect(loads).toBe(1);

    // The table holds the merged catalogue (the seed's entries among them): a key it lacks is in no seed.
    const woken = new AnalysisService({ db, seed });
    await db.blobs.put({
      key: 'catalogue-merge',
      data: new Uint8Array(),
      updatedAt: 1,
      meta: { seed: 's', sources: 'misp', entities: 900, at: 1 },
    });
    const other = { key: 'organization:someone-else', type: 'organization', name: 'Someone Else' } as const;
    expect((await woken.facts([other]))['organization:someone-else'].name).toBe('Someone Else');
    expect(loads).toBe(1);
  });

  it('packs a match whose text is not the article’s slice with its own text', () => {
    const text = 'APT28 struck.';
    const odd: EntityMatch = { type: 'actor', key: 'actor:apt28', name: 'APT28', start: 0, end: 5, text: 'apt 28' };
    const plain: EntityMatch = { type: 'actor', key: 'actor:apt28', name: 'APT28', start: 0, end: 5, text: 'APT28' };
    const packed = packEntities(text, [plain, odd]);
    expect(packed.kinds).toHaveLength(2);
    expect(unpackEntities(text, packed)).toEqual([plain, odd]);
  });
});
