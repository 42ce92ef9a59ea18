import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogueFileError, fullCatalogue, loadCatalogueFiles, loadCatalogueReports, sniffFormat } from '../../lib/node/load-catalogues';
import { mergeCataloguesWithReport } from '../../lib/worker/knowledge/merge';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { ENTITY_TYPES, type CatalogueEntry } from '../../lib/shared/types';

const FIXTURES = resolve(process.cwd(), '../shared/fixtures');
const CLUSTERS = join(FIXTURES, 'misp-galaxy/clusters');
const KEV = join(FIXTURES, 'kev/known_exploited_vulnerabilities.json');
const STIX = join(FIXTURES, 'stix/attack/ics-attack-18.1.json');
const names = (es: CatalogueEntry[]): number => es.reduce((n, e) => n + 1 + e.aliases.length, 0);
const find = (entries: CatalogueEntry[], key: string): CatalogueEntry => {
  const e = entries.find((x) => x.key === key);
  if (!e) throw new Error(`no ${key}`);
  return e;
};

describe('seed catalogue', () => {
  const seed = seedCatalogue();

  it('turns every seed row into an entry with a unique key and source seed', () => {
    expect(seed.length).toBeGreaterThan(400);
    expect(new Set(seed.map((e) => e.key)).size).toBe(seed.length);
    for (const e of seed) {
      expect(e.sources).toEqual(['seed']);
      expect(ENTITY_TYPES).toContain(e.type);
      expect(e.key.startsWith(`${e.type}:`)).toBe(true);
    }
  });

  it('includes the places, with countries as location keys', () => {
    expect(find(seed, 'location:russia').aliases).toContain('Russian');
    expect(find(seed, 'location:the-hague').country).toBe('location:netherlands');
    const locations = new Set(seed.filter((e) => e.type === 'location').map((e) => e.key));
    for (const e of seed) if (e.country) expect(locations.has(e.country), `${e.key} → ${e.country}`).toBe(true);
  });
});

describe('the full catalogue from the real fixture files', async () => {
  const reports = await loadCatalogueReports([CLUSTERS, KEV, STIX]);
  const seed = seedCatalogue();
  const t = performance.now();
  const { entries, report } = mergeCataloguesWithReport([seed, ...reports.map((r) => r.entries)]);
  const mergeMs = performance.now() - t;

  it('reads every cluster file of the folder and the other formats', () => {
    expect(reports.map((r) => r.format).sort()).toEqual([
      'attack-stix',
      'kev',
      'misp-galaxy',
      'misp-galaxy',
      'misp-galaxy',
      'misp-galaxy',
      'misp-galaxy',
      'misp-galaxy',
      'misp-galaxy',
      'misp-galaxy',
      'misp-galaxy',
    ]);
    expect(reports.reduce((n, r) => n + r.skipped, 0)).toBe(1); // the MISP ransomware value "$$$"
  });

  it('joins APT28 from the seed, MISP threat-actor, MISP intrusion-set into one entry', () => {
    const apt28 = find(entries, 'actor:apt28');
    expect(apt28.name).toBe('APT28');
    expect(apt28.sources).toEqual(expect.arrayContaining(['seed', 'misp:threat-actor', 'misp:mitre-intrusion-set']));
    expect(apt28.aliases).toEqual(expect.arrayContaining(['G0007', 'Fancy Bear', 'Sofacy', 'Forest Blizzard']));
    expect(apt28.country).toBe('location:russia');
    expect(entries.filter((e) => e.type === 'actor' && [e.name, ...e.aliases].some((n) => n.toLowerCase() === 'fancy bear'))).toHaveLength(
      1,
    );
  });

  it('knows LockBit as ransomware, Spearphishing Attachment as T1566.001, and the KEV facts', () => {
    expect(find(entries, 'malware:lockbit')).toMatchObject({ subtype: 'ransomware' });
    expect(find(entries, 'technique:t1566.001')).toMatchObject({ name: 'Spearphishing Attachment', aliases: ['T1566.001'] });
    expect(find(entries, 'technique:t0865').name).toBe('Spearphishing Attachment');
    const cve = find(entries, 'vulnerability:cve-2023-4966');
    expect(cve.meta).toMatchObject({ vendor: 'Citrix', product: 'NetScaler ADC and NetScaler Gateway', ransomware: true });
    expect(find(entries, 'location:russia').sources).toEqual(['seed', 'misp:country']);
  });

  it('keeps keys unique and each alias with one entity of a type', () => {
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
    const owner = new Map<string, string>();
    let clashes = 0;
    for (const e of entries) {
      for (const a of e.aliases) {
        const k = `${e.type}|${a.toLowerCase()}`;
        if (owner.has(k) && owner.get(k) !== e.key) clashes++;
        owner.set(k, e.key);
      }
    }
    expect(clashes).toBe(0);
  });

  it('prints the counts the benchmark and the report use', () => {
    const perSource: Record<string, { entries: number; names: number }> = {};
    for (const r of reports) {
      const k = r.path.split('/').pop()!;
      perSource[k] = { entries: r.entries.length, names: names(r.entries) };
    }
    const mispOnly = mergeCataloguesWithReport([seed, ...reports.filter((r) => r.format === 'misp-galaxy').map((r) => r.entries)]).entries;
    const byType: Record<string, number> = {};
    for (const e of entries) byType[e.type] = (byType[e.type] ?? 0) + 1;
    const summary = {
      seed: { entries: seed.length, names: names(seed) },
      perSource,
      seedPlusMisp: { entries: mispOnly.length, names: names(mispOnly) },
      seedPlusMispKevStix: { entries: entries.length, names: names(entries), byType },
      mergeMs: Math.round(mergeMs),
      report: { ...report, refusedExamples: report.refusedExamples.length, aliasConflictExamples: report.aliasConflictExamples.length },
    };
    console.log(JSON.stringify(summary, null, 1));
    // The benchmark expects about 10,000 names and aliases for seed + MISP clusters.
    expect(names(mispOnly)).toBeGreaterThan(8000);
    expect(names(mispOnly)).toBeLessThan(16000);
    expect(report.input).toBeGreaterThan(entries.length);
  });
});

describe('loading files', () => {
  it('sniffs the formats', () => {
    expect(sniffFormat({ type: 'threat-actor', values: [] })).toBe('misp-galaxy');
    expect(sniffFormat({ type: 'bundle', id: 'bundle--1', objects: [] })).toBe('attack-stix');
    expect(sniffFormat([{ type: 'malware', id: 'malware--1' }])).toBe('attack-stix');
    expect(sniffFormat({ catalogVersion: '1', vulnerabilities: [] })).toBe('kev');
    expect(sniffFormat({ hello: 'world' })).toBeUndefined();
    expect(sniffFormat([])).toBeUndefined();
  });

  it('reads a single file, and a folder skipping JSON that is not a catalogue', async () => {
    const one = await loadCatalogueFiles([join(CLUSTERS, 'mitre-tool.json')]);
    expect(one.length).toBe(97);
    // The misp-galaxy folder itself holds only the two JSON schemas: nothing to import, no error.
    const schemas = await loadCatalogueReports([join(FIXTURES, 'misp-galaxy')]);
    expect(schemas).toEqual([]);
  });

  it('fullCatalogue is the seed merged with the files', async () => {
    const full = await fullCatalogue([join(CLUSTERS, 'mitre-intrusion-set.json')]);
    expect(find(full, 'actor:apt28').sources).toEqual(['seed', 'misp:mitre-intrusion-set']);
    expect((await fullCatalogue([])).length).toBe(seedCatalogue().length);
  });

  it('explains what is wrong with a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
    writeFileSync(join(dir, 'broken.json'), '{"type": "threat-actor", "values": [');
    writeFileSync(join(dir, 'other.json'), '{"hello": "world"}');
    writeFileSync(join(dir, 'sector-like.json'), '{"type": "cert-eu-govsector", "values": []}');
    await expect(loadCatalogueFiles([join(dir, 'missing.json')])).rejects.toThrow(/missing\.json: cannot read \(ENOENT\)/);
    await expect(loadCatalogueFiles([join(dir, 'broken.json')])).rejects.toThrow(/broken\.json: not valid JSON/);
    await expect(loadCatalogueFiles([join(dir, 'other.json')])).rejects.toThrow(/other\.json: unknown catalogue format/);
    await expect(loadCatalogueFiles([join(dir, 'sector-like.json')])).rejects.toThrow(/cert-eu-govsector.*not one the catalogue imports/);
    await expect(loadCatalogueFiles([join(dir, 'other.json')])).rejects.toBeInstanceOf(CatalogueFileError);
    // In a folder, a broken JSON file is still an error: the user asked for it.
    await expect(loadCatalogueFiles([dir])).rejects.toThrow(/broken\.json/);
  });
});
