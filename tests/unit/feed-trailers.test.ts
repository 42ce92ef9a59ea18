import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/worker/sync/parse';
import { withoutTrailers } from '../../lib/worker/sync/parse/trailers';

const FEEDS = resolve(__dirname, '../../../shared/fixtures/feeds');
const parse = (path: string) => parseFeed(readFileSync(resolve(FEEDS, path), 'utf8'), 'feed:test', `https://feeds.example.org/${path}`);

describe('what publishing software appends to every item is not the story', () => {
  it("drops WordPress's “The post … appeared first on …” line, on its own line or after the last sentence", () => {
    expect(
      withoutTrailers(
        'Patients’ data was stolen.\nThe post Medtronic Data Breach Impacts 3.8 Million People appeared first on SecurityWeek.',
      ),
    ).toBe('Patients’ data was stolen.');
    expect(withoutTrailers('Patients’ data was stolen. The post Medtronic Data Breach appeared first on SecurityWeek.')).toBe(
      'Patients’ data was stolen.',
    );
    expect(withoutTrailers('The post Medtronic Data Breach appeared first on SecurityWeek.')).toBe('');
  });

  it('drops link labels and aggregator lines at the end, and keeps a cut sentence visibly cut', () => {
    expect(withoutTrailers('The firm said so. Read more »')).toBe('The firm said so.');
    expect(withoutTrailers('The firm said so. (Continue reading…)')).toBe('The firm said so.');
    expect(withoutTrailers('The firm said so.\nContinue reading “Hospital hit by ransomware”')).toBe('The firm said so.');
    expect(
      withoutTrailers('The firm said so.\nThis article has been indexed from Security Affairs\nRead the original article: Hospital hit'),
    ).toBe('The firm said so.');
    expect(withoutTrailers('Development of the firmware will continue. [...]')).toBe('Development of the firmware will continue.');
    expect(withoutTrailers('The attackers then moved to the domain controller and […]')).toBe(
      'The attackers then moved to the domain controller and…',
    );
  });

  it("leaves the story's own words alone, wherever they are", () => {
    for (const text of [
      'Admins should read more',
      'Read more about the flaw in the vendor’s advisory, the researchers said.',
      'The post office said the attack hit its systems. Nothing appeared first on the dark web.',
      'A story with no trailer.',
    ])
      expect(withoutTrailers(text)).toBe(text);
  });

  it('real feeds: SecurityWeek items lose the line that names the site, BleepingComputer items their cut mark', () => {
    const week = parse('oculus/securityweek.xml').items;
    expect(week).toHaveLength(3);
    for (const item of week) {
      expect(item.summary).toBeTruthy();
      expect(item.summary).not.toMatch(/appeared first on|SecurityWeek/);
    }
    expect(week.find((i) => i.title.startsWith('Medtronic'))?.summary).toBe(
      'In April, ShinyHunters accessed the company’s corporate IT systems and stole patients’ personal and medical information.',
    );
    const bleeping = parse('oculus/bleepingcomputer.xml').items;
    for (const item of bleeping) expect(item.summary).not.toMatch(/\[(?:\.\.\.|…)\]/);
  });
});
