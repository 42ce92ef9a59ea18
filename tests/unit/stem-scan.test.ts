import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { matchesByStems, stemsOf } from '../../lib/worker/extract/stem-scan';
import { ALL_TRIGGERS, caseSensitiveTwin } from '../../lib/worker/extract/incidents/triggers';

/** Each match as its position and every group (undefined where a group took no part). */
const spans = (ms: Iterable<RegExpExecArray>) => [...ms].map((m) => [m.index, ...m]);

describe('stemsOf: the literal prefixes every match begins with', () => {
  test('reads groups, optional parts, small classes and repetitions', () => {
    // (Cut at ten characters.)
    expect(new Set(stemsOf(/\b(?:ransom(?:ware)? attacks?|hit by|(?:data )?leaks?)\b/g))).toEqual(
      new Set(['ransom att', 'ransomware', 'hit by', 'leak', 'leaks', 'data leak', 'data leaks']),
    );
    expect(new Set(stemsOf(/[Tt]he (?:[\w-]+ ){0,2}attack/g))).toEqual(new Set(['The ', 'the ', 'The attack', 'the attack']));
    // Once at least, then no further: the repeated part's first characters only.
    expect(stemsOf(/(?:ab)+c/g)).toEqual(['ab']);
    expect(new Set(stemsOf(/\d+ ?%/g))).toEqual(new Set('0123456789'));
  });

  test('none where a path begins with no known character', () => {
    expect(stemsOf(/\b(?:ransom|\w+ware)/g)).toBeUndefined();
    expect(stemsOf(/(?:the )?[^a]x/g)).toBeUndefined();
  });
});

describe('matchesByStems: what the global scan finds', () => {
  const texts = [
    'Acme was hit by ransomware; the ransomware attack leaked data. Ransom attacks, data leaks and leaks.',
    'xhit by, hit byte, ransomware_attack, ransomwareattack; hit  by',
    'aab abc ab ac bcd b bc c',
    'Nothing to see here.',
    '',
  ];

  test('the same matches and groups, case-sensitive and ignoring case', () => {
    const res = [
      /\b(?:(ransom(?:ware)? attacks?)|(hit by)|((?:data )?leaks?))\b/g,
      /\b(?:(ransom(?:ware)? attacks?)|(hit by)|((?:data )?leaks?))\b/gi,
      // Order decides among alternatives that begin alike: "a" before "ab", "b" after "bc".
      /(a)|(ab)|(bc)|(b)|(c)d/g,
      /(?:a|b)(c)?|(a)(a)b/g,
    ];
    for (const re of res)
      for (const text of texts) expect(spans(matchesByStems(re, text)), `${re} on ${text}`).toEqual(spans(text.matchAll(re)));
  });

  test('an alternative left out where it cannot begin keeps the numbers of the groups after it', () => {
    const re = /\b(?:(alpha)|(beta)|(gamma))\b/g;
    const [m] = matchesByStems(re, 'the gamma ray');
    expect([m.index, m[1], m[2], m[3]]).toEqual([4, undefined, undefined, 'gamma']);
  });

  test('an expression it cannot read is scanned as it is, its lastIndex left alone', () => {
    const re = /\w+ware/g;
    re.lastIndex = 3;
    expect(spans(matchesByStems(re, 'malware and spyware'))).toEqual(spans('malware and spyware'.matchAll(/\w+ware/g)));
    expect(re.lastIndex).toBe(3);
  });

  test('the incident triggers on news text, as scoreSentences scans them', () => {
    const rows = readFileSync(resolve(import.meta.dirname, '../../../shared/eval/incidents/casie-dev.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .slice(0, 60)
      .map((l) => (JSON.parse(l) as { text: string }).text);
    const twin = caseSensitiveTwin(ALL_TRIGGERS);
    expect(stemsOf(twin)).toBeDefined();
    let found = 0;
    for (const text of rows) {
      const lower = text.toLowerCase();
      const ms = spans(matchesByStems(twin, lower));
      found += ms.length;
      expect(ms).toEqual(spans(lower.matchAll(twin)));
      expect(spans(matchesByStems(ALL_TRIGGERS, text))).toEqual(spans(text.matchAll(ALL_TRIGGERS)));
    }
    expect(found).toBeGreaterThan(100);
  });
});
