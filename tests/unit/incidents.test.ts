import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { analyzeText } from '../../lib/worker/engine';
import { detectArticle } from '../../lib/page/detect';
import { extractIncidents } from '../../lib/worker/extract/incidents';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import { splitSentences } from '../../lib/worker/extract/incidents/sentences';
import { findOrganizations } from '../../lib/worker/extract/orgs';
import type { EntityMatch } from '../../lib/shared/types';
import { cpuMs } from './cpu-time';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = resolve(ROOT, 'tests/fixtures/incidents');

interface Case {
  published: string;
  text: string;
  entities: { type: EntityMatch['type']; subtype?: string; text: string; key: string }[];
  expect: { type: string; victim?: string | null; actor?: string; when?: string }[];
}

/** What the catalogue would give: every whole-word occurrence of each listed name; then unknown organisations. */
function entitiesOf(c: Case): EntityMatch[] {
  const out: EntityMatch[] = [];
  for (const e of c.entities) {
    for (let i = c.text.indexOf(e.text); i >= 0; i = c.text.indexOf(e.text, i + 1)) {
      const before = c.text[i - 1] ?? ' ';
      const after = c.text[i + e.text.length] ?? ' ';
      if (/\w/.test(before) || /\w/.test(after)) continue;
      out.push({ type: e.type, subtype: e.subtype, start: i, end: i + e.text.length, text: e.text, key: e.key, name: e.text });
    }
  }
  return [...out, ...findOrganizations(c.text, out)].sort((a, b) => a.start - b.start);
}

const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(resolve(FIXTURES, f), 'utf8')) as Case] as const);

describe('incidents in labelled texts', () => {
  test('there are labelled cases for every incident type and for texts without one', () => {
    const types = new Set(cases.flatMap(([, c]) => c.expect.map((e) => e.type)));
    for (const t of [
      'ransomware',
      'data-breach',
      'espionage',
      'ddos',
      'phishing',
      'supply-chain',
      'vulnerability-exploitation',
      'vulnerability-disclosure',
      'patch',
      'fraud',
      'wiper',
      'cyberattack',
    ])
      expect(types, t).toContain(t);
    expect(cases.some(([, c]) => c.expect.length === 0)).toBe(true);
  });

  test.each(cases)('%s', (_name, c) => {
    const incidents = extractIncidents(c.text, entitiesOf(c), { published: c.published });
    expect(incidents.map((i) => i.type)).toEqual(c.expect.map((e) => e.type));
    c.expect.forEach((want, k) => {
      const got = incidents[k];
      if (want.victim === null) expect(got.victim).toBeUndefined();
      else if (want.victim !== undefined) expect(got.victim?.name).toBe(want.victim);
      if (want.actor !== undefined) expect(got.actor?.key).toBe(want.actor);
      if (want.when !== undefined) expect(got.when).toBe(want.when);
      // The spans report it: each lies in the text and the first holds a trigger sentence.
      expect(got.spans.length).toBeGreaterThan(0);
      for (const s of got.spans) expect(s.end).toBeLessThanOrEqual(c.text.length);
      expect(got.summary.length).toBeGreaterThan(5);
    });
  });
});

describe('the seed article', () => {
  const html = readFileSync(resolve(ROOT, '../shared/fixtures/pages/icc-espionage.html'), 'utf8');
  const { document } = parseHTML(html);
  // The story paragraphs only: not the navigation, the author box or the "previous post" link.
  const body = document.querySelector('article .entry-content');
  const text = [...(body?.querySelectorAll('p') ?? [])].map((p) => (p.textContent ?? '').trim()).join('\n\n');
  const published = document.querySelector('meta[property="article:published_time"]')?.getAttribute('content') ?? undefined;

  test('gives exactly one incident: espionage against the International Criminal Court in September 2023', () => {
    expect(text).toContain('act of espionage');
    expect(text).not.toContain('Casio');
    const places: EntityMatch[] = [];
    for (const [word, key] of [
      ['Netherlands', 'location:netherlands'],
      ['Dutch', 'location:netherlands'],
      ['Russian', 'location:russia'],
      ['Russia', 'location:russia'],
      ['Brazil', 'location:brazil'],
      ['The Hague', 'location:the-hague'],
    ] as const) {
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
        if (/\w/.test(text[i + word.length] ?? ' ')) continue;
        places.push({ type: 'location', start: i, end: i + word.length, text: word, key, name: word });
      }
    }
    const entities = [...places, ...findOrganizations(text, places)].sort((a, b) => a.start - b.start);
    const incidents = extractIncidents(text, entities, { published });
    expect(incidents).toHaveLength(1);
    const [icc] = incidents;
    expect(icc.type).toBe('espionage');
    expect(icc.victim?.name).toBe('International Criminal Court');
    expect(icc.when).toBe('2023-09');
    expect(icc.whenText).toBe('in September');
    expect(text.slice(icc.spans[0].start, icc.spans[0].end)).toContain('act of espionage');
  });
});

describe('the seed article through the whole engine (detector, bundled catalogue, organisations)', () => {
  test('one espionage incident against the ICC, September 2023, with no background sentence in it', () => {
    const html = readFileSync(resolve(ROOT, '../shared/fixtures/pages/icc-espionage.html'), 'utf8');
    const { document } = parseHTML(html);
    const info = detectArticle(
      document as unknown as Document,
      'https://newswire.example/2023/10/20/war-crimes-tribunal-says-september-cyberattack-was-act-of-espionage/',
    );
    const { incidents } = analyzeText(info.text, compileMatcher(seedCatalogue()), { published: info.published });
    expect(incidents).toHaveLength(1);
    const [icc] = incidents;
    expect(icc.type).toBe('espionage');
    expect(icc.victim?.name).toMatch(/International Criminal Court|ICC/);
    expect(icc.when).toBe('2023-09');
    for (const s of icc.spans) expect(info.text.slice(s.start, s.end)).not.toMatch(/Casio|June 2022/);
  });
});

describe('victims and types in short invented reports (general rules, not labelled texts)', () => {
  const matcher = compileMatcher(seedCatalogue());
  const read = (text: string) =>
    analyzeText(text, matcher, { published: '2024-06-01' }).incidents.map((i) => `${i.type}:${i.victim?.name ?? '-'}`);

  test('victims without head words', () => {
    expect(read('Under Armour was hit by a ransomware attack last week, the company confirmed on Monday.')).toEqual([
      'ransomware:Under Armour',
    ]);
    expect(read('The breach exposed personal data of 2 million Zellner customers. Names and addresses were stolen.')).toEqual([
      'data-breach:Zellner',
    ]);
    expect(
      read(
        'Medtronic Data Breach Impacts 3.8 Million People\n\nIn April, hackers accessed the company’s systems and stole patients’ data.',
      ),
    ).toEqual(['data-breach:Medtronic']);
  });

  test('the brand a lure imitates is not the victim; the customers it goes after are', () => {
    expect(
      read('A phishing campaign is targeting Norwave subscribers with emails about billing. The emails lead to a cloned Norwave page.'),
    ).toEqual(['phishing:Norwave subscribers']);
    expect(read('Phishing emails impersonating DHL targeted Kestrel Bank employees last month, the lender said.')).toEqual([
      'phishing:Kestrel Bank',
    ]);
  });

  test('a flaw story is not an attack: demonstrated bypasses, what an attacker could do, flaws found', () => {
    expect(
      read(
        'Bypassing the Lockwell Door Sensor\n\nResearchers demonstrated an attack that allowed them to bypass the sensor. The feature has been hacked, and an attacker could open doors.',
      ),
    ).toEqual(['vulnerability-disclosure:-']);
    expect(read('Google Finds 20-Year-Old Windows Vulnerability\n\nThere is no indication that it was used in the wild.')).toEqual([
      'vulnerability-disclosure:-',
    ]);
  });

  test('the employer of a quoted researcher is the source, not the victim', () => {
    expect(
      read(
        'A new Android ransomware strain encrypts victims’ files, said Lukas Brandt with ESET in an analysis of the ransomware on Monday. The ransomware spreads by SMS.',
      ),
    ).toEqual(['ransomware:-']);
  });

  test('tools and practices are not incidents: DDoS botnets, a patch policy; a contrast explains', () => {
    expect(
      read(
        'Researchers said the Kelpie botnet is unlike traditional botnets that coordinate huge distributed denial-of-service attacks. Its operators rent it out as a proxy network to others.',
      ),
    ).toEqual([]);
    expect(read('Police said they seized servers of one of the largest DDoS botnets and arrested two men.')).toEqual([]);
    expect(
      read('Orbital Reverses Patch Policy to Keep Up With AI\n\nExpect shorter patching cycles from Orbital, the company said.'),
    ).toEqual([]);
  });

  test('a headline reports its story; researchers and security companies report, they are not hit', () => {
    expect(read('Agentic AI Used to Conduct Ransomware Attack\n\nThe intrusion shows how agents chain known techniques.')).toEqual([
      'ransomware:-',
    ]);
    expect(
      read(
        'The first clues came in a report from the security company Qorvel, which flagged nine domains used by the DDoS botnet operators in attacks on banks.',
      ).every((s) => !s.includes('Qorvel')),
    ).toBe(true);
  });
});

describe('pages that report no incident', () => {
  test('a page of security tips from the labelled article set', () => {
    const path = resolve(ROOT, '../shared/eval/article/pages.jsonl');
    const row = readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.includes('top-10-secure-computing-tips'))
      .map((l) => JSON.parse(l) as { main_content: string })[0];
    expect(row.main_content).toMatch(/Phishing scams/);
    const text = row.main_content;
    expect(extractIncidents(text, findOrganizations(text, []), {})).toEqual([]);
  });
});

describe('pages that are not security news', () => {
  // The labelled article set is general web content: reviews, guides, forums, news of all kinds.
  // Hardly any of it reports a cyber incident, so what the extractor finds there is mostly noise.
  test('few of the 600 labelled web pages get an incident', () => {
    const rows = readFileSync(resolve(ROOT, '../shared/eval/article/pages.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { main_content?: string; publish_date?: string | null });
    const texts = rows.map((r) => r.main_content ?? '').filter((t) => t.length >= 200);
    expect(texts.length).toBeGreaterThan(500);
    const hits = texts.filter((t) => extractIncidents(t, findOrganizations(t, []), {}).length > 0).length;
    expect(hits / texts.length).toBeLessThan(0.03);
  });
});

describe('sentences', () => {
  test('abbreviations and initials do not end a sentence; paragraphs do', () => {
    const text =
      'Acme Inc. said on Sept. 12 that Mr. J. Smith left the U.S. team. A second sentence follows!\n\nNew paragraph without a stop\nstill the same line? Yes.';
    const got = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(got).toEqual([
      'Acme Inc. said on Sept. 12 that Mr. J. Smith left the U.S. team.',
      'A second sentence follows!',
      'New paragraph without a stop\nstill the same line?',
      'Yes.',
    ]);
  });
});

describe('cost', () => {
  test('a 10,000-word article is read whole and adversarial text stays linear', () => {
    const [, c] = cases.find(([n]) => n === 'merge-mentions')!;
    let text = '';
    while (text.split(/\s+/).length < 10_000) text += c.text + '\n\n';
    const entities = entitiesOf({ ...c, text });
    // Speed is measured by `npm run bench`, not asserted here; this guards against super-linear work only.
    expect(extractIncidents(text, entities, { published: c.published }).length).toBeGreaterThan(0);
    const hostile = 'breach at '.repeat(10_000) + 'a'.repeat(50_000) + ' said it '.repeat(5_000);
    expect(cpuMs(() => extractIncidents(hostile, [], {}))).toBeLessThan(2000);
  });
});

describe('a headline drops the passive’s auxiliary (issue 8)', () => {
  const matcher = compileMatcher(seedCatalogue());
  const read = (text: string) =>
    analyzeText(text, matcher, { published: '2024-06-01' }).incidents.map((i) => `${i.type}:${i.victim?.name ?? '-'}`);

  test('"Quorvant Hacked, Customer Data Stolen": two clauses in Title Case report the breach', () => {
    expect(read('Quorvant Hacked, Customer Data Stolen\n\nThe company said on Monday that it is investigating.')).toEqual([
      'data-breach:Quorvant',
    ]);
    expect(read('Customer Data Stolen in Quorvant Hack\n\nThe company said on Monday that it is investigating.')).toContain(
      'data-breach:Quorvant',
    );
  });

  test('negative: in prose the bare participle is an adjective, and a denial reports nothing', () => {
    expect(read('The crooks sent the letters to customer data stolen earlier from an unknown source.')).toEqual([]);
    expect(read('Quorvant Not Hacked, No Customer Data Stolen\n\nThe company said on Monday that its systems are safe.')).toEqual([]);
  });
});
