import { describe, expect, test } from 'vitest';
import { extractEntities } from '../../lib/worker/extract/entities';
import { extractIncidents } from '../../lib/worker/extract/incidents';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';

const matcher = compileMatcher(seedCatalogue());

/** The victims the chooser names, each with the evidence it had, as onVictim tells them. */
function told(text: string) {
  const out: { name: string; evidence?: string; shown?: string }[] = [];
  const incidents = extractIncidents(text, extractEntities(text, matcher), {
    published: '2024-05-20',
    onVictim: (victim, incident) => out.push({ name: victim.entity.name, evidence: victim.evidence, shown: incident.victim?.name }),
  });
  return { incidents, out };
}

describe('the evidence a victim was named on', () => {
  test("the text's words for being hit, before or after the name", () => {
    expect(told('A ransomware attack hit Acme Hospital last week. The hospital restored its systems from backups.').out).toEqual([
      { name: 'Acme Hospital', evidence: 'cue', shown: 'Acme Hospital' },
    ]);
    expect(told('Acme Corporation was hit by ransomware last week.').out).toEqual([
      { name: 'Acme Corporation', evidence: 'cue', shown: 'Acme Corporation' },
    ]);
  });

  test('the people a brand names, "the company" for a name given before, or only where the name stands', () => {
    expect(
      told('Criminals are trying to steal money from Netflix customers with a sophisticated new phishing scam.').out[0]?.evidence,
    ).toBe('users');
    expect(
      told('Kmart Corporation reported quarterly results on Monday.\n\nThe company said hackers stole payment card data in a data breach.')
        .out,
    ).toEqual([{ name: 'Kmart Corporation', evidence: 'reference', shown: 'Kmart Corporation' }]);
    expect(
      told(
        'Ransomware and the Acme Corporation\n\nThe ransomware encrypted hundreds of files last week, and the ransom demand was $50,000.',
      ).out,
    ).toEqual([{ name: 'Acme Corporation', evidence: 'position', shown: 'Acme Corporation' }]);
  });

  test('a story that names no one hit has an incident and no victim, and nothing is told', () => {
    const { incidents, out } = told('Ransomware attacks rose sharply last year, and most ransom demands were paid in bitcoin.');
    expect(incidents.map((i) => i.type)).toContain('ransomware');
    expect(incidents.every((i) => i.victim === undefined)).toBe(true);
    expect(out).toEqual([]);
  });
});
