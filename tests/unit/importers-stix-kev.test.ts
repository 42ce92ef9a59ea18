import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAttackStix } from '../../lib/worker/knowledge/importers/attack-stix';
import { importKev, kevProducts, kevVendors } from '../../lib/worker/knowledge/importers/kev';
import type { CatalogueEntry } from '../../lib/shared/types';

const FIXTURES = resolve(process.cwd(), '../shared/fixtures');
const read = (p: string): unknown => JSON.parse(readFileSync(resolve(FIXTURES, p), 'utf8'));
const find = (entries: CatalogueEntry[], key: string): CatalogueEntry => {
  const e = entries.find((x) => x.key === key);
  if (!e) throw new Error(`no ${key}`);
  return e;
};

describe('ATT&CK STIX importer', () => {
  const bundle = read('stix/attack/ics-attack-18.1.json') as { objects: Record<string, unknown>[] };

  it('reads the ICS bundle: groups, software and techniques, without revoked or deprecated objects', () => {
    const r = importAttackStix(bundle);
    expect(r.skipped).toBe(0);
    const live = (t: string) => bundle.objects.filter((o) => o.type === t && !o.revoked && !o.x_mitre_deprecated).length;
    expect(r.entries.filter((e) => e.type === 'actor').length).toBe(live('intrusion-set'));
    expect(r.entries.filter((e) => e.type === 'technique').length).toBe(live('attack-pattern'));
    expect(r.entries.filter((e) => e.type === 'malware').length).toBe(live('malware') + live('tool'));
    expect(r.entries.length + r.ignored).toBe(bundle.objects.length);
    const gone = new Set(bundle.objects.filter((o) => o.revoked || o.x_mitre_deprecated).map((o) => o.id));
    expect(gone.size).toBe(39);
    for (const e of r.entries) expect(gone.has(e.meta?.stixId as string)).toBe(false);
  });

  it('keeps aliases and the ATT&CK id', () => {
    const r = importAttackStix(bundle);
    const dragonfly = find(r.entries, 'actor:dragonfly');
    expect(dragonfly.aliases).toEqual(expect.arrayContaining(['Berserk Bear', 'Energetic Bear', 'G0035']));
    expect(dragonfly.aliases).not.toContain('Dragonfly');
    expect(dragonfly.meta?.mitreId).toBe('G0035');
    expect(dragonfly.sources).toEqual(['attack']);
    const ekans = find(r.entries, 'malware:ekans');
    expect(ekans).toMatchObject({ subtype: 'ransomware', meta: { mitreId: 'S0605' } });
    expect(ekans.aliases).toContain('SNAKEHOSE');
    const t = find(r.entries, 'technique:t0817');
    expect(t).toMatchObject({ name: 'Drive-by Compromise', aliases: ['T0817'] });
    expect(t.refs?.[0]).toBe('https://attack.mitre.org/techniques/T0817');
  });

  it('accepts a bare array of STIX objects', () => {
    const r = importAttackStix(read('stix/attack/sample_3.3.0_stix-detection-strategy.json'));
    expect(r.entries.map((e) => e.type)).toEqual(['technique']);
    expect(r.ignored).toBe(12);
  });

  it('skips and counts malformed objects', () => {
    const objects = [
      ...bundle.objects.slice(0, 200),
      null,
      { type: 'malware' },
      { type: 'malware', id: 'malware--x' },
      { type: 'intrusion-set', id: 'i--1', name: 42 },
    ];
    const r = importAttackStix({ type: 'bundle', id: 'bundle--1', objects });
    expect(r.skipped).toBe(4);
    expect(r.entries.length + r.ignored).toBe(200);
    expect(() => importAttackStix({ type: 'report' })).toThrow(/not a STIX/);
    expect(() => importAttackStix([1, 2])).toThrow(TypeError);
  });
});

describe('CISA KEV importer', () => {
  const kev = read('kev/known_exploited_vulnerabilities.json') as { vulnerabilities: unknown[] };
  const r = importKev(kev);

  it('makes one vulnerability per row, keyed on the CVE id', () => {
    expect(r.skipped).toBe(0);
    const vulns = r.entries.filter((e) => e.type === 'vulnerability');
    expect(vulns.length).toBe(1404);
    expect(new Set(vulns.map((e) => e.key)).size).toBe(1404);
    const v = find(r.entries, 'vulnerability:cve-2023-4966');
    expect(v.name).toBe('CVE-2023-4966');
    expect(v.aliases).toEqual([]);
    expect(v.meta).toMatchObject({
      vendor: 'Citrix',
      product: 'NetScaler ADC and NetScaler Gateway',
      ransomware: true,
      kevAdded: '2023-10-18',
      dueDate: '2023-11-08',
      cwes: ['CWE-119'],
      vendorKey: 'vendor:citrix',
      productKeys: ['product:citrix-netscaler-adc', 'product:citrix-netscaler-gateway'],
    });
    expect(v.description).toMatch(/^Citrix NetScaler ADC and NetScaler Gateway contain a buffer overflow/);
    expect(v.refs).toContain('https://nvd.nist.gov/vuln/detail/CVE-2023-4966');
    expect(vulns.filter((e) => e.meta?.ransomware === true).length).toBe(293);
  });

  it('makes vendors, one per company whatever the spelling', () => {
    const vendors = r.entries.filter((e) => e.type === 'vendor');
    expect(find(r.entries, 'vendor:qnap').aliases).toContain('QNAP Systems');
    expect(find(r.entries, 'vendor:php').aliases).toContain('PHP Group');
    expect(find(r.entries, 'vendor:microsoft').name).toBe('Microsoft');
    expect(vendors.some((e) => /^multiple|npm package/i.test(e.name))).toBe(false);
    expect(kevVendors('D-Link and TRENDnet').map((x) => x.key)).toEqual(['vendor:d-link', 'vendor:trendnet']);
    expect(kevVendors('Hewlett Packard (HP)')[0]).toMatchObject({ key: 'vendor:hewlett-packard', aliases: ['HP'] });
    expect(kevVendors('Array Networks ')[0].name).toBe('Array Networks');
  });

  it('makes products: lists split, generic names qualified, junk left out', () => {
    const products = r.entries.filter((e) => e.type === 'product');
    expect(products.some((e) => /^multiple\b/i.test(e.name))).toBe(false);
    expect(find(r.entries, 'product:citrix-netscaler-adc')).toMatchObject({ name: 'NetScaler ADC', meta: { vendor: 'Citrix' } });
    expect(find(r.entries, 'product:apple-ipados').name).toBe('iPadOS');
    expect(find(r.entries, 'product:linux-kernel').name).toBe('Linux Kernel');
    expect(find(r.entries, 'product:microsoft-windows')).toMatchObject({ name: 'Microsoft Windows' });
    expect(find(r.entries, 'product:microsoft-windows').aliases).toContain('Windows');
    const vendor = kevVendors('Cisco')[0];
    expect(kevProducts('Adaptive Security Appliance (ASA) and Firepower Threat Defense (FTD)', vendor).map((p) => p.name)).toEqual([
      'Adaptive Security Appliance',
      'Firepower Threat Defense',
    ]);
    expect(kevProducts('Adaptive Security Appliance (ASA)', vendor)[0]).toMatchObject({
      aliases: expect.arrayContaining(['Cisco ASA', 'ASA']),
      ambiguous: ['ASA'],
    });
    // Lists of plain words are not split into words.
    expect(kevProducts('Backup and Replication', kevVendors('NAKIVO')[0]).map((p) => p.name)).toEqual(['Backup and Replication']);
    expect(kevProducts('Multiple Products', vendor)).toEqual([]);
  });

  it('skips and counts bad rows', () => {
    const rows = [...kev.vulnerabilities.slice(0, 20), null, { cveID: 'not-a-cve' }, { vendorProject: 'X' }, { cveID: 5 }];
    const small = importKev({ catalogVersion: 'x', vulnerabilities: rows });
    expect(small.skipped).toBe(4);
    expect(small.entries.filter((e) => e.type === 'vulnerability').length).toBe(20);
    expect(() => importKev({ vulnerabilities: [] })).toThrow(/not the CISA KEV catalogue/);
  });
});
