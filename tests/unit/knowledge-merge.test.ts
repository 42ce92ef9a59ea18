import { describe, expect, it } from 'vitest';
import { isJunkAlias, mergeCatalogues, mergeCataloguesWithReport } from '../../lib/worker/knowledge/merge';
import type { CatalogueEntry } from '../../lib/shared/types';
import { cpuMs } from './cpu-time';

function e(key: string, name: string, aliases: string[], source: string, extra: Partial<CatalogueEntry> = {}): CatalogueEntry {
  const type = key.slice(0, key.indexOf(':')) as CatalogueEntry['type'];
  return { key, type, name, aliases, sources: [source], ...extra };
}
const byKey = (list: CatalogueEntry[], key: string) => list.find((x) => x.key === key);

describe('mergeCatalogues', () => {
  it('joins one actor described by the seed, a MISP cluster and ATT&CK, on the seed key', () => {
    const seed = e('actor:apt28', 'APT28', ['Fancy Bear', 'Forest Blizzard'], 'seed', {
      description: 'Seed words.',
      country: 'location:russia',
      ambiguous: [],
    });
    const misp = e('actor:sofacy', 'Sofacy', ['APT28', 'Sednit'], 'misp:threat-actor', {
      description: 'MISP words.',
      refs: ['https://x.example/1'],
    });
    const mitre = e('actor:apt-28', 'APT 28', ['Sednit', 'G0007'], 'misp:mitre-intrusion-set', { meta: { mitreId: 'G0007' } });
    const out = mergeCatalogues([seed], [misp], [mitre]);
    expect(out).toHaveLength(1);
    const [m] = out;
    expect(m.key).toBe('actor:apt28');
    expect(m.name).toBe('APT28');
    expect(m.description).toBe('Seed words.');
    expect(m.sources).toEqual(['seed', 'misp:mitre-intrusion-set', 'misp:threat-actor']);
    expect(m.aliases).toEqual(expect.arrayContaining(['Fancy Bear', 'Sofacy', 'Sednit', 'G0007', 'APT 28']));
    expect(m.aliases).not.toContain('APT28');
    expect(m.meta).toEqual({ mitreId: 'G0007' });
    expect(m.refs).toEqual(['https://x.example/1']);
  });

  it('without a seed entry takes the key and name of the most authoritative source', () => {
    const out = mergeCatalogues(
      [e('malware:foo-ransomware', 'Foo Ransomware', ['FooLocker'], 'misp:ransomware', { subtype: 'ransomware' })],
      [e('malware:foolocker', 'FooLocker', ['S9999'], 'attack', { subtype: 'malware' })],
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ key: 'malware:foolocker', name: 'FooLocker', subtype: 'ransomware' });
  });

  it('never joins two seed entries, nor two entries of one source, nor on a short alias', () => {
    const { entries, report } = mergeCataloguesWithReport([
      [e('actor:a', 'Alpha Team', ['Shared Name'], 'seed'), e('actor:b', 'Beta Team', ['Shared Name'], 'seed')],
      [e('actor:c', 'Gamma Panda', ['Lotus Crew'], 'misp:threat-actor'), e('actor:d', 'Delta Panda', ['Lotus Crew'], 'misp:threat-actor')],
      [
        e('product:cisco-asa', 'Adaptive Security Appliance', ['ASA'], 'kev'),
        e('product:x-asa', 'Another Suite Application', ['ASA'], 'misc'),
      ],
    ]);
    expect(entries).toHaveLength(6);
    expect(report.refused.seed).toBe(1);
    expect(report.refused['same-source']).toBe(1);
    expect(report.refused['short-alias']).toBe(1);
  });

  it('lets the seed vouch for a join that a single source would refuse', () => {
    // MISP lists APT29 and UNC2452 as two clusters; the seed says UNC2452 is APT29.
    const out = mergeCatalogues(
      [e('actor:apt29', 'APT29', ['Cozy Bear', 'UNC2452'], 'seed')],
      [e('actor:apt29', 'APT29', ['Cozy Bear'], 'misp:threat-actor'), e('actor:unc2452', 'UNC2452', ['Dark Halo'], 'misp:threat-actor')],
    );
    expect(out).toHaveLength(1);
    expect(out[0].aliases).toContain('Dark Halo');
  });

  it('keeps products of different vendors and techniques of different ids apart', () => {
    const { entries, report } = mergeCataloguesWithReport([
      [e('product:cisco-ios', 'Cisco IOS', ['IOS Software'], 'kev', { meta: { vendorKey: 'vendor:cisco' } })],
      [e('product:apple-ios', 'Apple iOS', ['IOS Software'], 'other', { meta: { vendorKey: 'vendor:apple' } })],
      [e('technique:t1566.001', 'Spearphishing Attachment', ['T1566.001'], 'misp:mitre-attack-pattern')],
      [e('technique:t0865', 'Spearphishing Attachment', ['T0865'], 'attack')],
    ]);
    expect(entries).toHaveLength(4);
    expect(report.refused.vendor).toBe(1);
    expect(report.refused['technique-id']).toBe(1);
  });

  it('keeps a family ATT&CK describes as a trojan apart from a ransomware of the same name or alias', () => {
    const trojan = e('malware:hydraq', 'Hydraq', ['Aurora', 'McRat'], 'misp:mitre-malware', {
      subtype: 'malware',
      description: 'Hydraq is a data-theft trojan.',
    });
    const backdoor = e('malware:shark', 'Shark', ['S1019'], 'misp:mitre-malware', {
      subtype: 'malware',
      description: 'Shark is a backdoor.',
    });
    const { entries, report } = mergeCataloguesWithReport([
      [trojan, backdoor],
      [
        e('malware:aurora', 'Aurora', [], 'misp:ransomware', { subtype: 'ransomware' }),
        e('malware:shark', 'Shark', ['Atom'], 'misp:ransomware', { subtype: 'ransomware' }),
      ],
    ]);
    expect(entries).toHaveLength(4);
    expect(byKey(entries, 'malware:hydraq')).toMatchObject({ subtype: 'malware', sources: ['misp:mitre-malware'] });
    expect(byKey(entries, 'malware:shark')).toMatchObject({ subtype: 'malware', sources: ['misp:mitre-malware'] });
    // The ransomware namesake keeps its own names under a key of its own.
    expect(byKey(entries, 'malware:shark-ransomware')).toMatchObject({ subtype: 'ransomware', aliases: expect.arrayContaining(['Atom']) });
    expect(report.refused.kind).toBe(2); // Aurora = Aurora, and Shark = Shark once the keys differ
  });

  it('still joins a described family and a ransomware list where the seed holds either, or ATT&CK says ransomware', () => {
    const out = mergeCatalogues(
      [e('malware:notpetya', 'NotPetya', ['Petrwrap'], 'seed', { subtype: 'ransomware' })],
      [e('malware:notpetya', 'NotPetya', ['ExPetr'], 'misp:mitre-malware', { subtype: 'malware', description: 'NotPetya is malware.' })],
      [e('malware:petrwrap', 'Petrwrap', ['NotPetya'], 'misp:ransomware', { subtype: 'ransomware' })],
      [e('malware:ekans', 'EKANS', ['Snake'], 'misp:mitre-malware', { subtype: 'ransomware', description: 'EKANS is ransomware.' })],
      [e('malware:snake', 'Snake', ['EKANS'], 'misp:ransomware', { subtype: 'ransomware' })],
    );
    expect(out.map((x) => x.key).sort()).toEqual(['malware:ekans', 'malware:notpetya']);
  });

  it('drops junk aliases from imported entries, never from the seed', () => {
    const { entries, report } = mergeCataloguesWithReport([
      [e('location:united-states', 'United States', ['US', 'U.S.'], 'seed')],
      [e('malware:zeta', 'Zeta', ['Unknown', 'Ransomware', '12', 'ZX', 'Zeta Locker'], 'misp:ransomware')],
      [e('malware:unknown', 'Unknown', [], 'misp:tool')],
    ]);
    expect(byKey(entries, 'location:united-states')!.aliases).toEqual(['US', 'U.S.']);
    expect(byKey(entries, 'malware:zeta')!.aliases).toEqual(['Zeta Locker']);
    expect(byKey(entries, 'malware:unknown')).toBeUndefined();
    expect(report.junkAliases).toBe(4);
    expect(report.junkEntries).toBe(1);
    expect(isJunkAlias('Backdoor', 'malware')).toBe(true);
    expect(isJunkAlias('Windows', 'product')).toBe(false);
    expect(isJunkAlias('Windows', 'malware')).toBe(true);
  });

  it('drops imported aliases that name a seed entity of another type', () => {
    const { entries, report } = mergeCataloguesWithReport([
      [e('location:iran', 'Iran', ['Iranian'], 'seed')],
      [e('actor:kitten-x', 'Kitten X', ['Iran', 'Iranian Kitten'], 'misp:threat-actor')],
    ]);
    expect(byKey(entries, 'actor:kitten-x')!.aliases).toEqual(['Iranian Kitten']);
    expect(report.crossTypeAliases).toBe(1);
  });

  it('gives the seed its words across types: an imported entry named like a seed entity of another type is renamed or dropped', () => {
    const { entries, report } = mergeCataloguesWithReport([
      [e('actor:turla', 'Turla', ['Snake'], 'seed'), e('location:cuba', 'Cuba', [], 'seed'), e('malware:cuba', 'Cuba', [], 'seed')],
      [e('malware:turla', 'Turla', ['Uroburos Rootkit'], 'misp:tool'), e('malware:georgia-x', 'Snake', [], 'misp:tool')],
      [e('malware:cuba-ransomware', 'Cuba Ransomware', ['Cuba'], 'misp:ransomware')],
    ]);
    expect(byKey(entries, 'malware:turla')).toMatchObject({ name: 'Uroburos Rootkit', aliases: [] });
    expect(byKey(entries, 'malware:georgia-x')).toBeUndefined();
    expect(report.crossTypeNames).toBe(2);
    // The seed has Cuba both as a place and as ransomware: the imported ransomware joins the seed's.
    expect(byKey(entries, 'malware:cuba')!.aliases).toContain('Cuba Ransomware');
  });

  it('names a family only a long-tail list knows by its full form when its short name is a plain word', () => {
    const out = mergeCatalogues(
      [e('malware:python', 'Python', ['Python Ransomware'], 'misp:ransomware', { ambiguous: ['Python'], cues: ['ransomware'] })],
      [
        e('malware:royal', 'Royal', ['Royal Ransomware'], 'misp:ransomware', { ambiguous: ['Royal'] }),
        e('malware:royal', 'Royal', ['S1073'], 'misp:mitre-malware'),
      ],
    );
    expect(byKey(out, 'malware:python')).toMatchObject({ name: 'Python Ransomware', aliases: [] });
    expect(byKey(out, 'malware:python')!.ambiguous).toBeUndefined();
    // ATT&CK knows Royal: the short name stays (flagged).
    expect(byKey(out, 'malware:royal')).toMatchObject({ name: 'Royal', ambiguous: ['Royal'] });
  });

  it('leaves an alias claimed by two unjoined entries to one of them', () => {
    const { entries, report } = mergeCataloguesWithReport([
      [e('actor:a', 'Alpha Team', ['Common Crew'], 'seed'), e('actor:b', 'Beta Team', ['Common Crew'], 'seed')],
      [e('actor:c', 'Common Crew', [], 'misp:threat-actor')],
    ]);
    const claimed = entries.filter((x) => [x.name, ...x.aliases].includes('Common Crew'));
    expect(claimed).toHaveLength(1);
    expect(report.aliasConflicts).toBeGreaterThan(0);
  });

  it('merges tens of thousands of entries in linear time', () => {
    const make = (n: number): CatalogueEntry[][] => {
      const lists: CatalogueEntry[][] = [[], [], []];
      for (let i = 0; i < n; i++) {
        lists[0].push(e(`malware:family-${i}`, `Family ${i}`, [`Fam${i}Locker`, `Variant ${i}a`], 'misp:ransomware'));
        lists[1].push(e(`malware:fam${i}locker`, `Fam${i}Locker`, [`S${10000 + i}`, `Variant ${i}b`], 'attack'));
        lists[2].push(e(`actor:group-${i}`, `Group ${i} Panda`, [`Crew ${i}`, `UNC${i}`], 'misp:threat-actor'));
      }
      return lists;
    };
    const best = (lists: CatalogueEntry[][]): number => {
      let min = Infinity;
      for (let k = 0; k < 3; k++)
        min = Math.min(
          min,
          cpuMs(() => mergeCatalogues(...lists)),
        );
      return min;
    };
    const big = make(20000);
    expect(mergeCatalogues(...big)).toHaveLength(40000);
    const small = best(make(2500));
    const large = best(big);
    console.log(`merge: 7,500 entries ${small.toFixed(0)} ms CPU, 60,000 entries ${large.toFixed(0)} ms CPU`);
    // Eight times the entries must cost about eight times the time; a quadratic step would cost 64 times.
    // The bound leaves room for garbage collection and JIT noise, which a timing bound must not trip on
    // (speed itself is the bench's business, not a test's).
    expect(large / small).toBeLessThan(24);
  });
});
