import { describe, expect, it } from 'vitest';
import { compileMatcher, F_NEEDS_CUE } from '../../lib/worker/extract/matcher';
import { findCatalogueEntities } from '../../lib/worker/extract/gazetteer';
import type { CatalogueEntry } from '../../lib/shared/types';

const m = compileMatcher([
  { key: 'malware:encrypt', type: 'malware', subtype: 'ransomware', name: 'EnCrypt', aliases: [], sources: ['misp:ransomware'] },
  { key: 'malware:emotet', type: 'malware', name: 'Emotet', aliases: [], sources: ['test'] },
] satisfies CatalogueEntry[]);
const names = (t: string) => findCatalogueEntities(t, m).map((x) => x.text);

describe('a name that is an ordinary verb’s bare form', () => {
  it('needs a cue ("encrypted" is an ordinary word, so "encrypt" is one too)', () => {
    expect(m.termFlags[m.lookup('EnCrypt')[0]] & F_NEEDS_CUE).toBe(F_NEEDS_CUE);
    expect(names('Encrypt the communication between the victim and the server. Let’s Encrypt Authority X3')).toEqual([]);
  });
  it('counts with one', () => {
    expect(names('The EnCrypt ransomware appends .crypt to files.')).toEqual(['EnCrypt']);
  });
  it('other names are untouched', () => {
    expect(m.termFlags[m.lookup('Emotet')[0]] & F_NEEDS_CUE).toBe(0);
  });
});
