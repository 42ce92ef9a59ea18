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

describe('names that are labels or apps rather than a family’s name', () => {
  const mm = compileMatcher([
    // NETEAGLE's variants as MISP's tool galaxy writes them: in lower case.
    {
      key: 'malware:neteagle',
      type: 'malware',
      name: 'NETEAGLE',
      aliases: ['scout', 'norton'],
      sources: ['misp:tool', 'misp:mitre-malware'],
    },
    // ATT&CK's spyware named after the app it imitates.
    { key: 'malware:tiktok-pro', type: 'malware', name: 'Tiktok Pro', aliases: [], sources: ['misp:mitre-malware'] },
    { key: 'product:tiktok', type: 'product', name: 'TikTok', aliases: [], sources: ['seed'] },
    { key: 'malware:agent-smith', type: 'malware', name: 'Agent Smith', aliases: [], sources: ['misp:mitre-malware'] },
  ] satisfies CatalogueEntry[]);
  const found = (t: string) => findCatalogueEntities(t, mm).map((x) => `${x.type}:${x.text}`);
  const cue = (alias: string) => (mm.termFlags[mm.lookup(alias)[0]] & F_NEEDS_CUE) !== 0;

  it('need the kind said near them', () => {
    expect(cue('norton')).toBe(true);
    expect(cue('Tiktok Pro')).toBe(true);
    expect(found('Install a security app, such as SEP Mobile or Norton, to protect yourself.')).toEqual([]);
    expect(found('In the case of this spyware, search for an app named TikTok Pro.')).toEqual(['product:TikTok']);
    expect(found('The Norton backdoor, a NETEAGLE variant, beacons daily.')).toEqual(['malware:Norton', 'malware:NETEAGLE']);
    expect(found('The Tiktok Pro spyware steals SMS.')).toEqual(['malware:Tiktok Pro']);
  });
  it('a capitalised name of ordinary words with no product in it is left as it was', () => {
    expect(cue('NETEAGLE')).toBe(false);
    expect(found('Agent Smith replaced installed apps.')).toEqual(['malware:Agent Smith']);
  });
});
