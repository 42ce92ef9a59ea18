import { describe, expect, it } from 'vitest';
import { compileMatcher, F_NEEDS_CUE } from '../../lib/worker/extract/matcher';
import { findCatalogueEntities } from '../../lib/worker/extract/gazetteer';
import { kevProducts, kevVendors } from '../../lib/worker/knowledge/importers/kev';
import type { CatalogueEntry } from '../../lib/shared/types';

// What the KEV importer makes of "Microsoft / Project": the product named with its maker, the bare word an alias.
const [project] = kevProducts('Project', kevVendors('Microsoft')[0]);
const m = compileMatcher([
  { key: project.key, type: 'product', name: project.name, aliases: project.aliases, sources: ['kev'] },
  { key: 'product:fortinet-fortios', type: 'product', name: 'FortiOS', aliases: ['Fortinet FortiOS'], sources: ['kev'] },
] satisfies CatalogueEntry[]);
const names = (t: string) => findCatalogueEntities(t, m).map((x) => `${x.text}=${x.key}`);

describe("a product's ordinary word beside its full name (KEV's 'Project' of Microsoft Project)", () => {
  it('is no product by its capital alone: at the start of a sentence or inside another name', () => {
    expect(project.name).toBe('Microsoft Project');
    expect(m.termFlags[m.lookup('Project')[0]] & F_NEEDS_CUE).toBe(F_NEEDS_CUE);
    expect(names('The Project was delayed by a year. Researchers named the spyware Project Spy.')).toEqual([]);
  });

  it('counts with the software said near it, or the product named in full elsewhere in the text', () => {
    expect(names('Attackers abused a flaw in Project versions before 2016.')).toEqual([`Project=${project.key}`]);
    expect(names('Microsoft Project files can run macros. Opening a crafted Project file runs them.')).toEqual([
      `Microsoft Project=${project.key}`,
      `Project=${project.key}`,
    ]);
  });

  it('leaves a product whose own name is one word that no dictionary has alone', () => {
    expect(m.termFlags[m.lookup('FortiOS')[0]] & F_NEEDS_CUE).toBe(0);
    expect(names('The FortiOS bug was exploited.')).toEqual(['FortiOS=product:fortinet-fortios']);
  });
});
