import { describe, expect, it } from 'vitest';
import { compileMatcher, F_NEEDS_CUE } from '../../lib/worker/extract/matcher';
import { findCatalogueEntities } from '../../lib/worker/extract/gazetteer';
import type { CatalogueEntry } from '../../lib/shared/types';

const m = compileMatcher([
  // As MISP's ransomware galaxy lists it, and nobody else.
  {
    key: 'malware:rakhni',
    type: 'malware',
    subtype: 'ransomware',
    name: 'Rakhni',
    aliases: ['Autoit', 'Bandarchor', 'Rakhni Ransomware'],
    sources: ['misp:ransomware'],
  },
  // The same kind of synonym on a family ATT&CK or the seed knows is vouched for.
  { key: 'malware:njrat', type: 'malware', name: 'njRAT', aliases: ['Bladabindi'], sources: ['misp:tool', 'misp:mitre-malware'] },
  { key: 'actor:ta2541', type: 'actor', name: 'TA2541', aliases: ['Vermilion Tempest'], sources: ['misp:threat-actor'] },
] satisfies CatalogueEntry[]);
const names = (t: string) => findCatalogueEntities(t, m).map((x) => x.text);
const needsCue = (alias: string) => (m.termFlags[m.lookup(alias)[0]] & F_NEEDS_CUE) !== 0;

describe('synonyms known only to long-tail MISP lists', () => {
  it('need a malware cue', () => {
    expect(needsCue('Autoit')).toBe(true);
    expect(needsCue('Bandarchor')).toBe(true);
    expect(names('The first file is an AutoIT interpreter that runs the decoded AutoIT script.')).toEqual([]);
    expect(names('Bandarchor ransomware encrypted the files.')).toEqual(['Bandarchor']);
  });
  it('the family’s own name and full form, vouched-for synonyms and actor synonyms do not', () => {
    for (const a of ['Rakhni', 'Rakhni Ransomware', 'Bladabindi', 'Vermilion Tempest']) expect(needsCue(a), a).toBe(false);
    expect(names('Rakhni spread again; Bladabindi too, says Vermilion Tempest report.')).toEqual([
      'Rakhni',
      'Bladabindi',
      'Vermilion Tempest',
    ]);
  });
});
