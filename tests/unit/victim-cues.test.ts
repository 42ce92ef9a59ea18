import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../lib/worker/engine';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';

const matcher = compileMatcher(seedCatalogue());
const victims = (text: string, published = '2017-04-15') =>
  analyzeText(text, matcher, { published }).incidents.map((i) => i.victim?.name ?? null);

describe('a source of the findings speaks without being hit', () => {
  test('its own statement, with no plain word that it was hit, does not make it the victim', () => {
    const text =
      'Hackers targeted diplomats in a phishing scam, cybersecurity firm says\n\nF-Secure says it cannot prove which country was behind the hack. Research published by cybersecurity firm F-Secure suggested the attack was a spear-phishing campaign.';
    expect(victims(text)).not.toContain('F-Secure');
  });

  test('negative: the same firm saying plainly that it was breached is the victim', () => {
    const text =
      'F-Secure says hackers breached its network\n\nF-Secure said it was hacked in March and that attackers stole source code. Researchers at the security firm F-Secure published the findings.';
    expect(victims(text)).toContain('F-Secure');
  });
});

describe('a name whose clause is dated years before the story is its background', () => {
  const story =
    'Ransomware variant returns with new tricks\n\nA new wave of ransomware emails hit inboxes this week. Researchers said the campaign spread quickly. It also said the group behind it changed its code. In a sustained cyber attack on four dozen banks of the Acme Banking Group from 2011 through 2013, systems were encrypted by ransomware.';
  test('the earlier incident of another is not named as the victim, lede or not', () => {
    expect(victims(story)).not.toContain('Acme Banking Group');
  });
  test('negative: the same words dated in the story’s year name the victim', () => {
    expect(victims(story.replace('from 2011 through 2013', 'this month'))).toContain('Acme Banking Group');
  });
});

describe('"the district", "the company": the noun agrees with the name it stands for', () => {
  test('a tax office is not "the district" nor a commission "the company"', () => {
    const text =
      'School district picks up the pieces after data breach\n\nWhen a representative from the Internal Revenue Service arrived last week to collect files, the staff learned of the scam. The district was hit by a phishing attack and hackers stole employee records.';
    expect(victims(text)).not.toContain('Internal Revenue Service');
  });
  test('"the hospital" is the name with a hospital’s head, not the one named most', () => {
    const text =
      'Ransomware spreads in Indiana\n\nAcme Software said Acme Software tools were not involved, and Acme Software customers were told to stay calm. Hancock Regional Hospital staff noticed the locked screens on Thursday. The hospital was hit by ransomware and paid the attackers.';
    expect(victims(text)).toContain('Hancock Regional Hospital');
  });
});
