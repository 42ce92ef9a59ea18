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

describe('the owner of hacking tools, and who is hacking into others, is the attacker', () => {
  test('"CIA hacking tools", "has been systematically hacking into"', () => {
    expect(
      victims('Cyber expert has not seen CIA hacking tools for sale after the data breach\n\nNo one has offered them yet.'),
    ).not.toContain('CIA');
    expect(
      victims('Researchers said the CIA has been systematically hacking into personal devices in a data breach of millions of phones.'),
    ).not.toContain('CIA');
  });
  test('negative: the agency whose network was breached is the victim', () => {
    expect(victims('Hackers breached the CIA network in a data breach and stole files.')).toContain('CIA');
  });
});

describe('the text’s word that a name was hit, in more of its forms', () => {
  // Without the cue the name is still named (by its place in the story) but only at 0.6 or less.
  const confidence = (text: string, name: string) =>
    analyzeText(text, matcher, { published: '2017-04-15' }).incidents.find((i) => i.victim?.name === name)?.victimConfidence ?? 0;
  test('"stole millions of accounts from X"', () => {
    const text = 'Hacker steals accounts\n\nA hacker has stolen millions of accounts from Dueling Network, a Flash game, in a data breach.';
    expect(confidence(text, 'Dueling Network')).toBeGreaterThanOrEqual(0.7);
  });
  test('"X was subject to a ransomware attack"', () => {
    expect(
      confidence('Last month, Acme Health was subject to a significant ransomware attack that locked its files.', 'Acme Health'),
    ).toBeGreaterThanOrEqual(0.7);
  });
  test('one who speaks for it tells of its incident: "X CEO Richard Smith confirmed the network was targeted"', () => {
    const text =
      'Hospital pays ransom to attackers\n\nThe attackers demanded four bitcoins in a ransomware attack. On Friday afternoon, Equifax CEO Richard Smith confirmed the network was targeted by a ransomware attack.';
    expect(confidence(text, 'Equifax')).toBeGreaterThanOrEqual(0.7);
  });
  test('negative: one who speaks for it of another’s incident adds nothing', () => {
    const text =
      'Hospital pays ransom to attackers\n\nThe attackers demanded four bitcoins in a ransomware attack. On Friday afternoon, Equifax CEO Richard Smith said the weather was fine.';
    expect(confidence(text, 'Equifax')).toBeLessThan(0.7);
  });
});

describe('"X said it" tells of being hit only with what it suffered, found or did', () => {
  const text = (rest: string) =>
    `Leaked hacking tools go on sale\n\nThe group dumped a new batch of files in a data breach on Thursday. On Friday, Microsoft said it ${rest}`;
  test('"said it is investigating this latest batch of tools" is a bystander’s word', () => {
    expect(victims(text('is investigating this latest batch of tools that have been released.'))).not.toContain('Microsoft');
  });
  test('negative: "said it discovered the intrusion" is the victim’s', () => {
    expect(victims(text('discovered the intrusion in its network last week.'))).toContain('Microsoft');
  });
});

describe('a name in the attacker’s record is another’s incident', () => {
  const story = (record: string) =>
    `Hackers are stealing athlete drug data again\n\nThe Fancy Bear hackers are back at it, said officials on Monday. The athletes' medical files were taken from a file server in a data breach. Investigators said the intrusion dated back to at least February 21. Staff were told to reset their passwords and the network was cleaned over the weekend. ${record}`;
  test('"accused ... of carrying out the significant breach of X", named late', () => {
    expect(
      victims(story('The group has been accused of carrying out the significant breach of the Democratic National Committee.')),
    ).not.toContain('Democratic National Committee');
  });
  test('negative: a late sentence that says X was breached still names X', () => {
    expect(victims(story('Hackers carried out the significant breach of the Democratic National Committee.'))).toContain(
      'Democratic National Committee',
    );
  });
});
