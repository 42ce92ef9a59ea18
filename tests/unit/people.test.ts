import { describe, expect, test } from 'vitest';
import { findPeople, isPerson } from '../../lib/worker/extract/people';
import { findOrganizations } from '../../lib/worker/extract/orgs';

const orgs = (text: string) => findOrganizations(text, []).map((m) => m.text);

describe('people the text introduces', () => {
  test('a role or title before the name', () => {
    expect([...findPeople('HBGary Federal CEO Aaron Barr thought so.').names]).toEqual(['Aaron Barr']);
    expect([...findPeople('UAE human rights activist Ahmed Mansoor was targeted.').names]).toEqual(['Ahmed Mansoor']);
    expect([...findPeople('Dr. Jane Roe of the clinic said so.').names]).toEqual(['Jane Roe']);
  });

  test('a speech verb, a role after, a middle initial, a credit line', () => {
    expect([...findPeople('“It stays hidden,” said Christian Rossow of Saarland University.').names]).toEqual(['Christian Rossow']);
    expect([...findPeople('said Rami Essaid, a co-founder at Distil Networks.').names]).toEqual(['Rami Essaid']);
    expect([...findPeople('Donaghy, a UK-based journalist, was hit.').surnames]).toEqual(['Donaghy']);
    expect([...findPeople('the report by Special Counsel Robert S. Mueller cites it.').names]).toContain('Robert S. Mueller');
    expect([...findPeople('Image Credit...Nicholas Roberts for The New York Times').names]).toEqual(['Nicholas Roberts']);
    expect([...findPeople('On Friday, Jesse LaBrocca — the administrator of the forum — banned it.').names]).toEqual(['Jesse LaBrocca']);
    expect([...findPeople('the retiring chief of Israel’s Mossad intelligence agency, Meir Dagan, and others said so.').names]).toEqual([
      'Meir Dagan',
    ]);
    expect([...findPeople('Dan Ehrlich of Phobos Group said the leak was caused by a misconfigured server.').names]).toEqual([
      'Dan Ehrlich',
    ]);
    // A surname with a particle grown into it, quoted alone: no firm's name has that shape.
    expect([...findPeople('According to\u00a0 DeGrippo , what happens next depends on the attacker.').surnames]).toEqual(['DeGrippo']);
    expect([...findPeople('McDonald said the flaw was fixed.').surnames]).toEqual(['McDonald']);
    expect([...findPeople('According to Dragos, the flaw was fixed.').surnames]).toEqual([]);
    // Negative: an organisation "of" a place that speaks is not a person; nor a list of organisations after a role of one.
    expect([...findPeople('The Bank of America said its systems were down. The Department of Justice said so.').names]).toEqual([]);
    expect([...findPeople('the head of security at Acme, Globex Corporation, and Initech said so.').names]).toEqual([]);
  });

  test('negative: organisations and things with a role-like word before them are not people', () => {
    expect([...findPeople('said Saarland University in a statement.').names]).toEqual([]);
    expect([...findPeople('Researchers at Palo Alto Networks, a security vendor, said so.').names]).toEqual([]);
    expect([...findPeople('The Agent Tesla Keylogger spread widely.').names]).toEqual([]);
    expect([...findPeople('Chief Executive Officer of the firm resigned.').names]).toEqual([]);
    expect(findPeople('Acme Bank said its systems were down.').names.size).toBe(0);
  });

  test('a role whose clause goes on with "its" is a company’s, unless a given name opens the name', () => {
    const text = 'Hackers breached Zarnak Projekt Red, the Polish developer best known for its work on shooters.';
    expect(findPeople(text).names.size).toBe(0);
    expect(findOrganizations(text, []).map((m) => m.text)).toEqual(['Zarnak Projekt Red']);
    expect([...findPeople('Jane Roe, a spokesperson for its parent company, said so.').names]).toEqual(['Jane Roe']);
    expect([...findPeople('Zarnak Projekt Red, the lead developer, said so.').names]).toEqual(['Zarnak Projekt Red']);
  });

  test('a full name, its surname alone, and a run that holds the name are the person', () => {
    const p = findPeople('HBGary Federal CEO Aaron Barr thought so. Special Counsel Robert S. Mueller agreed.');
    expect(isPerson(p, 'Aaron Barr')).toBe(true);
    expect(isPerson(p, 'Barr')).toBe(true);
    expect(isPerson(p, 'Special Counsel Robert S')).toBe(true);
    expect(isPerson(p, 'HBGary Federal')).toBe(false);
    expect(isPerson(p, 'Barr Industries')).toBe(false);
  });
});

describe('people and common words are not organisations', () => {
  test('people', () => {
    // The company whose CEO he is is an organisation (an officer's title after a name is a cue); he is not.
    expect(orgs('HBGary Federal CEO Aaron Barr thought he had won. When Barr told one of them, the attack on Barr began.')).toEqual([
      'HBGary Federal',
    ]);
    expect(orgs('“It stays hidden,” said Christian Rossow of Saarland University. Rossow said the team hopes to continue.')).toEqual([
      'Saarland University',
    ]);
    expect(orgs('Image Credit...Nicholas Roberts for The New York Times. The attack on Natanz was reported.')).toEqual([
      'The New York Times',
      'Natanz',
    ]);
    expect(orgs('contacted Rori Donaghy. Donaghy, a UK-based journalist, was hit. The attack on Donaghy involved a link.')).toEqual([]);
  });

  test('a reporter of a news outlet, a colleague named in commas', () => {
    expect([...findPeople("NPR's Elise Hu reported that the attack hit banks.").names]).toEqual(['Elise Hu']);
    expect(orgs("NPR's Elise Hu reported that the attack hit banks.")).toEqual([]);
    const text = 'His colleague, Denis Sinegubko, also shared his thoughts. According to Sinegubko, the skimmer hides in plugins.';
    expect([...findPeople(text).names]).toEqual(['Denis Sinegubko']);
    expect(orgs(text)).toEqual([]);
    // Negative: a possessor that is not an outlet's acronym, a name that is not a common given name, a plural role.
    expect([...findPeople("Wall Street's Morgan Stanley said profits rose.").names]).toEqual([]);
    expect([...findPeople("ESET's Acme Sentinel found a flaw.").names]).toEqual([]);
    expect([...findPeople('Its researchers, Check Point, said so.').names]).toEqual([]);
    expect([...findPeople('However, John Bambenek, threat systems manager, Fidelis Cybersecurity, revealed it.').names]).not.toContain(
      'Fidelis Cybersecurity',
    );
  });

  test('common words', () => {
    expect(orgs('Most denial-of-service attacks on the Internet today use them. We’ve seen IoT botnets grow.')).toEqual([]);
    expect(orgs('The ISP said it was investigating. The MSP said it had restored service.')).toEqual([]);
  });

  test('negative: organisations beside people and common words stay', () => {
    expect(orgs('The attack on Riverside Regional Hospital began Monday, Acme Corp said.')).toEqual([
      'Riverside Regional Hospital',
      'Acme Corp',
    ]);
    expect(orgs('The breach at Internet Initiative Japan Inc. exposed data.')).toEqual(['Internet Initiative Japan Inc.']);
    expect(orgs('The Internet Society said it was investigating.')).toEqual(['Internet Society']);
  });
});

describe('people and companies are not malware', () => {
  test('a person the text introduces, and a company named "X Group"', async () => {
    const { extractEntities } = await import('../../lib/worker/extract/entities');
    const { compileMatcher } = await import('../../lib/worker/extract/matcher');
    const entries = [
      { key: 'malware:kevin', type: 'malware' as const, subtype: 'malware', name: 'Kevin', aliases: [], sources: ['test'] },
      { key: 'malware:phobos', type: 'malware' as const, subtype: 'ransomware', name: 'Phobos', aliases: [], sources: ['test'] },
    ];
    const m = compileMatcher(entries);
    const typed = (text: string) => extractEntities(text, m).map((e) => `${e.type}:${e.text}`);
    expect(typed('Kevin Beaumont, a security researcher, said Kevin had tested the exploit.')).not.toContain('malware:Kevin');
    expect(typed('Dan Ehrlich of Phobos Group said the leak was caused by a misconfigured server.')).not.toContain('malware:Phobos');
    // Negative: the same names used for malware stay malware.
    expect(typed('The Kevin backdoor was used by the group. Kevin beacons hourly.')).toContain('malware:Kevin');
    expect(typed('The Phobos ransomware encrypted the files.')).toContain('malware:Phobos');
  });

  test('a given name alone, and the company’s name used alone, say nothing of malware', async () => {
    const { extractEntities } = await import('../../lib/worker/extract/entities');
    const { compileMatcher } = await import('../../lib/worker/extract/matcher');
    const m = compileMatcher([
      { key: 'malware:kevin', type: 'malware' as const, subtype: 'malware', name: 'Kevin', aliases: [], sources: ['test'] },
      { key: 'malware:phobos', type: 'malware' as const, subtype: 'ransomware', name: 'Phobos', aliases: [], sources: ['test'] },
    ]);
    const typed = (text: string) => extractEntities(text, m).map((e) => `${e.type}:${e.text}`);
    // No surname, no role: a common given name, and nothing in the text says it is malware.
    expect(typed('Kevin said the ransomware was deployed over RDP.')).not.toContain('malware:Kevin');
    // The text says so of one mention: every mention is the malware.
    expect(typed('HEXANE deployed Kevin against telecoms. Later, Kevin was updated.')).toEqual(['malware:Kevin', 'malware:Kevin']);
    // "Phobos Group" names the company; "Phobos" alone later, saying nothing of malware, is the company too.
    const both = typed('Researchers at Phobos Group found the server. Phobos then told the owner. The Phobos ransomware encrypts files.');
    expect(both.filter((x) => x === 'malware:Phobos')).toHaveLength(1);
    expect(both).toContain('organization:Phobos Group');
    // The people who work for it name the company: its other mentions that say nothing of malware go with it.
    const staff = typed('Phobos researchers found the server. The leak was reported through Phobos last week.');
    expect(staff).not.toContain('malware:Phobos');
    expect(typed('Phobos engineers fixed it; the Phobos CEO spoke.')).not.toContain('malware:Phobos');
    // After a possessive too: its researchers, chiefs and labs ("Phobos's CEO", "Phobos ’ s researchers").
    expect(typed('Phobos ’ s researchers found the server. Phobos then told the owner.')).not.toContain('malware:Phobos');
    expect(typed("Phobos's CEO said the leak was fixed.")).not.toContain('malware:Phobos');
    // A closing quote is no possessive: "TA551 Uses ‘Phobos’ Red Team Tool" names the tool.
    expect(typed('TA551 Uses ‘ Phobos ’ Red Team Tool in New Activity')).toContain('malware:Phobos');
    // A gang's people after a possessive stay the family's ("Phobos's staff" as "Conti's employees" were the gang's).
    expect(typed('Phobos’s staff negotiated the ransom.')).toEqual(['malware:Phobos']);
    // What a business has after a possessive: its marketing, headquarters, shareholders ("eSurv ’ s public marketing").
    expect(typed('Phobos ’ s public marketing is centered around video surveillance software.')).not.toContain('malware:Phobos');
    expect(typed("Phobos's headquarters are in Calabria.")).not.toContain('malware:Phobos');
    // Not what a gang has too: "Phobos's website", "Phobos's customers" (of a malware-as-a-service).
    expect(typed("Phobos's customers pay for each build.")).toEqual(['malware:Phobos']);
  });

  test('a given name with a surname is a person, with no role or speech verb to say so', async () => {
    const { extractEntities } = await import('../../lib/worker/extract/entities');
    const { compileMatcher } = await import('../../lib/worker/extract/matcher');
    const { givenNameOfPerson } = await import('../../lib/worker/extract/people');
    const entry = (name: string, type: 'malware' | 'actor') => ({
      key: `${type}:${name.toLowerCase()}`,
      type,
      name,
      aliases: [],
      sources: ['test'],
    });
    const m = compileMatcher([entry('Kevin', 'malware'), entry('Denis', 'malware'), entry('Elise', 'malware'), entry('Lazarus', 'actor')]);
    const typed = (text: string) => extractEntities(text, m).map((e) => `${e.type}:${e.text}`);
    expect(typed('Kevin Beaumont found the flaw. Later, Kevin posted a fix.')).toEqual([]);
    expect(typed('Denis Sinegubko of Sucuri found the skimmer.')).not.toContain('malware:Denis');
    expect(typed("NPR's Elise Hu reported it.")).not.toContain('malware:Elise');
    // Negative: a headline's capitalised verb, a word for the kind, a group's name are no surnames.
    expect(typed('Lazarus Targets Banks')).toEqual(['actor:Lazarus']);
    expect(typed('The Lazarus group struck again.')).toContain('actor:Lazarus');
    expect(typed('Kevin Beaumont found the Kevin backdoor on a server.')).toContain('malware:Kevin');
    expect(givenNameOfPerson('Kevin Group said', 0, 5)).toBe(false);
    expect(givenNameOfPerson('Emotet Smith', 0, 6)).toBe(false);
  });
});

describe('the scans tried only where a name can begin find what a scan of every position finds', () => {
  const read = (text: string) => {
    const p = findPeople(text);
    return { names: [...p.names], surnames: [...p.surnames] };
  };
  test('dashes, tabs, hyphenated roles and names, full stops after titles', () => {
    expect(read('Jesse LaBrocca – the administrator of the forum – banned it.').names).toEqual(['Jesse LaBrocca']);
    expect(read('Jean-Luc Picard,\tthe chief of staff, said so.').names).toEqual(['Jean-Luc Picard']);
    expect(read('x-CEO Jane Roe left.').names).toEqual(['Jane Roe']);
    expect(read('the co-founder Rami Essaid and cofounder Ann Lee left.').names).toEqual(['Rami Essaid', 'Ann Lee']);
    expect(read('Dr.Jane Roe and Dr Jane Roe spoke.').names).toEqual(['Jane Roe']);
    expect(read('O’Neill Smith — a journalist — wrote.')).toEqual({ names: ['Neill Smith'], surnames: ['Smith'] });
  });

  test('letters beyond ASCII, one or two code units', () => {
    expect(read('Mr. \t Jane Roe, Éric Dupont, a researcher, and 𝐀lan Turing, an engineer.').names).toEqual([
      'Jane Roe',
      'Éric Dupont',
      '𝐀lan Turing',
    ]);
    expect(read('Jayson E. Street of Acme Corp said it was fine; Ramón Ñ. García too.')).toEqual({
      names: ['Ramón Ñ. García', 'Ramón García'],
      surnames: ['García'],
    });
  });
});

describe('a handle after a word for a person (issue 8)', () => {
  test('"a user called DevBitox" is a person, and so not an organisation later', () => {
    expect([...findPeople('A Russian-speaking user called DevBitox has been advertising the ransomware.').surnames]).toEqual(['DevBitox']);
    expect(orgs('A user called DevBitox has been advertising it. DevBitox, one of the developers behind Karmen, posted.')).toEqual([]);
  });
});
