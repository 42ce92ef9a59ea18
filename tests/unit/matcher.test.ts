import { describe, it, expect } from 'vitest';
import { compileMatcher, loadMatcher, serializeMatcher, leftmostLongest, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import type { CatalogueEntry, EntityType } from '../../lib/shared/types';

const entry = (key: string, name: string, aliases: string[] = [], type: EntityType = 'actor'): CatalogueEntry => ({
  key,
  type,
  name,
  aliases,
  sources: ['test'],
});

/** Hits as "start-end:key" strings, one per entity of a hit. */
function hitsOf(m: CompiledMatcher, text: string, all = true, automaton = false): string[] {
  const hits = automaton ? m.scanAllAutomaton(text) : all ? m.scanAll(text) : m.scan(text);
  return hits.flatMap((h) => h.terms.map((t) => `${h.start}-${h.end}:${m.termEntityInfo(t).key}`)).sort();
}

// A tiny PRNG so that failures reproduce.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('automaton against a naive reference', () => {
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
  function naive(terms: { key: string; name: string }[], text: string): string[] {
    const out: string[] = [];
    const lower = text.toLowerCase();
    for (const { key, name } of terms) {
      const n = name.toLowerCase();
      for (let s = lower.indexOf(n); s >= 0; s = lower.indexOf(n, s + 1)) {
        const e = s + n.length;
        if (isWord(n[0]) && isWord(text[s - 1])) continue;
        if (isWord(n[n.length - 1]) && isWord(text[e])) continue;
        out.push(`${s}-${e}:${key}`);
      }
    }
    return out.sort();
  }

  it('finds exactly the whole-word occurrences on random texts and terms', () => {
    const rand = rng(42);
    const pick = (s: string) => s[Math.floor(rand() * s.length)];
    for (let round = 0; round < 60; round++) {
      const terms = new Map<string, { key: string; name: string }>();
      const nTerms = 1 + Math.floor(rand() * 25);
      while (terms.size < nTerms) {
        let name = '';
        const len = 1 + Math.floor(rand() * 6);
        for (let i = 0; i < len; i++) name += pick('abcAB-$');
        name = name.replace(/^-+|-+$/g, '');
        if (name.length < 2 || !/[a-z]/i.test(name)) continue;
        // one entity per distinct folded name, as the catalogue would have it
        terms.set(name.toLowerCase(), { key: `actor:t${terms.size}`, name });
      }
      const list = [...terms.values()];
      const m = compileMatcher(list.map((t) => entry(t.key, t.name)));
      for (let k = 0; k < 10; k++) {
        let text = '';
        const len = Math.floor(rand() * 80);
        for (let i = 0; i < len; i++) text += pick('abcAB-$ .x');
        text = text.replace(/ {2,}/g, ' ');
        const expected = naive(list, text);
        expect(hitsOf(m, text), `terms ${list.map((t) => t.name)} text "${text}"`).toEqual(expected);
        // the full Aho–Corasick pass finds the same hits as the walk from word starts
        expect(hitsOf(m, text, true, true), `automaton: terms ${list.map((t) => t.name)} text "${text}"`).toEqual(expected);
      }
    }
  });

  it('keeps the leftmost, then longest, of overlapping hits', () => {
    const m = compileMatcher([
      entry('malware:cobalt', 'Cobalt'),
      entry('malware:cobalt-strike', 'Cobalt Strike'),
      entry('actor:strike-team', 'Strike Team'),
    ]);
    expect(hitsOf(m, 'Cobalt Strike Team', false)).toEqual(['0-13:malware:cobalt-strike']);
    expect(hitsOf(m, 'the Cobalt gang', false)).toEqual(['4-10:malware:cobalt']);
    expect(
      leftmostLongest([
        { start: 5, end: 9 },
        { start: 0, end: 6 },
        { start: 0, end: 3 },
      ]),
    ).toEqual([{ start: 0, end: 6 }]);
  });
});

describe('word boundaries', () => {
  const m = compileMatcher([
    entry('actor:apt28', 'APT28', ['Fancy Bear']),
    entry('actor:lapsus', 'LAPSUS$'),
    entry('malware:agent-btz', 'Agent.btz', [], 'malware'),
    entry('actor:storm-0558', 'Storm-0558'),
    entry('malware:x-agent', 'X-Agent (Sofacy)', [], 'malware'),
  ]);
  it('rejects names inside longer words and identifiers', () => {
    expect(hitsOf(m, 'XAPT28 APT280 APT28x apt28_report')).toEqual([]);
    expect(hitsOf(m, 'Storm-05589')).toEqual([]);
  });
  it('accepts names next to punctuation', () => {
    expect(hitsOf(m, '(APT28), "APT28". APT28’s')).toEqual(['1-6:actor:apt28', '10-15:actor:apt28', '18-23:actor:apt28']);
  });
  it('handles names ending in $ or holding . - (', () => {
    expect(hitsOf(m, 'LAPSUS$ group and (LAPSUS$)')).toEqual(['0-7:actor:lapsus', '19-26:actor:lapsus']);
    expect(hitsOf(m, 'the Agent.btz worm; X-Agent (Sofacy) too')).toEqual(['20-36:malware:x-agent', '4-13:malware:agent-btz']);
  });
});

describe('case, Unicode and offsets', () => {
  const m = compileMatcher([
    entry('actor:apt28', 'APT28', ['Fancy Bear']),
    entry('actor:storm-0558', 'Storm-0558'),
    entry('malware:lockbit', 'LockBit', [], 'malware'),
    entry('actor:obrien', "O'Brien Crew"),
    entry('actor:cyr', 'Песчаная Буря'),
  ]);
  it('folds case', () => {
    expect(hitsOf(m, 'FANCY BEAR and fancy bear')).toEqual(['0-10:actor:apt28', '15-25:actor:apt28']);
    expect(hitsOf(m, 'ПЕСЧАНАЯ БУРЯ')).toEqual(['0-13:actor:cyr']);
  });
  it('folds spaces (NBSP, runs, newlines), dashes and quotes, keeping offsets into the original', () => {
    const text = 'Fancy\u00a0 \n Bear, Storm\u20130558, O\u2019Brien Crew';
    expect(hitsOf(m, text)).toEqual(['0-13:actor:apt28', '15-25:actor:storm-0558', '27-39:actor:obrien']);
    expect(hitsOf(m, text, true, true)).toEqual(hitsOf(m, text));
    expect(text.slice(27, 39)).toBe('O\u2019Brien Crew');
  });
  it('skips soft hyphens and zero-width characters inside a name', () => {
    expect(hitsOf(m, 'Lock\u00adBit and Lock\u200bBit')).toEqual(['0-8:malware:lockbit', '13-21:malware:lockbit']);
    expect(hitsOf(m, 'Lock\u00adBit and Lock\u200bBit', true, true)).toEqual(['0-8:malware:lockbit', '13-21:malware:lockbit']);
  });
  it('counts UTF-16 code units (astral characters before a name)', () => {
    const text = '😀😀 APT28';
    expect(hitsOf(m, text)).toEqual(['5-10:actor:apt28']);
    expect(text.slice(5, 10)).toBe('APT28');
  });
});

describe('serialisation', () => {
  const entries = [
    entry('actor:apt28', 'APT28', ['Fancy Bear', 'G0007']),
    entry('malware:play', 'Play', [], 'malware'),
    entry('location:cuba', 'Cuba', [], 'location'),
    entry('malware:cuba', 'Cuba', [], 'malware'),
    { ...entry('vulnerability:cve-2023-4966', 'CVE-2023-4966', ['Citrix Bleed'], 'vulnerability') },
  ];
  const m = compileMatcher(entries);
  const text = 'APT28 (Fancy Bear) hit Cuba with Play; G0007.';
  it('loads back from its buffer with the same hits, tables and look-ups', () => {
    const back = loadMatcher(serializeMatcher(m));
    expect(hitsOf(back, text)).toEqual(hitsOf(m, text));
    expect(back.termCount).toBe(m.termCount);
    expect(back.lookup('g0007').map((t) => back.termEntityInfo(t).key)).toEqual(['actor:apt28']);
    expect(
      back
        .lookup('cuba')
        .map((t) => back.termEntityInfo(t).key)
        .sort(),
    ).toEqual(['location:cuba', 'malware:cuba']);
  });
  it('loads from a Node Buffer at any offset', () => {
    const bytes = new Uint8Array(serializeMatcher(m));
    const padded = Buffer.alloc(bytes.length + 3);
    padded.set(bytes, 3);
    expect(hitsOf(loadMatcher(padded.subarray(3)), text)).toEqual(hitsOf(m, text));
  });
  it('rejects a foreign or damaged buffer', () => {
    expect(() => loadMatcher(new ArrayBuffer(64))).toThrow(/not a compiled matcher/);
    const cut = serializeMatcher(m).slice(0, 200);
    expect(() => loadMatcher(cut)).toThrow();
  });
  it('leaves CVE ids to the CVE patterns, and knows vulnerabilities by their nicknames', () => {
    expect(hitsOf(m, 'CVE-2023-4966')).toEqual([]);
    expect(m.lookup('Citrix Bleed').map((t) => m.termEntityInfo(t).key)).toEqual(['vulnerability:cve-2023-4966']);
    // A KEV row names nothing but its CVE id: no term, no record.
    const kevOnly = compileMatcher([entry('vulnerability:cve-2024-3400', 'CVE-2024-3400', [], 'vulnerability')]);
    expect(kevOnly.termCount).toBe(0);
  });
});
