import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMispGalaxy, ransomwareNames, UnsupportedGalaxyError } from '../../lib/worker/knowledge/importers/misp-galaxy';
import type { CatalogueEntry } from '../../lib/shared/types';

const CLUSTERS = resolve(process.cwd(), '../shared/fixtures/misp-galaxy/clusters');
const read = (name: string): unknown => JSON.parse(readFileSync(resolve(CLUSTERS, `${name}.json`), 'utf8'));
const find = (entries: CatalogueEntry[], key: string): CatalogueEntry => {
  const e = entries.find((x) => x.key === key);
  if (!e) throw new Error(`no ${key}`);
  return e;
};

describe('MISP galaxy importer on the real cluster files', () => {
  it('threat-actor: actors with synonyms, country from ISO code or CFR sponsor, short description', () => {
    const r = importMispGalaxy(read('threat-actor'));
    expect(r.skipped).toBe(0);
    expect(r.entries.length).toBe(1041);
    const apt28 = find(r.entries, 'actor:apt28');
    expect(apt28.type).toBe('actor');
    expect(apt28.sources).toEqual(['misp:threat-actor']);
    expect(apt28.aliases).toEqual(expect.arrayContaining(['FANCY BEAR', 'Sednit', 'STRONTIUM', 'G0007', 'Forest Blizzard']));
    expect(apt28.country).toBe('location:russia');
    expect(apt28.description).toMatch(/^The Sofacy Group .*Russian government\.$/);
    expect(apt28.refs!.length).toBeLessThanOrEqual(5);
    expect(apt28.refs![0]).toMatch(/attack\.mitre\.org|wikipedia/);
    // Countries come out as location keys the seed knows.
    const countries = new Set(r.entries.map((e) => e.country).filter(Boolean));
    for (const c of countries) expect(c).toMatch(/^location:[a-z-]+$/);
    expect(countries.has('location:china')).toBe(true);
    expect(countries.has('location:iran')).toBe(true);
    expect(countries.has('location:north-korea')).toBe(true);
  });

  it('mitre-intrusion-set: the id in the value becomes an alias and meta.mitreId', () => {
    const r = importMispGalaxy(read('mitre-intrusion-set'));
    const apt28 = find(r.entries, 'actor:apt28');
    expect(apt28.name).toBe('APT28');
    expect(apt28.aliases).toContain('G0007');
    expect(apt28.aliases).toContain('Fancy Bear');
    expect(apt28.meta?.mitreId).toBe('G0007');
    expect(apt28.description).toMatch(/^APT28 is a threat group/);
    expect(apt28.description).not.toContain('](');
    // The one deprecated group (Taidoor) is left out, and no name keeps its " - Gnnnn" suffix.
    expect(r.ignored).toBe(1);
    expect(r.entries.length).toBe(190);
    for (const e of r.entries) expect(e.name).not.toMatch(/ - G\d{4}$/);
  });

  it('ransomware: family names without the word "Ransomware", full forms as aliases', () => {
    const r = importMispGalaxy(read('ransomware'));
    // One value, "$$$", has no letter or digit to make a key of.
    expect(r.skipped).toBe(1);
    for (const e of r.entries) expect(e.key).toMatch(/^malware:[a-z0-9]/);
    const lockbit = find(r.entries, 'malware:lockbit');
    expect(lockbit.subtype).toBe('ransomware');
    expect(r.entries.every((e) => e.type === 'malware' && e.subtype === 'ransomware')).toBe(true);
    const satan = find(r.entries, 'malware:satan');
    expect(satan.aliases).toContain('Satan Ransomware');
    for (const e of r.entries) expect(e.name).not.toMatch(/\bransomware$/i);
    // Plain-word family names need a ransom word nearby; made-up ones do not.
    expect(find(r.entries, 'malware:python')).toMatchObject({
      ambiguous: ['Python'],
      aliases: ['Python Ransomware'],
      cues: expect.arrayContaining(['ransomware']),
    });
    expect(find(r.entries, 'malware:donald-trump').ambiguous).toEqual(['Donald Trump']);
    expect(find(r.entries, 'malware:lockbit').ambiguous).toBeUndefined();
  });

  it('ransomware value forms', () => {
    expect(ransomwareNames('Satan Ransomware')).toEqual(['Satan', 'Satan Ransomware']);
    expect(ransomwareNames('LoveLock Ransomware or Love2Lock Ransomware')).toEqual([
      'LoveLock',
      'LoveLock Ransomware',
      'Love2Lock',
      'Love2Lock Ransomware',
    ]);
    expect(ransomwareNames('Cryptorium (Fake Ransomware)')).toEqual(['Cryptorium']);
    expect(ransomwareNames('of Ransomware: OpenToYou (Formerly known as OpenToDecrypt)')).toEqual(['OpenToYou', 'OpenToDecrypt']);
    expect(ransomwareNames('Ransomware')).toEqual([]);
  });

  it('tool: malware unless the row says it is a hacking tool or framework', () => {
    const r = importMispGalaxy(read('tool'));
    expect(find(r.entries, 'malware:plugx').subtype).toBe('malware');
    expect(find(r.entries, 'malware:mimikatz').subtype).toBe('tool');
    expect(find(r.entries, 'malware:cobalt-strike').subtype).toBe('tool');
    const tools = r.entries.filter((e) => e.subtype === 'tool').length;
    expect(tools).toBeGreaterThan(5);
    expect(tools).toBeLessThan(r.entries.length / 4);
  });

  it('mitre-malware and mitre-tool: ids as aliases, ransomware recognised from the description', () => {
    const mal = importMispGalaxy(read('mitre-malware'));
    expect(find(mal.entries, 'malware:wannacry').subtype).toBe('ransomware');
    expect(find(mal.entries, 'malware:plugx').subtype).toBe('malware');
    expect(find(mal.entries, 'malware:plugx').aliases).toContain('S0013');
    const tool = importMispGalaxy(read('mitre-tool'));
    expect(find(tool.entries, 'malware:mimikatz')).toMatchObject({ subtype: 'tool', meta: { mitreId: 'S0002' } });
  });

  it('mitre-attack-pattern: techniques keyed on their ATT&CK id, deprecated ones left out', () => {
    const r = importMispGalaxy(read('mitre-attack-pattern'));
    const t = find(r.entries, 'technique:t1566.001');
    expect(t.name).toBe('Spearphishing Attachment');
    expect(t.aliases).toEqual(['T1566.001']);
    expect(t.meta).toMatchObject({ mitreId: 'T1566.001', tactics: ['initial-access'] });
    expect(find(r.entries, 'technique:t1566').name).toBe('Phishing');
    expect(r.ignored).toBe(201);
    expect(r.entries.length + r.ignored).toBe(1266);
  });

  it('country: locations on the seed keys; sector: nothing (sectors are not entities)', () => {
    const c = importMispGalaxy(read('country'));
    expect(c.entries.length).toBe(252);
    expect(find(c.entries, 'location:russia')).toMatchObject({ name: 'Russia', meta: { iso: 'RU' } });
    expect(find(c.entries, 'location:netherlands').name).toBe('Netherlands');
    const s = importMispGalaxy(read('sector'));
    expect(s.entries).toEqual([]);
    expect(s.ignored).toBe(118);
  });

  it('skips and counts bad rows instead of failing the file', () => {
    const file = read('threat-actor') as { values: unknown[] };
    const corrupted = {
      ...file,
      values: [
        ...file.values.slice(0, 10),
        null,
        42,
        { value: '' },
        { value: 7 },
        { description: 'no value' },
        { value: 'X', meta: 'not an object' },
      ],
    };
    const r = importMispGalaxy(corrupted);
    expect(r.entries.length).toBe(10);
    expect(r.skipped).toBe(6);
    // Odd field shapes inside meta are read leniently, not rejected.
    const odd = importMispGalaxy({
      type: 'threat-actor',
      values: [{ value: 'Odd Panda', meta: { synonyms: 'Single Synonym', country: ['CN'], refs: 5 } }],
    });
    expect(odd.entries[0]).toMatchObject({ name: 'Odd Panda', aliases: ['Single Synonym'], country: 'location:china' });
  });

  it('rejects what is not a cluster file, or a galaxy it does not map', () => {
    expect(() => importMispGalaxy({ values: [] })).toThrow(/not a MISP galaxy cluster file/);
    expect(() => importMispGalaxy([])).toThrow(TypeError);
    expect(() => importMispGalaxy({ type: 'cert-eu-govsector', values: [] })).toThrow(UnsupportedGalaxyError);
  });
});
