/** One word list for the types: the highlight styles, the card's "why" and the options read the same labels. */
import { describe, expect, it } from 'vitest';
import { INDICATOR_LABELS, indicatorLabel, TYPE_LABELS } from '@/lib/shared/labels';
import { TYPE_STYLES } from '@/lib/page/highlight';
import { ENTITY_TYPES } from '@/lib/shared/types';
import { whyMatched } from '@/components/card/why';

describe('labels', () => {
  it('gives every entity type one label, the one the highlight styles show', () => {
    for (const type of ENTITY_TYPES) {
      expect(TYPE_LABELS[type]).toMatch(/\S/);
      expect(TYPE_STYLES[type].label).toBe(TYPE_LABELS[type]);
    }
  });

  it('writes hashes as their standards do, in the card and in why a match was made', () => {
    expect(indicatorLabel('sha256')).toBe('SHA-256 hash');
    expect(indicatorLabel('sha1')).toBe('SHA-1 hash');
    expect(Object.values(INDICATOR_LABELS).filter((l) => /SHA\d/.test(l))).toEqual([]);
    const why = whyMatched({ type: 'indicator', text: 'ab'.repeat(32), name: 'ab'.repeat(32), why: { pattern: 'sha256' } });
    expect(why).toBe('Matched the SHA-256 hash pattern.');
    expect(indicatorLabel('btc')).toBe('btc');
  });
});
