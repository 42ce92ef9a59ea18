import { describe, expect, test } from 'vitest';
import { namesMeet, victimNames } from '../../scripts/eval/victim-match';

describe('eval victim matching (scripts/eval/victim-match.ts)', () => {
  test('names meet as whole words either way, after determiners, possessives and legal forms', () => {
    expect(namesMeet(['Uber'], ['the Uber database'])).toBe(true);
    expect(namesMeet(['Larson Studios, Inc.'], ['Larson Studios'])).toBe(true);
    expect(namesMeet(['Android users'], ['Android users'])).toBe(true);
    expect(namesMeet(['Uber'], ['Ubertool'])).toBe(false);
    expect(namesMeet(['Apple'], ['third-party services'])).toBe(false);
  });

  test('a place meets a longer label only as its last words or possessive', () => {
    expect(namesMeet(['Atlanta'], ['the city of Atlanta'], { place: true })).toBe(true);
    expect(namesMeet(['Baltimore'], ["Baltimore's 911 system"], { place: true })).toBe(true);
    expect(namesMeet(['London'], ['central London university'], { place: true })).toBe(false);
  });

  test('our side carries the acronym the text defines for the victim, and the name it defines for an acronym', () => {
    const text = 'E-Sports Entertainment Association (ESEA) was hacked. The Onslow Water and Sewer Authority (ONWASA) was hit too.';
    const esea = victimNames(text, { key: 'organization:esea', name: 'E-Sports Entertainment Association', start: 0, end: 34 }, []);
    expect(esea.names).toContain('ESEA');
    expect(namesMeet(esea.names, ['ESEA'])).toBe(true);
    const onwasa = victimNames(text, { key: 'organization:onwasa', name: 'ONWASA' }, []);
    expect(namesMeet(onwasa.names, ['Onslow Water and Sewer Authority'])).toBe(true);
    // Nothing defined, nothing added: a name does not meet an unrelated acronym.
    const other = victimNames(text, { key: 'organization:acme', name: 'Acme' }, []);
    expect(other.names).toEqual(['Acme']);
  });

  test('an acronym meets the name whose capitalised words it spells, either way, and nothing shorter', () => {
    expect(namesMeet(['Chicago Public Schools'], ['CPS'])).toBe(true);
    expect(namesMeet(['ECMC'], ['the Erie County Medical Center'])).toBe(true);
    expect(namesMeet(['Chicago Public Schools'], ['CPD'])).toBe(false);
    // Two capitalised words are too few to tell an acronym from chance; a place is no acronym's name.
    expect(namesMeet(['Bank of America'], ['BOA'])).toBe(false);
    expect(namesMeet(['New York City'], ['NYC'], { place: true })).toBe(false);
  });
});
