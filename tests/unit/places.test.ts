import { describe, expect, it } from 'vitest';
import { placeRows } from '../../lib/worker/knowledge/seed/places';
import { placeKey, placeKeyByIso, placeKeyByName } from '../../lib/worker/knowledge/places-index';

const byId = new Map(placeRows().map((r) => [r.id, r]));
const countries = placeRows().filter((r) => r.meta?.kind === 'country');

describe('seed places', () => {
  it('has unique slug ids', () => {
    expect(byId.size).toBe(placeRows().length);
    for (const r of placeRows()) expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('lists every country once with its ISO alpha-2 code', () => {
    expect(countries.length).toBeGreaterThanOrEqual(245);
    const isos = countries.map((r) => r.meta?.iso);
    expect(new Set(isos).size).toBe(isos.length);
    for (const iso of isos) expect(iso).toMatch(/^[A-Z]{2}$/);
    expect(byId.get('russia')?.meta?.iso).toBe('RU');
    expect(byId.get('north-korea')?.meta?.iso).toBe('KP');
    expect(byId.get('united-kingdom')?.meta?.iso).toBe('GB');
  });

  it('never makes an ISO code an alias, apart from the short forms news really uses (flagged ambiguous)', () => {
    const allowed = new Set(['US', 'UK']);
    for (const r of countries) {
      const iso = r.meta?.iso as string;
      if (allowed.has(iso)) {
        expect(r.aliases).toContain(iso);
        expect(r.ambiguous).toContain(iso);
      } else {
        expect(r.aliases ?? []).not.toContain(iso);
      }
    }
  });

  it('has regions and cities often in the news', () => {
    const cities = placeRows().filter((r) => r.meta?.kind === 'city');
    expect(cities.length).toBeGreaterThanOrEqual(120);
    for (const id of ['the-hague', 'moscow', 'beijing', 'kyiv', 'tehran', 'pyongyang', 'london', 'brussels', 'washington-dc'])
      expect(byId.has(id), id).toBe(true);
    expect(byId.get('kyiv')?.aliases).toContain('Kiev');
    for (const id of ['europe', 'middle-east', 'asia-pacific', 'latin-america', 'european-union', 'southeast-asia'])
      expect(byId.has(id), id).toBe(true);
  });

  it('points every city and subdivision at a country that exists', () => {
    for (const r of placeRows()) {
      if (r.country) expect(byId.get(r.country)?.meta?.kind, `${r.id} → ${r.country}`).toBe('country');
    }
    expect(byId.get('the-hague')?.country).toBe('netherlands');
  });

  it('gives one place per name: no alias is claimed by two places', () => {
    const seen = new Map<string, string>();
    for (const r of placeRows()) {
      for (const n of [r.name, ...(r.aliases ?? [])]) {
        const k = n.toLowerCase();
        expect(seen.get(k) ?? r.id, `"${n}" in ${r.id} and ${seen.get(k)}`).toBe(r.id);
        seen.set(k, r.id);
      }
    }
  });

  it('flags names that are ordinary words or other things, with cues', () => {
    for (const [id, alias] of [
      ['georgia', 'Georgia'],
      ['jordan', 'Jordan'],
      ['chad', 'Chad'],
      ['turkey', 'Turkey'],
      ['cuba', 'Cuba'],
      ['niger', 'Niger'],
      ['guinea', 'Guinea'],
      ['poland', 'Polish'],
    ]) {
      const r = byId.get(id)!;
      expect(r.ambiguous, id).toContain(alias);
      expect(r.cues?.length, id).toBeGreaterThan(0);
    }
    for (const r of placeRows()) {
      for (const a of r.ambiguous ?? []) expect([r.name, ...(r.aliases ?? [])], `${r.id}: ${a}`).toContain(a);
    }
    // Plain, unambiguous countries carry no flag.
    expect(byId.get('russia')?.ambiguous).toBeUndefined();
  });
});

describe('place lookups', () => {
  it('finds countries by ISO code, name, alias and demonym', () => {
    expect(placeKeyByIso('ru')).toBe('location:russia');
    expect(placeKeyByIso('GB')).toBe('location:united-kingdom');
    expect(placeKeyByName('Russian Federation')).toBe('location:russia');
    expect(placeKeyByName('Russian')).toBe('location:russia');
    expect(placeKeyByName('Dutch')).toBe('location:netherlands');
    expect(placeKeyByName('Chinese')).toBe('location:china');
    expect(placeKeyByName('Iranian')).toBe('location:iran');
    expect(placeKeyByName('North Korean')).toBe('location:north-korea');
    expect(placeKeyByName('Ukrainian')).toBe('location:ukraine');
    expect(placeKeyByName('British')).toBe('location:united-kingdom');
    expect(placeKeyByName('American')).toBe('location:united-states');
    expect(placeKeyByName('U.S.')).toBe('location:united-states');
    expect(placeKeyByName('Republic of Korea')).toBe('location:south-korea');
    expect(placeKeyByName('DPRK')).toBe('location:north-korea');
    expect(placeKeyByName('Great Britain')).toBe('location:united-kingdom');
    expect(placeKeyByName('Kiev')).toBe('location:kyiv');
  });

  it('reads two letters as an ISO code and anything else as a name', () => {
    expect(placeKey('CN')).toBe('location:china');
    expect(placeKey('China')).toBe('location:china');
    expect(placeKey('Atlantis')).toBeUndefined();
  });
});

describe('placeRows', () => {
  it('builds the rows once and hands out the same array (the seed groups hold it by identity)', () => {
    expect(placeRows()).toBe(placeRows());
    expect(placeRows().length).toBeGreaterThan(200);
  });
});
