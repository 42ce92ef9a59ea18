import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { ingestArticle, ingestArticles, type AnalysedArticle } from '../../lib/worker/db/ingest';
import { relatedIncidents } from '../../lib/worker/db/related';
import type { EntityType, IncidentType } from '../../lib/shared/types';

let db: IncidentLensDb;
afterEach(() => db?.close());

function open(): IncidentLensDb {
  db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange, name: `t-${Math.random()}` });
  return db;
}

let pos = 0;
function ent(key: string, name: string) {
  const type = key.slice(0, key.indexOf(':')) as EntityType;
  const start = pos;
  pos += name.length + 1;
  return { key, name, type, start, end: start + name.length };
}

function article(
  url: string,
  published: string,
  type: IncidentType,
  victim: [string, string] | undefined,
  entities: [string, string][],
): AnalysedArticle {
  pos = 0;
  const ents = entities.map(([k, n]) => ent(k, n));
  return {
    url,
    sourceId: `feed:${new URL(url).hostname}`,
    // Distinct headlines: twelve stories titled alike within days would be one event to the clustering.
    title: victim ? `${type} at ${victim[1]}` : `${type} story ${new URL(url).pathname.slice(1)}`,
    published,
    entities: ents,
    incidents: [
      {
        type,
        victim: victim ? { key: victim[0], name: victim[1] } : undefined,
        spans: [{ start: 0, end: pos }],
        summary: `${type} against ${victim?.[1] ?? 'unknown'}`,
        when: published.slice(0, 7),
      },
    ],
  };
}

const MS: [string, string] = ['vendor:microsoft', 'Microsoft'];
const CITRIX_CVE: [string, string] = ['vulnerability:cve-2023-4966', 'CVE-2023-4966'];
const LOCKBIT: [string, string] = ['malware:lockbit', 'LockBit'];

/** A database that looks like a month of news: Microsoft everywhere, one CVE in two stories. */
async function fill(): Promise<void> {
  const list: AnalysedArticle[] = [];
  for (let i = 0; i < 12; i++) {
    list.push(
      article(`https://news${i}.example/patch-${i}`, `2023-10-${String(10 + i).padStart(2, '0')}`, 'patch', undefined, [
        MS,
        ['product:windows', 'Windows'],
      ]),
    );
  }
  list.push(
    article(
      'https://bleepingcomputer.example/boeing-lockbit',
      '2023-11-10',
      'ransomware',
      ['organization:boeing', 'Boeing'],
      [CITRIX_CVE, LOCKBIT, ['vendor:citrix', 'Citrix']],
    ),
  );
  // The same Boeing incident reported by a second site: one related incident with two articles.
  list.push(article('https://therecord.example/boeing', '2023-11-14', 'ransomware', ['organization:boeing', 'Boeing'], [LOCKBIT, MS]));
  list.push(article('https://old.example/icbc', '2021-03-01', 'ransomware', ['organization:icbc', 'ICBC'], [LOCKBIT]));
  await ingestArticles(db, list, Date.parse('2023-12-01'));
}

describe('ingest', () => {
  it('stores an article and its incidents in one go, keyed by entity', async () => {
    open();
    const a = article(
      'https://x.example/a',
      '2023-10-01',
      'data-breach',
      ['organization:casio', 'Casio'],
      [
        ['location:japan', 'Japan'],
        ['vendor:microsoft', 'Microsoft'],
      ],
    );
    const rows = await ingestArticle(db, a);
    expect(rows).toHaveLength(1);
    const stored = await db.incidents.get('https://x.example/a#0');
    expect(stored?.entityKeys.sort()).toEqual(['location:japan', 'organization:casio', 'vendor:microsoft']);
    const art = await db.articles.get('https://x.example/a');
    expect(art?.site).toBe('x.example');
    expect(art?.incidentIds).toEqual(['https://x.example/a#0']);
    expect(await db.incidents.where('entityKeys').equals('organization:casio').count()).toBe(1);
  });

  it('replaces the rows of an article analysed again', async () => {
    open();
    const a = article('https://x.example/a', '2023-10-01', 'data-breach', ['organization:casio', 'Casio'], []);
    a.incidents.push({ ...a.incidents[0], type: 'phishing', summary: 'second' });
    await ingestArticle(db, a);
    expect(await db.incidents.count()).toBe(2);
    a.incidents.pop();
    await ingestArticle(db, a);
    expect(await db.incidents.count()).toBe(1);
    expect(await db.articles.count()).toBe(1);
  });

  it('ties only the entities inside an incident’s spans when an article reports several', async () => {
    open();
    const a: AnalysedArticle = {
      url: 'https://x.example/roundup',
      sourceId: 'feed:x',
      title: 'Week in review',
      entities: [
        { key: 'organization:casio', name: 'Casio', type: 'organization', start: 0, end: 5 },
        { key: 'malware:lockbit', name: 'LockBit', type: 'malware', start: 100, end: 107 },
      ],
      incidents: [
        { type: 'data-breach', victim: { key: 'organization:casio', name: 'Casio' }, spans: [{ start: 0, end: 50 }], summary: 'a' },
        { type: 'ransomware', spans: [{ start: 90, end: 120 }], summary: 'b' },
      ],
    };
    await ingestArticle(db, a);
    expect((await db.incidents.get('https://x.example/roundup#0'))?.entityKeys).toEqual(['organization:casio']);
    expect((await db.incidents.get('https://x.example/roundup#1'))?.entityKeys).toEqual(['malware:lockbit']);
  });
});

describe('relatedIncidents', () => {
  it('ranks a shared CVE above a shared Microsoft, and says why', async () => {
    open();
    await fill();
    const related = await relatedIncidents(db, [CITRIX_CVE[0], MS[0], 'location:netherlands'], '2023-11-20', {
      url: 'https://reader.example/citrix-bleed',
    });
    expect(related[0].victim).toBe('Boeing');
    expect(related[0].reason).toBe('shares CVE-2023-4966 and Microsoft');
    expect(related[0].shared[0].key).toBe(CITRIX_CVE[0]);
    // The two Boeing reports are one incident with both articles.
    expect(related[0].articles.map((a) => a.url).sort()).toEqual([
      'https://bleepingcomputer.example/boeing-lockbit',
      'https://therecord.example/boeing',
    ]);
    expect(related.filter((r) => r.victim === 'Boeing')).toHaveLength(1);
    // Several publishers, newest first, and the clustered incident's own facts.
    expect(related[0].sites).toEqual(['bleepingcomputer.example', 'therecord.example']);
    expect(related[0]).toMatchObject({
      type: 'ransomware',
      cves: ['CVE-2023-4966'],
      firstSeen: expect.stringMatching(/^2023-11-10/),
      lastSeen: expect.stringMatching(/^2023-11-14/),
    });
    // The patch stories share Microsoft alone: a vendor says what a story is about, not which event, so they
    // are not listed; a page that names Windows too shares two names with them, and they are.
    expect(related.map((r) => r.reason)).toEqual(['shares CVE-2023-4966 and Microsoft']);
    const windows = await relatedIncidents(db, [MS[0], 'product:windows'], '2023-11-20');
    expect(windows.length).toBeGreaterThan(5);
    expect(new Set(windows.map((r) => r.reason))).toEqual(new Set(['shares Windows and Microsoft']));
    // An organisation alone is enough where it is the incident's victim.
    expect((await relatedIncidents(db, ['organization:boeing'], '2023-11-20')).map((r) => r.victim)).toEqual(['Boeing']);
  });

  it('prefers the incident closer in time when the shared entities are the same', async () => {
    open();
    await fill();
    const related = await relatedIncidents(db, [LOCKBIT[0]], '2023-11-20');
    expect(related.map((r) => r.victim)).toEqual(['Boeing', 'ICBC']);
    const later = await relatedIncidents(db, [LOCKBIT[0]], '2021-03-05');
    expect(later[0].victim).toBe('ICBC');
  });

  it('leaves out the article being read and answers nothing for unknown entities', async () => {
    open();
    await fill();
    const related = await relatedIncidents(db, [CITRIX_CVE[0], LOCKBIT[0]], '2023-11-20', {
      url: 'https://bleepingcomputer.example/boeing-lockbit#comments',
    });
    expect(related[0].articles.map((a) => a.url)).toEqual(['https://therecord.example/boeing']);
    expect(related[0].shared.map((s) => s.key)).toEqual([LOCKBIT[0]]);
    expect(related.flatMap((r) => r.articles.map((a) => a.url))).not.toContain('https://bleepingcomputer.example/boeing-lockbit');
    // Reached from a newsletter or a share: the same article, its tracking parameters aside.
    const tracked = await relatedIncidents(db, [CITRIX_CVE[0], LOCKBIT[0]], '2023-11-20', {
      url: 'https://bleepingcomputer.example/boeing-lockbit?utm_source=newsletter&utm_medium=email&fbclid=x#comments',
    });
    expect(tracked).toEqual(related);
    expect(await relatedIncidents(db, ['actor:nobody'], '2023-11-20')).toEqual([]);
    expect(await relatedIncidents(db, [], '2023-11-20')).toEqual([]);
  });

  it('ranks by rarity in a database of thousands of incidents, asked with hundreds of keys', async () => {
    open();
    const list: AnalysedArticle[] = [];
    for (let i = 0; i < 3000; i++) {
      const victim: [string, string] = [`organization:victim-${i}`, `Victim ${i}`];
      const ents: [string, string][] = [MS, [`product:p-${i % 50}`, `Product ${i % 50}`]];
      if (i === 1234) ents.push(CITRIX_CVE);
      list.push(
        article(`https://n${i % 40}.example/s/${i}`, `2023-${String((i % 12) + 1).padStart(2, '0')}-10`, 'data-breach', victim, ents),
      );
    }
    await ingestArticles(db, list);
    const keys = [MS[0], CITRIX_CVE[0], 'product:p-7', ...Array.from({ length: 300 }, (_, i) => `actor:unknown-${i}`)];
    const related = await relatedIncidents(db, keys, '2023-06-01', { limit: 5 });
    expect(related).toHaveLength(5);
    expect(related[0].victim).toBe('Victim 1234');
    expect(related[0].shared.map((x) => x.key)).toEqual([CITRIX_CVE[0], MS[0]]);
    // The rest share the product (60 incidents) and Microsoft (all 3,000): rarer first, then by date.
    for (const r of related.slice(1)) expect(r.shared.map((x) => x.key)).toEqual(['product:p-7', MS[0]]);
    expect(related[1].score).toBeLessThan(related[0].score / 2);
  }, 60_000); // 3,000 articles ingested and clustered in fake-indexeddb: seconds, more on a loaded machine

  it('finds a ransomware family’s incidents from a page that names its gang, and counts the name once', async () => {
    open();
    await fill();
    // "The LockBit gang claimed …": the page's key is the crew's, actor:lockbit; the stored incidents name the malware.
    const related = await relatedIncidents(db, ['actor:lockbit'], '2023-11-20');
    expect(related.map((r) => r.victim)).toEqual(['Boeing', 'ICBC']);
    expect(related[0].shared.map((s) => s.key)).toEqual([LOCKBIT[0]]);
    expect(related[0].reason).toBe('shares LockBit');
    // A page naming both the gang and the ransomware shares one name with the incident, weighed as before.
    const both = await relatedIncidents(db, ['actor:lockbit', LOCKBIT[0]], '2023-11-20');
    const one = await relatedIncidents(db, [LOCKBIT[0]], '2023-11-20');
    expect(both[0].shared).toHaveLength(1);
    expect(both.map((r) => r.score)).toEqual(one.map((r) => r.score));
    // And the other way: a stored crew found from a page that names the malware.
    await ingestArticles(db, [
      article('https://crew.example/akira', '2023-11-18', 'ransomware', ['organization:acme', 'Acme'], [['actor:akira', 'Akira']]),
    ]);
    const crew = await relatedIncidents(db, ['malware:akira'], '2023-11-20');
    expect(crew.map((r) => r.victim)).toEqual(['Acme']);
  });

  it('names shared entities from the catalogue when it knows them', async () => {
    open();
    await fill();
    await db.entities.put({
      key: 'malware:lockbit',
      type: 'malware',
      name: 'LockBit 3.0',
      aliases: ['LockBit'],
      sources: ['seed'],
      aliasesLower: ['lockbit 3.0', 'lockbit'],
    });
    const related = await relatedIncidents(db, [LOCKBIT[0]], '2023-11-20');
    expect(related[0].reason).toBe('shares LockBit 3.0');
  });
});
