import { describe, it, expect } from 'vitest';
import { findAbbreviations } from '../../lib/worker/extract/abbreviations';
import { extractEntities } from '../../lib/worker/extract/entities';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import type { EntityMatch } from '../../lib/shared/types';

const actor = (text: string, name: string, key: string): EntityMatch => {
  const start = text.indexOf(name);
  return { type: 'actor', start, end: start + name.length, text: name, key, name };
};

describe('short forms the text gives a name', () => {
  it('an abbreviation in brackets after an actor is that actor wherever the text writes it afterwards', () => {
    const t = 'We attributed 14 campaigns to the Golden Chickens (GC) threat actors. Later GC campaigns used the Provider; GCs did not.';
    const found = findAbbreviations(t, [actor(t, 'Golden Chickens', 'actor:golden-chickens')]);
    expect(found.map((m) => [m.text, m.start, m.key, m.why?.rule])).toEqual([
      ['GC', t.indexOf('GC'), 'actor:golden-chickens', 'abbreviation'],
      ['GC', t.indexOf('GC campaigns'), 'actor:golden-chickens', 'abbreviation'],
    ]);
  });

  it('only the capitals of the name, and not before the text gives them', () => {
    const t = 'GC said so. The Lazarus Group (see 1) and Golden Chickens (APT) and Turla (Russia) were seen.';
    const ents = [actor(t, 'Lazarus Group', 'actor:lazarus'), actor(t, 'Golden Chickens', 'actor:gc'), actor(t, 'Turla', 'actor:turla')];
    expect(findAbbreviations(t, ents)).toEqual([]);
  });

  it('works inside the whole extraction, beside names the text found itself', () => {
    const m = compileMatcher([{ key: 'malware:cobalt-strike', type: 'malware', name: 'Cobalt Strike', aliases: [], sources: ['test'] }]);
    const t = 'The actor deployed Cobalt Strike (CS) beacons. Each CS beacon called home.';
    const cs = extractEntities(t, m).filter((x) => x.key === 'malware:cobalt-strike');
    expect(cs.map((x) => x.text)).toEqual(['Cobalt Strike', 'CS', 'CS']);
  });
});
