/**
 * The triggers' scan by word starts (lib/worker/extract/incidents/word-start-scan.ts) finds what the global
 * alternation it stands for finds: the same matches, the same body for each, in the same order, on news
 * text (CASIE's articles, read in place from ../shared) and on made-up cases where the order of bodies and
 * of phrases decides.
 */
import { describe, expect, it } from 'vitest';
import { ALL_TRIGGERS, TRIGGERS_BY_WEIGHT, caseSensitiveTwin } from '../../lib/worker/extract/incidents/triggers';
import { alternatives, wordStartScan, type WordStartScan } from '../../lib/worker/extract/incidents/word-start-scan';
import { benchItems } from '../../bench/sync/items';

/** The global alternation of `bodies`, as ALL_TRIGGERS is built. */
const alternation = (bodies: string[], flags: string) =>
  new RegExp(`\\b(?=\\w)(?:${bodies.map((b) => `((?:${b})\\b)`).join('|')})`, `g${flags}`);

function byRegExp(re: RegExp, text: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let g = 1;
    while (m[g] === undefined) g++;
    out.push(`${m.index}-${m.index + m[0].length}:${g - 1}`);
  }
  return out;
}

function byScan(scan: WordStartScan, text: string): string[] {
  const out: string[] = [];
  scan(text, (at, end, body) => out.push(`${at}-${end}:${body}`));
  return out;
}

describe('wordStartScan', () => {
  it('splits an alternation at its top level only', () => {
    expect(alternatives('a(?:b|c)|[|]d|e\\|f|(?<!x)g')).toEqual(['a(?:b|c)', '[|]d', 'e\\|f', '(?<!x)g']);
  });

  it('keeps the first body, and its first phrase, that matches at a word', () => {
    const bodies = ['data (?:theft|leak)s?', '(?:stolen )?data|theft', '[dt]\\w+', '(?:x)?(?=t)the attack|\\bbreach'];
    const texts = [
      'Stolen data: the data theft, then data leaks and the attack; a breach, thefts, theft.',
      'undata data-theft stolen  data the attackers the attack',
    ];
    for (const flags of ['', 'i']) {
      const scan = wordStartScan(bodies, flags);
      for (const text of texts) expect(byScan(scan, text)).toEqual(byRegExp(alternation(bodies, flags), text));
    }
    // "The" is a word of body 2 before "the attack" of body 3 is tried.
    expect(byScan(wordStartScan(bodies, 'i'), 'Data theft. The attack')).toEqual(['0-10:0', '12-15:2']);
  });

  it('finds exactly what ALL_TRIGGERS finds on news articles, case-insensitive or on lower-cased text', () => {
    const bodies = TRIGGERS_BY_WEIGHT.map((t) => t.body);
    const cs = caseSensitiveTwin(ALL_TRIGGERS);
    const scanCs = wordStartScan(bodies, '');
    const scanCi = wordStartScan(bodies, 'i');
    let matches = 0;
    for (const item of benchItems(300)) {
      const text = `${item.title}\n\n${item.content}`;
      const lower = text.toLowerCase();
      const want = byRegExp(cs, lower);
      matches += want.length;
      expect(byScan(scanCs, lower)).toEqual(want);
      expect(byScan(scanCi, text)).toEqual(byRegExp(ALL_TRIGGERS, text));
    }
    expect(matches).toBeGreaterThan(1000);
  });

  it('refuses the u flag, under which \\w and \\b are not the ASCII ones it reads', () => {
    expect(() => wordStartScan(['a'], 'u')).toThrow();
  });
});
