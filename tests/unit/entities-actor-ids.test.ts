import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { extractEntities } from '../../lib/worker/extract/entities';
import { findActorIds } from '../../lib/worker/extract/actor-ids';
import type { CatalogueEntry } from '../../lib/shared/types';

const m = compileMatcher([
  { key: 'actor:ta505', type: 'actor', name: 'TA505', aliases: ['Hive0065'], sources: ['test'] },
  { key: 'actor:apt29', type: 'actor', name: 'APT29', aliases: ['UNC2452'], sources: ['test'] },
] satisfies CatalogueEntry[]);
const actors = (text: string) =>
  extractEntities(text, m, { organizations: false })
    .filter((x) => x.type === 'actor')
    .map((x) => `${x.text}=${x.key}`);

describe('numbered actor designations', () => {
  it('are actors by their shape, unknown ones keyed on the designation', () => {
    expect(actors('The cybercrime actor TA574 sent almost 40,000 messages.')).toEqual(['TA574=actor:ta574']);
    expect(actors('Microsoft tracks it as DEV-0537 and Storm-0558; Mandiant as UNC3944.')).toEqual([
      'DEV-0537=actor:dev-0537',
      'Storm-0558=actor:storm-0558',
      'UNC3944=actor:unc3944',
    ]);
  });
  it('knows the numbered clusters of other vendors too', () => {
    expect(actors('Volexity tracks the Ivanti exploitation as UTA0178; Talos calls a cluster UAT-5918.')).toEqual([
      'UTA0178=actor:uta0178',
      'UAT-5918=actor:uat-5918',
    ]);
    expect(actors('Recorded Future links TAG-53 to it, and Unit 42 tracks CL-STA-0002.')).toEqual([
      'TAG-53=actor:tag-53',
      'CL-STA-0002=actor:cl-sta-0002',
    ]);
    expect(findActorIds('TAG-1, CL-XYZ-0002, UTA12, UAT-59 are not designations')).toEqual([]);
  });
  it('knows Mandiant’s APT, FIN and TEMP names and Qihoo 360’s APT-C numbers', () => {
    expect(actors('Mandiant graduated APT45 (also APT 45) and FIN13; TEMP.Hermit and APT-C-60 too.')).toEqual([
      'APT45=actor:apt45',
      'APT 45=actor:apt45',
      'FIN13=actor:fin13',
      'TEMP.Hermit=actor:temp.hermit',
      'APT-C-60=actor:apt-c-60',
    ]);
    expect(findActorIds('APT 2023 trends, FINAL, APT-C, TEMP.x and APTitude are not designations')).toEqual([]);
    // Tokenised text (the CTI corpora's form) spaces the hyphen: one designation, one key.
    expect(actors('If you don ’ t know APT-C - 36 , see [ 1 ] .')).toEqual(['APT-C - 36=actor:apt-c-36']);
  });
  it('a designation the catalogue knows is its entity', () => {
    expect(actors('TA505 and UNC2452 were active.')).toEqual(['TA505=actor:ta505', 'UNC2452=actor:apt29']);
  });
  it('ATT&CK tactic ids, longer tokens and link paths are not designations', () => {
    expect(findActorIds('Tactic TA0001 (Initial Access) and TA0043.')).toEqual([]);
    expect(findActorIds('file_TA574.zip, TA574-like, xTA574, TA57')).toEqual([]);
    expect(actors('see https : / / example.com / actors / TA574 /')).toEqual([]);
    expect(findActorIds('It was TA574.').map((x) => x.text)).toEqual(['TA574']);
  });
});
