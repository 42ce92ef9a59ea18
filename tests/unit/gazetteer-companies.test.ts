import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { findCatalogueEntities, saysOrganisation } from '../../lib/worker/extract/gazetteer';
import { importMispGalaxy } from '../../lib/worker/knowledge/importers/misp-galaxy';
import { describesCompany } from '../../lib/worker/knowledge/importers/common';
import type { CatalogueEntry } from '../../lib/shared/types';

const m = compileMatcher([
  { key: 'malware:esurv', type: 'malware', name: 'eSurv', aliases: [], sources: ['test'] },
  { key: 'actor:wizard-spider', type: 'actor', name: 'Wizard Spider', aliases: ['Trickbot LLC'], sources: ['test'] },
  { key: 'malware:exodus', type: 'malware', name: 'Exodus', aliases: [], sources: ['test'] },
] satisfies CatalogueEntry[]);
const names = (t: string) => findCatalogueEntities(t, m).map((x) => x.text);

describe('a name the text calls a company', () => {
  it('is the company, not the spyware or the group', () => {
    expect(names('This platform is developed by an Italian company called eSurv , which sells cameras.')).toEqual([]);
    expect(names('the Italian company eSurv , based in Catanzaro')).toEqual([]);
    expect(names('leased to eSurv S.R.L in 2014')).toEqual([]);
    expect(saysOrganisation('chip maker eSurv', 11, 16)).toBe(true);
    expect(names('the founder of Connexxa seems to also be the CEO of eSurv .')).toEqual([]);
    expect(names('an employee of eSurv described their work')).toEqual([]);
  });
  it('elsewhere it stays the entity', () => {
    expect(names('Exodus and eSurv samples connect to the same servers.')).toEqual(['Exodus', 'eSurv']);
    expect(names('The eSurv spyware, as the company’s logo shows, …')).toEqual(['eSurv']);
    expect(saysOrganisation('eSurv is spyware', 0, 5)).toBe(false);
    expect(saysOrganisation('Calypso AI builds tools.', 0, 7)).toBe(true);
    expect(saysOrganisation('Calypso, S.R.L. builds tools.', 0, 7)).toBe(true);
    // (The apposition's noun is looked for first, in any case, as the whole pattern reads it.)
    expect(saysOrganisation('Mabna, an Iranian government CONTRACTOR, was charged.', 0, 5)).toBe(true);
    expect(names('the developers of eSurv samples')).toEqual(['eSurv']);
  });
  it('after a word for a company, the kind or the crew said after the name wins', () => {
    const rw = compileMatcher([
      { key: 'malware:darkside', type: 'malware', subtype: 'ransomware', name: 'DarkSide', aliases: [], sources: ['test'] },
    ] satisfies CatalogueEntry[]);
    const typed = (t: string) => findCatalogueEntities(t, rw).map((x) => `${x.text}=${x.key}`);
    expect(typed('by checking each company DarkSide affiliates want to encrypt')).toEqual(['DarkSide=actor:darkside']);
    expect(typed('the company DarkSide samples were found at')).toEqual(['DarkSide=malware:darkside']);
    expect(typed('the firm DarkSide said in a statement')).toEqual([]);
  });
});

describe('software that ATT&CK files under a company’s name', () => {
  it('is recognised from the description', () => {
    expect(describesCompany('Allwinner is a company that supplies processors used in Android tablets.')).toBe(true);
    expect(describesCompany('eSurv is mobile surveillanceware designed for the lawful intercept market.')).toBe(false);
    expect(describesCompany('Remcos is a closed-source tool that is marketed by a company called Breaking Security.')).toBe(false);
  });
  it('is kept for look-ups and not highlighted (real mitre-malware cluster)', () => {
    const file = resolve(process.cwd(), '../shared/fixtures/misp-galaxy/clusters/mitre-malware.json');
    const entries = importMispGalaxy(JSON.parse(readFileSync(file, 'utf8'))).entries;
    const flagged = entries.filter((e) => e.meta?.companyName).map((e) => e.name);
    expect(flagged).toEqual(['Allwinner']);
    const mm = compileMatcher(entries.filter((e) => ['Allwinner', 'eSurv'].includes(e.name)));
    expect(mm.lookup('Allwinner').length).toBe(1);
    expect(findCatalogueEntities('Allwinner shipped a kernel with a root backdoor; eSurv spyware too.', mm).map((x) => x.text)).toEqual([
      'eSurv',
    ]);
  });
});

describe('legal forms', () => {
  it('only a legal form right after the name makes it a company', () => {
    expect(saysOrganisation('eSurv Inc. said', 0, 5)).toBe(true);
    expect(saysOrganisation('eSurv, Ltd', 0, 5)).toBe(true);
    expect(saysOrganisation('eSurv S.p.A', 0, 5)).toBe(true);
    expect(saysOrganisation('eSurv Co-founder', 0, 5)).toBe(false);
    expect(saysOrganisation('eSurv Samples', 0, 5)).toBe(false);
    expect(saysOrganisation('eSurv’s servers', 0, 5)).toBe(false);
  });
  it('so does a business in apposition after it', () => {
    expect(saysOrganisation('eSurv , an Italian surveillance company , sold it', 0, 5)).toBe(true);
    expect(saysOrganisation('eSurv, an Iranian government contractor that', 0, 5)).toBe(true);
    expect(saysOrganisation('eSurv, a spyware family that a company sold', 0, 5)).toBe(false);
  });
});

describe('a name called a company once', () => {
  it('is the company in the rest of the text, unless a mention says it is the spyware', () => {
    expect(names('eSurv was a business unit of Connexxa and was leased to eSurv S.R.L in 2014.')).toEqual([]);
    expect(names('The eSurv brand was sold in 2016. eSurv S.R.L is based in Catanzaro.')).toEqual([]);
    expect(names('eSurv S.R.L is based in Catanzaro. The eSurv spyware reached Google Play.')).toEqual(['eSurv']);
    expect(names('eSurv S.R.L is based in Catanzaro. Investigators found eSurv samples.')).toEqual(['eSurv']);
    // Only the same name: the company's other products stay what they are.
    expect(names('eSurv S.R.L built Exodus.')).toEqual(['Exodus']);
  });
});

describe('a business bought, or named with a word that ends a business name', () => {
  const t = compileMatcher([
    { key: 'actor:calypso', type: 'actor', name: 'Calypso', aliases: [], sources: ['test'] },
    { key: 'malware:exodus', type: 'malware', name: 'Exodus', aliases: [], sources: ['test'] },
  ] satisfies CatalogueEntry[]);
  const found = (text: string) => findCatalogueEntities(text, t).map((x) => x.text);
  it('is the company', () => {
    expect(found('Check Point’s acquisition of Lakera, F5’s buyout of Calypso AI, and others.')).toEqual([]);
    expect(found('The takeover of Exodus was announced.')).toEqual([]);
    expect(found('Exodus Technologies raised money.')).toEqual([]);
  });
  it('elsewhere it stays the group or the family', () => {
    expect(found('Calypso targeted telecoms in Asia with the Exodus spyware.')).toEqual(['Calypso', 'Exodus']);
  });
});
