import { describe, expect, test } from 'vitest';
import { SPY_IDS, knownSpy } from '../../lib/worker/extract/incidents/actor-aims';
import { ACTORS } from '../../lib/worker/knowledge/seed/actors';

describe('actors known for spying', () => {
  test("the list is the seed's actors whose motivation is espionage", () => {
    const seed = ACTORS.filter((a) => a.meta?.motivation === 'espionage').map((a) => a.id);
    expect(SPY_IDS.split(' ').sort()).toEqual(seed.sort());
  });

  test('keys as the matcher gives them', () => {
    expect(knownSpy('actor:apt28')).toBe(true);
    expect(knownSpy('actor:lazarus-group')).toBe(true);
    expect(knownSpy('apt28')).toBe(false);
    expect(knownSpy('actor:fin7')).toBe(false);
  });
});
