import { describe, it, expect } from 'vitest';
import { INCIDENT_TYPES, type EntityType } from '../../lib/shared/types';
import type { SeedRow } from '../../lib/worker/knowledge/seed/row';
import { SEED_ROWS } from '../../lib/worker/knowledge/seed/data';
import { NOT_IN_SEED } from '../../lib/worker/analysis/service';
import { ACTORS } from '../../lib/worker/knowledge/seed/actors';
import { MALWARE_ROWS } from '../../lib/worker/knowledge/seed/malware';
import { VENDORS } from '../../lib/worker/knowledge/seed/vendors';
import { PRODUCTS } from '../../lib/worker/knowledge/seed/products';
import { ORGANIZATIONS } from '../../lib/worker/knowledge/seed/organizations';
import { ATTACKS } from '../../lib/worker/knowledge/seed/attacks';
import { VULNERABILITIES } from '../../lib/worker/knowledge/seed/vulnerabilities';
import { foldString } from '../../lib/worker/extract/matcher/fold';
import { COMMON_WORDS } from '../../lib/worker/extract/matcher/words/common-words';

// The seed files this test owns; places have their own test (places.test.ts).
const FILES: { type: EntityType; rows: SeedRow[]; min: number }[] = [
  { type: 'actor', rows: ACTORS, min: 150 },
  { type: 'malware', rows: MALWARE_ROWS, min: 200 },
  { type: 'vendor', rows: VENDORS, min: 100 },
  { type: 'product', rows: PRODUCTS, min: 150 },
  { type: 'organization', rows: ORGANIZATIONS, min: 150 },
  { type: 'attack', rows: ATTACKS, min: 60 },
  { type: 'vulnerability', rows: VULNERABILITIES, min: 35 },
];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const names = (r: SeedRow): string[] => [r.name, ...(r.aliases ?? [])];
const byId = (rows: SeedRow[], id: string): SeedRow => {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};
const has = (row: SeedRow, alias: string): boolean => names(row).map(foldString).includes(foldString(alias));

/** Folded name → the ids that use it, across the given rows (prefixed by type). */
function owners(groups: { type: string; rows: SeedRow[] }[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const { type, rows } of groups)
    for (const r of rows)
      for (const n of names(r)) {
        const k = foldString(n);
        if (!map.has(k)) map.set(k, new Set());
        map.get(k)!.add(`${type}:${r.id}`);
      }
  return map;
}
const shared = (m: Map<string, Set<string>>): string[] =>
  [...m].filter(([, ids]) => ids.size > 1).map(([k, ids]) => `${k} → ${[...ids].join(', ')}`);

describe('seed data: shape', () => {
  it('has several hundred rows, with a floor per file', () => {
    for (const f of FILES) expect(f.rows.length, f.type).toBeGreaterThanOrEqual(f.min);
    const total = FILES.reduce((n, f) => n + f.rows.length, 0);
    expect(total).toBeGreaterThan(900);
  });

  it('holds none of the types the card facts do not look for in it', () => {
    for (const t of NOT_IN_SEED) expect(SEED_ROWS.filter((g) => g.type === t)).toEqual([]);
  });

  it('lists every file in SEED_ROWS under its type', () => {
    for (const f of FILES) {
      const group = SEED_ROWS.find((g) => g.type === f.type);
      expect(group?.rows, f.type).toBe(f.rows);
    }
  });

  it('uses slug ids, unique per type', () => {
    for (const f of FILES) {
      const bad = f.rows.filter((r) => !SLUG.test(r.id)).map((r) => r.id);
      expect(bad, f.type).toEqual([]);
      const seen = new Set<string>();
      const dups = f.rows.filter((r) => (seen.has(r.id) ? true : (seen.add(r.id), false))).map((r) => r.id);
      expect(dups, f.type).toEqual([]);
    }
  });

  it('gives every row a clean name and a short description of its own', () => {
    for (const f of FILES)
      for (const r of f.rows) {
        expect(r.name.trim(), r.id).toBe(r.name);
        expect(r.name.length, r.id).toBeGreaterThan(1);
        expect(r.description, r.id).toBeTruthy();
        expect(r.description!.length, r.id).toBeLessThanOrEqual(160);
        for (const a of r.aliases ?? []) expect(a.trim().length, `${r.id} alias`).toBeGreaterThan(0);
      }
  });

  it('repeats no name within a row (as the matcher folds them)', () => {
    const repeated: string[] = [];
    for (const f of FILES)
      for (const r of f.rows) {
        const folded = names(r).map(foldString);
        if (new Set(folded).size !== folded.length) repeated.push(`${f.type}:${r.id}`);
      }
    expect(repeated).toEqual([]);
  });

  it('gives malware a subtype and nothing else one', () => {
    for (const f of FILES)
      for (const r of f.rows) {
        if (f.type === 'malware') expect(['ransomware', 'malware', 'tool'], r.id).toContain(r.subtype);
        else expect(r.subtype, r.id).toBeUndefined();
      }
    const count = (s: string) => MALWARE_ROWS.filter((r) => r.subtype === s).length;
    expect(count('ransomware')).toBeGreaterThanOrEqual(60);
    expect(count('malware')).toBeGreaterThanOrEqual(120);
    expect(count('tool')).toBeGreaterThanOrEqual(30);
  });
});

describe('seed data: ambiguity and collisions', () => {
  it('lists only the row’s own names as ambiguous', () => {
    for (const f of FILES)
      for (const r of f.rows) for (const a of r.ambiguous ?? []) expect(has(r, a), `${f.type}:${r.id} ${a}`).toBe(true);
  });

  it('gives cues only where there is something ambiguous', () => {
    for (const f of FILES) for (const r of f.rows) if (r.cues) expect(r.ambiguous?.length, `${f.type}:${r.id}`).toBeGreaterThan(0);
  });

  it('never gives one name to two entities of the same type', () => {
    for (const f of FILES) expect(shared(owners([f])), f.type).toEqual([]);
  });

  it('keeps companies in one place: no name shared by a vendor, a product and an organisation', () => {
    const groups = FILES.filter((f) => ['vendor', 'product', 'organization'].includes(f.type));
    expect(shared(owners(groups))).toEqual([]);
  });

  it('shares a name between actor and malware only where one side needs a cue for it', () => {
    // "Winnti" is the group unless "backdoor" is near; "Snake" needs a cue either way.
    const m = owners(FILES.filter((f) => f.type === 'actor' || f.type === 'malware'));
    const rows = new Map<string, SeedRow>(FILES.flatMap((f) => f.rows.map((r): [string, SeedRow] => [`${f.type}:${r.id}`, r])));
    const undecided: string[] = [];
    for (const [k, ids] of m) {
      if (ids.size < 2) continue;
      const flagged = [...ids].filter((id) => (rows.get(id)!.ambiguous ?? []).map(foldString).includes(k));
      if (flagged.length === 0) undecided.push(`${k} → ${[...ids].join(', ')}`);
    }
    expect(undecided).toEqual([]);
  });

  it('flags every single ordinary English word among entity names (attack terms are words by nature)', () => {
    const words = new Set(COMMON_WORDS.split(' '));
    const unflagged: string[] = [];
    for (const f of FILES) {
      if (f.type === 'attack') continue;
      for (const r of f.rows) {
        const amb = new Set((r.ambiguous ?? []).map(foldString));
        for (const n of names(r)) if (words.has(foldString(n)) && !amb.has(foldString(n))) unflagged.push(`${r.id}:${n}`);
      }
    }
    expect(unflagged).toEqual([]);
  });

  it('keys vulnerabilities by their CVE id, named by it, with at least one nickname', () => {
    for (const r of VULNERABILITIES) {
      expect(r.name, r.id).toMatch(/^CVE-\d{4}-\d{4,}$/);
      expect(r.id, r.name).toBe(r.name.toLowerCase());
      expect(r.aliases?.length, r.id).toBeGreaterThan(0);
    }
    expect(byId(VULNERABILITIES, 'cve-2021-44228').aliases).toContain('Log4Shell');
    expect(byId(VULNERABILITIES, 'cve-2017-5754').ambiguous).toEqual(['Meltdown']);
  });

  it('marks the names the issue calls out as needing a cue', () => {
    expect(byId(MALWARE_ROWS, 'play').ambiguous).toContain('Play');
    expect(byId(MALWARE_ROWS, 'royal').ambiguous).toContain('Royal');
    expect(byId(MALWARE_ROWS, 'cuba').ambiguous).toContain('Cuba');
    expect(byId(PRODUCTS, 'microsoft-edge').ambiguous).toContain('Edge');
    expect(byId(PRODUCTS, 'microsoft-office').ambiguous).toContain('Office');
    expect(byId(PRODUCTS, 'microsoft-teams').ambiguous).toContain('Teams');
    expect(byId(VENDORS, 'apple').ambiguous).toContain('Apple');
    // vendor-qualified forms stay unambiguous
    expect(byId(PRODUCTS, 'microsoft-edge').ambiguous).not.toContain('Microsoft Edge');
  });
});

describe('seed data: references between rows', () => {
  const placeIds = new Set(SEED_ROWS.find((g) => g.type === 'location')?.rows.map((r) => r.id) ?? []);

  it('attributes countries with location ids that exist', () => {
    expect(placeIds.size).toBeGreaterThan(100);
    for (const r of ACTORS) if (r.country) expect(placeIds.has(r.country), `${r.id} → ${r.country}`).toBe(true);
    for (const r of ORGANIZATIONS) {
      const c = r.meta?.country;
      if (typeof c === 'string') expect(placeIds.has(c), `${r.id} → ${c}`).toBe(true);
    }
  });

  it('links every product to a vendor that exists', () => {
    const vendors = new Set(VENDORS.map((v) => v.id));
    const linked = PRODUCTS.filter((p) => p.meta?.vendor !== undefined);
    expect(linked.length).toBeGreaterThan(150);
    for (const p of linked) expect(vendors.has(p.meta!.vendor as string), `${p.id} → ${String(p.meta!.vendor)}`).toBe(true);
  });

  it('maps attack terms to incident types of the contract', () => {
    const mapped = ATTACKS.filter((a) => a.meta?.incidentType !== undefined);
    expect(mapped.length).toBeGreaterThan(50);
    for (const a of mapped) expect(INCIDENT_TYPES, a.id).toContain(a.meta!.incidentType);
    // every incident type but the editorial ones (patch, disclosure) is reachable from some attack term
    const reached = new Set(mapped.map((a) => a.meta!.incidentType));
    for (const t of INCIDENT_TYPES) if (t !== 'patch' && t !== 'vulnerability-disclosure') expect(reached.has(t), t).toBe(true);
  });

  it('gives each ATT&CK group id to one actor, listed among its aliases', () => {
    const seen = new Map<string, string>();
    for (const r of ACTORS) {
      const g = r.meta?.mitreId;
      if (g === undefined) continue;
      expect(g, r.id).toMatch(/^G\d{4}$/);
      expect(r.aliases, r.id).toContain(g);
      expect(seen.get(g as string), `${g} on ${r.id}`).toBeUndefined();
      seen.set(g as string, r.id);
    }
    expect(seen.size).toBeGreaterThan(80);
  });
});

describe('seed data: facts', () => {
  it('knows APT28 by its vendor names and as Russian', () => {
    const r = byId(ACTORS, 'apt28');
    for (const a of ['Fancy Bear', 'Forest Blizzard', 'Sednit', 'STRONTIUM', 'Sofacy', 'Pawn Storm', 'G0007', 'UAC-0028'])
      expect(has(r, a), a).toBe(true);
    expect(r.country).toBe('russia');
  });

  it('knows the other headline state groups', () => {
    const check = (id: string, aliases: string[], country?: string) => {
      const r = byId(ACTORS, id);
      for (const a of aliases) expect(has(r, a), `${id}: ${a}`).toBe(true);
      expect(r.country, id).toBe(country);
    };
    check('apt29', ['Cozy Bear', 'Midnight Blizzard', 'NOBELIUM', 'The Dukes', 'G0016'], 'russia');
    check('sandworm', ['Seashell Blizzard', 'Voodoo Bear', 'APT44'], 'russia');
    check('turla', ['Snake', 'Venomous Bear', 'Secret Blizzard'], 'russia');
    check('lazarus-group', ['Hidden Cobra', 'Diamond Sleet'], 'north-korea');
    check('apt38', ['BlueNoroff'], 'north-korea');
    check('kimsuky', ['Emerald Sleet', 'Velvet Chollima'], 'north-korea');
    check('apt41', ['Wicked Panda', 'Brass Typhoon'], 'china');
    check('volt-typhoon', ['Vanguard Panda', 'BRONZE SILHOUETTE'], 'china');
    check('salt-typhoon', ['GhostEmperor', 'Earth Estries'], 'china');
    check('apt35', ['APT35', 'Mint Sandstorm', 'TA453'], 'iran');
    check('muddywater', ['Mango Sandstorm', 'Static Kitten'], 'iran');
    check('oilrig', ['APT34', 'Hazel Sandstorm'], 'iran');
    check('scattered-spider', ['UNC3944', 'Octo Tempest', '0ktapus'], undefined);
    check('star-blizzard', ['COLDRIVER', 'SEABORGIUM'], 'russia');
  });

  it('knows ransomware from malware from tools', () => {
    const sub = (id: string) => byId(MALWARE_ROWS, id).subtype;
    expect(sub('lockbit')).toBe('ransomware');
    expect(sub('blackcat')).toBe('ransomware');
    expect(has(byId(MALWARE_ROWS, 'blackcat'), 'ALPHV')).toBe(true);
    expect(has(byId(MALWARE_ROWS, 'revil'), 'Sodinokibi')).toBe(true);
    expect(has(byId(MALWARE_ROWS, 'qilin'), 'Agenda')).toBe(true);
    expect(sub('emotet')).toBe('malware');
    expect(has(byId(MALWARE_ROWS, 'qakbot'), 'Qbot')).toBe(true);
    expect(sub('cobalt-strike')).toBe('tool');
    expect(sub('mimikatz')).toBe('tool');
  });

  it('ties products to their makers', () => {
    expect(byId(PRODUCTS, 'citrix-netscaler-adc').meta?.vendor).toBe('citrix');
    expect(byId(PRODUCTS, 'moveit-transfer').meta?.vendor).toBe('progress-software');
    expect(byId(PRODUCTS, 'pan-os').meta?.vendor).toBe('palo-alto-networks');
    expect(byId(PRODUCTS, 'fortios').meta?.vendor).toBe('fortinet');
    expect(has(byId(PRODUCTS, 'screenconnect'), 'ConnectWise ScreenConnect')).toBe(true);
  });

  it('names the organisations of the seed article and the usual agencies', () => {
    expect(has(byId(ORGANIZATIONS, 'international-criminal-court'), 'ICC')).toBe(true);
    expect(byId(ORGANIZATIONS, 'gru').meta?.country).toBe('russia');
    expect(has(byId(ORGANIZATIONS, 'cisa'), 'Cybersecurity and Infrastructure Security Agency')).toBe(true);
    expect(byId(ORGANIZATIONS, 'who').ambiguous).toContain('WHO');
    // A company the news names as a victim and as a phishing lure (the CASIE reports name it 16 times).
    expect(byId(ORGANIZATIONS, 'netflix').name).toBe('Netflix');
  });

  it('maps attack terms to the incident they imply', () => {
    expect(byId(ATTACKS, 'ddos').meta?.incidentType).toBe('ddos');
    expect(has(byId(ATTACKS, 'ddos'), 'distributed denial-of-service')).toBe(true);
    expect(byId(ATTACKS, 'spear-phishing').meta?.incidentType).toBe('phishing');
    expect(byId(ATTACKS, 'business-email-compromise').meta?.incidentType).toBe('fraud');
    expect(byId(ATTACKS, 'supply-chain-attack').meta?.incidentType).toBe('supply-chain');
    expect(byId(ATTACKS, 'password-spraying').meta?.incidentType).toBeUndefined();
  });
});
