import { describe, it, expect } from 'vitest';
import { compileMatcher, F_EXACT_CASE, F_NEEDS_CASE, F_NEEDS_CUE } from '../../lib/worker/extract/matcher';
import { findCatalogueEntities, hasNameCase, startsSentence, wordsAround } from '../../lib/worker/extract/gazetteer';
import type { CatalogueEntry } from '../../lib/shared/types';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { catalogueEntry } from '../support/catalogue-entry';

const e = catalogueEntry;

const catalogue: CatalogueEntry[] = [
  e('malware:play', 'Play', [], { subtype: 'ransomware' }),
  e('malware:royal', 'Royal', [], { subtype: 'ransomware' }),
  e('malware:cuba', 'Cuba', [], { subtype: 'ransomware' }),
  e('location:cuba', 'Cuba'),
  e('location:united-states', 'United States', ['US']),
  e('malware:snake', 'Snake', ['Uroburos']),
  e('malware:zeus', 'Zeus', ['Zbot']),
  e('malware:emotet', 'Emotet'),
  e('malware:one', 'One', [], { subtype: 'ransomware' }),
  e('malware:net', 'Net', [], { subtype: 'tool' }),
  e('malware:hive', 'Hive', [], { subtype: 'ransomware', ambiguous: ['Hive'], cues: ['affiliate', 'leak site'] }),
  e('actor:apt28', 'APT28', ['Fancy Bear', 'G0007']),
  e('actor:turla', 'Turla'),
];
const m = compileMatcher(catalogue);

/** "text=key (rule)" for each match. */
const found = (text: string) => findCatalogueEntities(text, m).map((x) => `${x.text}=${x.key} (${x.why?.rule})`);
const flagsOf = (name: string) => m.lookup(name).map((t) => m.termFlags[t]);

describe('which names are ambiguous is decided from data', () => {
  it('ordinary English words need the casing and a cue', () => {
    for (const name of ['Play', 'Royal', 'Snake']) expect(flagsOf(name)[0] & (F_NEEDS_CASE | F_NEEDS_CUE)).toBe(F_NEEDS_CASE | F_NEEDS_CUE);
  });
  it('names of other things need a cue: a well-known name (Zeus), another entity type (Cuba)', () => {
    expect(flagsOf('Zeus')[0] & F_NEEDS_CUE).toBe(F_NEEDS_CUE);
    const cuba = m.lookup('Cuba').map((t) => [m.termEntityInfo(t).key, m.termFlags[t] & F_NEEDS_CUE]);
    expect(cuba).toContainEqual(['malware:cuba', F_NEEDS_CUE]);
    expect(cuba).toContainEqual(['location:cuba', 0]);
  });
  it('names that are no words need nothing', () => {
    for (const name of ['Emotet', 'Turla', 'APT28', 'Uroburos'])
      expect(flagsOf(name)[0] & (F_NEEDS_CASE | F_NEEDS_CUE | F_EXACT_CASE)).toBe(0);
  });
  it('three letters or fewer need the exact case', () => {
    expect(flagsOf('Net')[0] & F_EXACT_CASE).toBe(F_EXACT_CASE);
    expect(flagsOf('US')[0] & F_EXACT_CASE).toBe(F_EXACT_CASE);
  });
});

describe('cue words', () => {
  it('"Play ransomware", "the Royal gang", "Snake malware", "Cuba ransomware operators" are names', () => {
    expect(found('Play ransomware encrypted the servers.')).toEqual(['Play=malware:play (cue)']);
    // A gang and a family's operators are people: the crew (kind-in-context.ts sentenceSaysCrew).
    expect(found('Files were stolen by the Royal gang last week.')).toEqual(['Royal=actor:royal (sentence-says-crew)']);
    expect(found('Researchers took apart the Snake malware.')).toEqual(['Snake=malware:snake (cue)']);
    expect(found('We saw Cuba ransomware operators move laterally.')).toEqual(['Cuba=actor:cuba (sentence-says-crew)']);
  });
  it('without a cue the words stay words', () => {
    expect(found('Kids play games and the royal family waves.')).toEqual([]);
    expect(found('The Royal Mail was hit by the LockBit gang.')).toEqual([]);
    expect(found('A snake in the grass.')).toEqual([]);
    expect(found('We watched Play at the theatre.')).toEqual([]);
  });
  it('the casing is required even with a cue', () => {
    expect(found('the play ransomware strain')).toEqual([]);
  });
  it('at the start of a sentence only the next word counts as a cue', () => {
    expect(found('One group claimed the attack.')).toEqual([]);
    expect(found('One ransomware sample was found.')).toEqual(['One=malware:one (cue)']);
    expect(found('Play ransomware hit the city.')).toEqual(['Play=malware:play (cue)']);
  });
  it('a cue does not reach across a sentence end', () => {
    expect(found('They went to see Play. Ransomware is a threat.')).toEqual([]);
  });
  it('the catalogue may add its own cue words', () => {
    expect(found('The Hive leak site listed the firm.')).toEqual(['Hive=malware:hive (cue)']);
    // Counted by its cue; the sentence then says it is the family's people (kind-in-context.ts, sentenceSaysCrew).
    expect(found('A Hive affiliate sold access.')).toEqual(['Hive=actor:hive (sentence-says-crew)']);
    expect(found('The office was a Hive of activity.')).toEqual([]);
  });
});

describe('named elsewhere', () => {
  it('an ambiguous mention counts when the same entity is named with a cue in the text', () => {
    expect(found('Play ransomware struck twice. Later, Play leaked the files.')).toEqual([
      'Play=malware:play (cue)',
      'Play=malware:play (named-elsewhere)',
    ]);
  });
  it('but not when no mention is unambiguous', () => {
    expect(found('Later, Play leaked the files. Then Play left.')).toEqual([]);
  });
});

describe('entities sharing a name', () => {
  it('the place by default, the malware with its cue', () => {
    expect(found('Havana is the capital of Cuba.')).toEqual(['Cuba=location:cuba (name)']);
    expect(found('The Cuba ransomware encrypted a bank.')).toEqual(['Cuba=malware:cuba (cue)']);
  });
});

describe('a campaign named like a group', () => {
  it('"Operation X" is not the actor, whole or in part; the bare name still is', () => {
    const withOp = compileMatcher([...catalogue, e('actor:sharpshooter', 'Operation Sharpshooter', ['Sharpshooter'])]);
    const names = (text: string) => findCatalogueEntities(text, withOp).map((x) => `${x.text}=${x.key}`);
    expect(names('Operation Sharpshooter targeted defense firms.')).toEqual([]);
    expect(names('The Sharpshooter group targeted defense firms.')).toEqual(['Sharpshooter=actor:sharpshooter']);
  });
  it('a campaign among the names of the group it is attributed to is that group', () => {
    const withAlias = compileMatcher([...catalogue, e('actor:apt10', 'APT10', ['Cloud Hopper'])]);
    const names = (text: string) => findCatalogueEntities(text, withAlias).map((x) => `${x.text}=${x.key}`);
    expect(names('The group ran Operation Cloud Hopper against MSPs.')).toEqual(['Cloud Hopper=actor:apt10']);
  });
  it('nor is "Operation X" the malware named X; the family named so elsewhere still is', () => {
    const withWindigo = compileMatcher([...catalogue, e('malware:windigo', 'Ebury', ['Windigo'])]);
    const names = (text: string) => findCatalogueEntities(text, withWindigo).map((x) => `${x.text}=${x.key}`);
    expect(names('Operation Windigo hit Linux servers.')).toEqual([]);
    expect(names('The attackers used the Windigo backdoor.')).toEqual(['Windigo=malware:windigo']);
  });
});

describe('casing', () => {
  it('short names match with exactly their letters', () => {
    expect(found('attacks on the US grid')).toEqual(['US=location:united-states (case)']);
    expect(found('let us know, says the Us magazine')).toEqual([]);
  });
  it('ordinary multi-word names count only capitalised', () => {
    expect(found('Fancy Bear struck again.')).toEqual(['Fancy Bear=actor:apt28 (case)']);
    expect(found('He wore a fancy bear costume.')).toEqual([]);
  });
  it('an all-lower-case spelling of a capitalised name is a URL path or a file name', () => {
    expect(found('see / blog / apt28-report and turla.png')).toEqual([]);
    expect(found('APT28 and Turla')).toEqual(['APT28=actor:apt28 (name)', 'Turla=actor:turla (name)']);
  });
  it('hasNameCase looks at each word the alias capitalises', () => {
    expect(hasNameCase('Vice Society', 'Vice Society')).toBe(true);
    expect(hasNameCase('Vice society', 'Vice Society')).toBe(false);
    expect(hasNameCase('the Dukes', 'The Dukes')).toBe(true);
    expect(hasNameCase('Ivory Coast', 'ivory coast')).toBe(true);
    expect(hasNameCase('ivory coast', 'ivory coast')).toBe(false);
    // The noun for a group closing a name is written either way: "the Cobalt group".
    expect(hasNameCase('Cobalt group', 'Cobalt Group')).toBe(true);
    expect(hasNameCase('cobalt group', 'Cobalt Group')).toBe(false);
    expect(hasNameCase('Group', 'Group')).toBe(true);
  });
});

describe('why and ATT&CK ids', () => {
  it('says which alias, from which source, by which rule', () => {
    const [x] = findCatalogueEntities('Uroburos was found.', m);
    expect(x).toMatchObject({
      key: 'malware:snake',
      name: 'Snake',
      text: 'Uroburos',
      start: 0,
      end: 8,
      why: { alias: 'Uroburos', source: 'test', rule: 'name' },
    });
  });
  it('leaves ATT&CK ids to the patterns', () => {
    expect(found('G0007 is tracked by MITRE.')).toEqual([]);
  });
});

describe('helpers', () => {
  it('reads words around a span within the sentence', () => {
    const t = 'The gang, said police. Play ransomware hit them';
    expect(wordsAround(t, 23, -1, 2)).toEqual([]);
    expect(wordsAround(t, 27, 1, 2)).toEqual(['ransomware', 'hit']);
    expect(wordsAround(t, 3, 1, 3)).toEqual(['gang', 'said', 'police']);
  });
  it('knows a sentence start', () => {
    expect(startsSentence('Hi. "Play', 5)).toBe(true);
    expect(startsSentence('* Play', 2)).toBe(true);
    expect(startsSentence('We Play', 3)).toBe(false);
  });
});

describe('short names inside longer ones', () => {
  it('are not places when hyphenated to a capitalised word or a number, or before an amount', () => {
    expect(found('the TIBER-EU framework and US-CERT')).toEqual([]);
    expect(found('about US $20,000')).toEqual([]);
    expect(found('US-based firms')).toEqual(['US=location:united-states (case)']);
  });
});

describe('technique names', () => {
  const t = compileMatcher([
    e('technique:t1587.001', 'Malware', ['T1587.001']),
    e('technique:t1583.001', 'Domains'),
    e('technique:t1053.002', 'At'),
    e('technique:t1055', 'Process Injection', ['T1055']),
    e('technique:t1059.001', 'PowerShell'),
  ]);
  const names = (text: string) => findCatalogueEntities(text, t).map((x) => `${x.text}=${x.key}`);
  it('one ordinary word (or its plural) or three letters is no technique name in text', () => {
    expect(names('Malware used domains. At noon it ran.')).toEqual([]);
  });
  it('ordinary-word names count as ATT&CK writes them; other names in any case', () => {
    expect(names('It used Process Injection and powershell.')).toEqual([
      'Process Injection=technique:t1055',
      'powershell=technique:t1059.001',
    ]);
    expect(names('the process injection step')).toEqual([]);
  });
});

describe('cue phrases from the catalogue', () => {
  const c = compileMatcher([e('malware:royal', 'Royal', [], { subtype: 'ransomware', cues: ['leak site', 'ransom note'] })]);
  const names = (text: string) => findCatalogueEntities(text, c).map((x) => x.text);
  it('count when all their words stand in order next to the name', () => {
    expect(names('the Royal leak site listed it')).toEqual(['Royal']);
    expect(names('a ransom note from Royal')).toEqual(['Royal']);
    expect(names('the Royal site leaked nothing')).toEqual([]);
  });
});

describe('vulnerabilities by their nicknames (the seed catalogue)', () => {
  const seedMatcher = compileMatcher(seedCatalogue());
  const vulns = (text: string) =>
    findCatalogueEntities(text, seedMatcher)
      .filter((x) => x.type === 'vulnerability')
      .map((x) => `${x.text}=${x.key}`);

  it('names the CVE a nickname stands for', () => {
    expect(vulns('Attackers chained Log4Shell with Citrix Bleed 2 and ProxyNotShell.')).toEqual([
      'Log4Shell=vulnerability:cve-2021-44228',
      'Citrix Bleed 2=vulnerability:cve-2025-5777',
      'ProxyNotShell=vulnerability:cve-2022-41040',
    ]);
  });

  it('counts a nickname that is a word only capitalised, with a cue near it', () => {
    expect(vulns('The market meltdown and a Meltdown of confidence followed.')).toEqual([]);
    expect(vulns('Intel patched the Downfall flaw; the Meltdown vulnerability is older.')).toEqual([
      'Downfall=vulnerability:cve-2022-40982',
      'Meltdown=vulnerability:cve-2017-5754',
    ]);
  });
});

describe('a tool and its payload (the seed catalogue)', () => {
  const seedMatcher = compileMatcher(seedCatalogue());
  it('"Cobalt Strike Beacon" is the framework and its Beacon, two marks of one entity, as the labelled reports mark it', () => {
    const hits = findCatalogueEntities('The loader then deploys a Cobalt Strike Beacon on the host.', seedMatcher);
    expect(hits.map((x) => `${x.text}=${x.key}`)).toEqual(['Cobalt Strike=malware:cobalt-strike', 'Beacon=malware:cobalt-strike']);
    expect(findCatalogueEntities('A beacon light was lit.', seedMatcher).filter((x) => x.type === 'malware')).toEqual([]);
  });
});

describe('an attack type inside an organisation’s name (the seed catalogue)', () => {
  const seedMatcher = compileMatcher(seedCatalogue());
  const attacks = (text: string) =>
    findCatalogueEntities(text, seedMatcher)
      .filter((x) => x.type === 'attack' || x.type === 'technique')
      .map((x) => `${x.text}=${x.key}`);
  it('is the organisation’s word: before a head noun, after "Center for"', () => {
    expect(attacks('The flaw was reported through Trend Micro’s Zero Day Initiative last week.')).toEqual([]);
    expect(attacks('The Cofense Phishing Defense Center uncovered a campaign.')).toEqual([]);
    expect(attacks('The Anti-Phishing Working Group counted phishing sites.')).toEqual(['phishing=attack:phishing']);
    expect(attacks('A report from the Center for Phishing Research followed.')).toEqual([]);
  });
  it('stays an attack type in prose and in title-case headlines', () => {
    expect(attacks('Researchers at the Zero Day Initiative found a zero day in Chrome.')).toEqual(['zero day=attack:zero-day']);
    expect(attacks('Microsoft Patches Zero Day Flaw Exploited By Hackers')).toEqual(['Zero Day=attack:zero-day']);
    expect(attacks('Zero-Day Attack Hits City Council')).toEqual(['Zero-Day=attack:zero-day']);
    expect(attacks('The council said a zero day initiative was planned.')).toEqual(['zero day=attack:zero-day']);
  });
});

describe('a name that is a word of another name', () => {
  const local = compileMatcher([
    e('malware:tinba', 'Tinba', ['Hunter'], { ambiguous: ['Hunter'] }),
    e('actor:chimera', 'Chimera'),
    e('actor:sandworm', 'Sandworm', ['Sandworm Team']),
    e('malware:royal', 'Royal', [], { subtype: 'ransomware' }),
  ]);
  const named = (text: string) => findCatalogueEntities(text, local).map((x) => `${x.text}=${x.key}`);
  it('an ordinary-word name between a capitalised word and the head of an organisation’s name is the organisation’s', () => {
    expect(named('A member of the anti-malware research group called Malware Hunter Team said so.')).toEqual([]);
    // Negative: a cue of its own kind after it, or a sentence's start, leaves the name its own.
    expect(named('New Hunter Malware Targets Banks')).toEqual(['Hunter=malware:tinba']);
    expect(named('Hunter malware spread. The Hunter Team malware spread.')).toEqual(['Hunter=malware:tinba', 'Hunter=malware:tinba']);
    // A family of people: "the UAE Royal Family" (where "family" would say malware: "the Royal ransomware family").
    expect(named('He posted pictures of the UAE Royal Family on Twitter.')).toEqual([]);
    expect(named('Samples of the Royal ransomware family spread.')).toEqual(['Royal=malware:royal']);
  });
  it('a ransomware’s ordinary-word name right before the noun of another kind of malware is that family’s', () => {
    const stop = compileMatcher([e('malware:stop-djvu', 'STOP/Djvu', ['Stop'], { subtype: 'ransomware', ambiguous: ['Stop'] })]);
    const stopped = (text: string) => findCatalogueEntities(text, stop).map((x) => `${x.text}=${x.key}`);
    expect(stopped('The Stop keylogger records every key, and a Stop botnet spreads.')).toEqual([]);
    // Negative: its own kind, or a loader (ransomware has them), after the name.
    expect(stopped('The Stop ransomware encrypted files; a Stop loader fetched it.')).toEqual([
      'Stop=malware:stop-djvu',
      'Stop=malware:stop-djvu',
    ]);
  });
  it('an actor’s name right before a word for a flaw is the flaw’s nickname', () => {
    expect(named('AMD said the Chimera issues and Chimera flaws need a hardware fix.')).toEqual([]);
    expect(named('Chimera hackers attacked the chip makers; the Sandworm Team struck too.')).toEqual([
      'Chimera=actor:chimera',
      'Sandworm Team=actor:sandworm',
    ]);
  });
});

describe('a name the text also writes in lower case, as a word', () => {
  const corona = compileMatcher([
    e('malware:coronavirus', 'CoronaVirus', [], { subtype: 'ransomware' }),
    e('malware:mimikatz', 'Mimikatz', [], { subtype: 'tool' }),
    e('malware:m00nd3v', 'M00nD3V', []),
    e('malware:cafe', 'Café', [], { subtype: 'ransomware' }),
  ]);
  const keys = (text: string) => findCatalogueEntities(text, corona).map((x) => `${x.text}=${x.why?.rule}`);
  it('is a name only where its kind is said: "the coronavirus disease" makes "Coronavirus Update App" the word', () => {
    expect(keys('Coronavirus Update App leads to spyware. The campaign uses the coronavirus disease as a lure.')).toEqual([]);
    expect(keys('Hackers exploit coronavirus fears. Coronavirus demanded bitcoin.')).toEqual([]);
    expect(keys('Hackers exploit coronavirus fears. The Coronavirus ransomware encrypts files.')).toEqual(['Coronavirus=cue']);
    // (Letters beyond ASCII are letters too: an ASCII span is read by a cheaper pattern, the others not.)
    expect(keys('They met at the café, as ever. Café demanded bitcoin.')).toEqual([]);
  });
  it('negative: alone, in its coined casing, a tool written as its command, a handle beside its domain', () => {
    expect(keys('Coronavirus demanded bitcoin from the victims.')).toEqual(['Coronavirus=name']);
    expect(keys('Hackers exploit coronavirus fears. CoronaVirus demanded bitcoin.')).toEqual(['CoronaVirus=name']);
    expect(keys('They ran mimikatz on the host. Mimikatz dumped the hashes.')).toEqual(['Mimikatz=name']);
    expect(keys('M00nD3v wrote the loader, hosted at m00nd3v [ .] com today.')).toEqual(['M00nD3v=name']);
    // Not as a word of prose: a path or a file name.
    expect(keys('See example.com/coronavirus/ and corona.exe. Coronavirus demanded bitcoin.')).toEqual(['Coronavirus=name']);
  });
});
