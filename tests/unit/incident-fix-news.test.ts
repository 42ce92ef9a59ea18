import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../lib/worker/engine';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';

const matcher = compileMatcher(seedCatalogue());
const types = (text: string, published = '2024-05-20') =>
  analyzeText(text, matcher, { published })
    .incidents.map((i) => i.type)
    .sort();

describe('a fix released is news in any story, dated before the attack as it may be (issue 8)', () => {
  const worm =
    'Hospitals across Europe were hit by a ransomware attack on Friday that encrypted files on thousands of computers. ' +
    'The ransomware attack forced doctors to turn patients away, officials said on Saturday. ' +
    'The worm spreads through a flaw in the file-sharing service of older Windows versions. ' +
    'Staff at several hospitals worked through the weekend to restore systems.';
  test('the update released months before the worm, and the flaw it fixes, stay beside the attack', () => {
    expect(types(`${worm} Microsoft issued a security update in February that fixes the vulnerability.`, '2024-05-20')).toEqual([
      'patch',
      'ransomware',
      'vulnerability-disclosure',
    ]);
  });

  test('negative: an earlier attack dated months before the story is still background', () => {
    expect(
      types(`${worm} Last year, a data breach at another clinic exposed patient records in January 2023.`, '2024-05-20'),
    ).not.toContain('data-breach');
  });
});

describe('a flaw told once keeps the fix the text tells of as done (issue 8)', () => {
  test('a disclosure said once, with its fix told as done, reports the patch too', () => {
    // One strong word of disclosure outside the lede: only the best candidate is kept, as in a short report.
    const text =
      'Acme Club kept its members’ photographs on an open web server for months.\n\n' +
      'Anyone could view the pictures without a password, the magazine said. ' +
      'Thousands of members were affected. The club has over 5,000 members worldwide. ' +
      'After the magazine reported the security issues to the club in December, it took the club three weeks to patch the issue.';
    expect(types(text)).toEqual(['patch', 'vulnerability-disclosure']);
  });

  test('negative: without the fix, only the flaw', () => {
    const text =
      'Acme Club kept its members’ photographs on an open web server for months.\n\n' +
      'Anyone could view the pictures without a password, the magazine said. ' +
      'Thousands of members were affected. The club has over 5,000 members worldwide. ' +
      'The magazine reported the security issues to the club in December.';
    expect(types(text)).toEqual(['vulnerability-disclosure']);
  });
});

describe('a lure told by its posing, in any tense, is phishing (issue 8)', () => {
  test('"posed as" tells the lure as "posing as" does', () => {
    expect(
      types(
        'An attacker posed as the company’s chief executive in an email to the payroll department, the company said on Monday. ' +
          'The attacker posed as the chief executive again in a second email on Tuesday, and a clerk sent over the tax forms of 4,000 employees, the company said.',
      ),
    ).toContain('phishing');
  });

  test('negative: a threat posed to someone is no lure', () => {
    expect(
      types(
        'The flood posed a threat to the company’s offices, the company said on Monday. The storm posed a danger to the town again on Tuesday.',
      ),
    ).not.toContain('phishing');
  });
});
