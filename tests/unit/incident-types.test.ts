import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../lib/worker/engine';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';

const matcher = compileMatcher(seedCatalogue());
const types = (text: string) =>
  analyzeText(text, matcher, { published: '2024-05-20' })
    .incidents.map((i) => i.type)
    .sort();

describe('incident types in threat reports', () => {
  test('a spying framework or an espionage group targeting governments is espionage', () => {
    expect(
      types(
        'Researchers found a full-blown spying framework used against a diplomatic entity in Central Asia. The spying framework consists of two packages and steals documents.',
      ),
    ).toContain('espionage');
    expect(
      types(
        'The cyberespionage group targeted government entities in the region. The group compromised ministries and embassies with a backdoor. The espionage group has been active since 2014.',
      ),
    ).toContain('espionage');
  });

  test('negative: talk of spying without a campaign is not espionage', () => {
    expect(types('Parents worry that apps spy on children. A new law was passed on Tuesday.')).not.toContain('espionage');
  });

  test('destructive malware that wipes disks is a wiper attack', () => {
    expect(
      types(
        'The malware hit the Winter Olympics. Its destructive functionality wipes the master boot record and renders the machines unusable. The destructive attack took systems offline.',
      ),
    ).toContain('wiper');
  });

  test('negative: ransomware deleting shadow copies is not a wiper', () => {
    expect(
      types('The ransomware attack encrypted files at Acme Corp. The ransomware deletes shadow copies before encrypting the data.'),
    ).not.toContain('wiper');
  });

  test('an aside on ransomware does not name a spying campaign that the text tells at length', () => {
    const text =
      'The threat actor compromised a national data center in Central Asia. The attackers targeted government websites with watering-hole scripts. ' +
      'The intrusion gave the actor access to government resources. The attack used a new backdoor. ' +
      'The actor did not deploy ransomware.';
    expect(types(text)).not.toContain('ransomware');
  });

  test('a flaw and its fix, both told with strong words, are two incidents; a fix mentioned in passing is not', () => {
    expect(
      types(
        'Researchers discovered a critical vulnerability in the Acme router firmware, tracked as CVE-2024-1234. The researchers disclosed the flaw to Acme in March. ' +
          'Acme released a patch on May 2. The security update fixes the vulnerability. Users should install the security update.',
      ),
    ).toEqual(['patch', 'vulnerability-disclosure']);
    expect(
      types(
        'Researchers discovered a critical vulnerability in the Acme router firmware, tracked as CVE-2024-1234. The researchers disclosed the flaw to Acme in March. The flaw lets attackers run code. A fix is expected.',
      ),
    ).toEqual(['vulnerability-disclosure']);
  });
});

describe('an espionage group is the actor, not an espionage incident', () => {
  test('zero-days exploited by a Chinese espionage group: an exploitation story', () => {
    const text =
      'Ivanti zero-days exploited by Chinese espionage group\n\nIvanti warned customers on Wednesday that two zero-day vulnerabilities in its Connect Secure VPN appliances, CVE-2023-46805 and CVE-2024-21887, are being exploited in the wild. ' +
      'Researchers at Volexity attributed the attacks to a suspected Chinese state-backed group they track as UTA0178.';
    expect(types(text)).not.toContain('espionage');
    expect(types(text)).toContain('vulnerability-exploitation');
  });
});

describe('malicious spam is phishing', () => {
  test('malspam, malicious attachments, spear-fishing', () => {
    expect(
      types(
        'Hancitor malspam was disguised as parking ticket notices last week. The malicious spam carried Word documents with macros that installed Pony.',
      ),
    ).toContain('phishing');
  });

  test('negative: spam filters and e-mail products are not phishing', () => {
    expect(
      types('Acme released a new spam filter for its e-mail product on Tuesday. The company said the update improves performance.'),
    ).not.toContain('phishing');
  });
});
