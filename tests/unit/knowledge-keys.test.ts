import { describe, expect, it } from 'vitest';
import { canonicalCve, entityKey, isAttackId, nameKey, shortDescription, slug, splitMitreSuffix } from '../../lib/worker/knowledge/keys';

describe('keys', () => {
  it('slugs names', () => {
    expect(slug('The Hague')).toBe('the-hague');
    expect(slug("Côte d'Ivoire")).toBe('cote-divoire');
    expect(slug('North Korea')).toBe('north-korea');
    expect(slug('Backup & Replication')).toBe('backup-and-replication');
    expect(slug('  APT28  ')).toBe('apt28');
    expect(slug('LockBit 3.0')).toBe('lockbit-3-0');
  });

  it('slugs "&", diacritics, letters Unicode does not decompose, and names in other scripts', () => {
    expect(slug('Marks & Spencer')).toBe('marks-and-spencer');
    expect(slug('Marks and Spencer')).toBe(slug('Marks & Spencer'));
    expect(slug('Łódź')).toBe('lodz');
    expect(slug('Tromsø Kommune')).toBe('tromso-kommune');
    expect(slug('Straße')).toBe('strasse');
    expect(slug('Société Générale')).toBe('societe-generale');
    expect(slug("McDonald's")).toBe('mcdonalds');
    expect(slug('McDonald’s')).toBe('mcdonalds');
    // Other scripts keep their letters: a key of their own, never an empty one.
    expect(slug('Лаборатория Касперского')).toBe('лаборатория-касперского');
    expect(slug('国家电网')).toBe('国家电网');
    expect(slug('Лаборатория Касперского')).not.toBe(slug('国家电网'));
    // Negative: '&' inside a name is not dropped, and different names stay apart.
    expect(slug('AT&T')).toBe('at-and-t');
    expect(slug('Lodz Bank')).not.toBe(slug('Łódź'));
  });

  it('keys entities, CVEs and techniques on their ids', () => {
    expect(entityKey('actor', 'APT28')).toBe('actor:apt28');
    expect(entityKey('location', 'The Hague')).toBe('location:the-hague');
    expect(entityKey('vulnerability', 'CVE-2023-4966')).toBe('vulnerability:cve-2023-4966');
    expect(entityKey('vulnerability', 'cve‑2023‑4966')).toBe('vulnerability:cve-2023-4966');
    expect(entityKey('technique', 'T1566.001')).toBe('technique:t1566.001');
    expect(entityKey('technique', 'Phishing')).toBe('technique:phishing');
  });

  it('recognises CVE and ATT&CK ids', () => {
    expect(canonicalCve('cve-2021-44228')).toBe('CVE-2021-44228');
    expect(canonicalCve('CVE 2021 44228')).toBe('CVE-2021-44228');
    expect(canonicalCve('CVE-21-44228')).toBeUndefined();
    for (const id of ['T1566', 'T1566.001', 'TA0001', 'G0007', 'S0154', 'M1036']) expect(isAttackId(id), id).toBe(true);
    for (const id of ['T15', 'G7', 'APT28', 'T1566.1']) expect(isAttackId(id), id).toBe(false);
  });

  it('compares names without case, accents, spaces or punctuation', () => {
    expect(nameKey('APT 28')).toBe(nameKey('apt-28'));
    expect(nameKey('Black Cat')).toBe(nameKey('BlackCat'));
    expect(nameKey('Zürich')).toBe('zurich');
    expect(nameKey('APT28')).not.toBe(nameKey('APT29'));
  });

  it('splits MITRE ids off MISP values', () => {
    expect(splitMitreSuffix('APT28 - G0007')).toEqual({ name: 'APT28', mitreId: 'G0007' });
    expect(splitMitreSuffix('Phishing - T1566')).toEqual({ name: 'Phishing', mitreId: 'T1566' });
    expect(splitMitreSuffix('Spearphishing Attachment - T1566.001 ')).toEqual({ name: 'Spearphishing Attachment', mitreId: 'T1566.001' });
    expect(splitMitreSuffix('Cobalt Strike  ')).toEqual({ name: 'Cobalt Strike' });
    expect(splitMitreSuffix('Kirk - Spock')).toEqual({ name: 'Kirk - Spock' });
  });

  it('shortens descriptions to the first sentence, without markdown links or citations', () => {
    expect(
      shortDescription('[APT28](https://attack.mitre.org/groups/G0007) is a threat group.(Citation: X Y) It has been active since 2004.'),
    ).toBe('APT28 is a threat group.');
    expect(shortDescription('Used by the U.S. Army since 2001. More text.')).toBe('Used by the U.S. Army since 2001.');
    const long = shortDescription('word '.repeat(200));
    expect(long!.length).toBeLessThanOrEqual(301);
    expect(long!.endsWith('…')).toBe(true);
    expect(shortDescription('')).toBeUndefined();
  });
});
