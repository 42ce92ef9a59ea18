import { describe, expect, test } from 'vitest';
import { describedOrganizations } from '../../lib/worker/extract/described-orgs';
import { analyzeText } from '../../lib/worker/engine';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { seedCatalogue } from '../../lib/worker/knowledge/seed';
import type { EntityMatch } from '../../lib/shared/types';

const described = (text: string, entities: EntityMatch[] = []) => describedOrganizations(text, entities).map((m) => m.name);

describe('organisations the text describes without naming them', () => {
  test('a counting determiner, a place or its adjective, and a noun for a kind of organisation', () => {
    expect(described('An Indiana hospital paid a ransom of $55,000.')).toEqual(['Indiana hospital']);
    expect(described('The heist involved a Philippine bank.')).toEqual(['Philippine bank']);
    expect(described('He bilked a US-based company out of $100 million.')).toEqual(['US-based company']);
    expect(described('Attackers hit a New York hospital system last week.')).toEqual(['New York hospital system']);
    expect(describedOrganizations('An Indiana hospital paid.', [])[0]).toMatchObject({
      type: 'organization',
      key: 'organization:indiana-hospital',
      text: 'Indiana hospital',
      why: { rule: 'described' },
    });
  });
  test('not after "the", not a group, not before another noun, not for a word that is no place', () => {
    // "the Indiana hospital" points back to one the text named.
    expect(described('The Indiana hospital paid a ransom.')).toEqual([]);
    // The group a place describes is the victim rules' reading ("Several Danish banks").
    expect(described('Several Danish banks were knocked offline.')).toEqual([]);
    // A kind that describes another noun: a bank account, hospital staff.
    expect(described('He opened a US bank account.')).toEqual([]);
    expect(described('An Indiana hospital employee clicked a link.')).toEqual([]);
    // What a name before it is: an apposition, a copula.
    expect(described('Halvorsen Outdoor Supply, a Minnesota-based retailer, disclosed a breach.')).toEqual([]);
    expect(described('Halvorsen is a Minnesota-based retailer.')).toEqual([]);
    // After a common noun and a comma, the description is the body itself.
    expect(described('One of the victims, an Indiana hospital agreed to pay.')).toEqual(['Indiana hospital']);
    // Capitalised words that are no place the index knows.
    expect(described('A Kaspersky bank was hit.')).toEqual([]);
  });
  test('not where an entity other than a place covers the words', () => {
    const text = 'A Texas bank was hit.';
    const start = text.indexOf('Texas bank');
    const org: EntityMatch = { type: 'organization', start, end: start + 10, text: 'Texas bank', key: 'organization:x', name: 'x' };
    expect(described(text, [org])).toEqual([]);
    const place: EntityMatch = { type: 'location', start, end: start + 5, text: 'Texas', key: 'location:texas', name: 'Texas' };
    expect(described(text, [place])).toEqual(['Texas bank']);
  });
  test('not where the text names an organisation of that kind: its name is the better answer', () => {
    expect(described('An Indiana hospital paid a ransom. Attackers breached Hancock Health, a regional hospital in Greenfield.')).toEqual(
      [],
    );
    const text = 'An Indiana hospital paid a ransom, Hancock Regional Hospital said.';
    const start = text.indexOf('Hancock');
    const named: EntityMatch = {
      type: 'organization',
      start,
      end: start + 25,
      text: 'Hancock Regional Hospital',
      key: 'organization:hancock-regional-hospital',
      name: 'Hancock Regional Hospital',
    };
    expect(described(text, [named])).toEqual([]);
    // A name of another kind does not stand for it.
    expect(described('An Indiana hospital paid a ransom. Acme Corp, a local firm, helped.')).toEqual(['Indiana hospital']);
  });
  test('the incident rules may choose one as the victim, though it is no entity of the page', () => {
    const text =
      'Hospital pays ransom\n\nAn Indiana hospital paid a ransom of $55,000 to get rid of ransomware that had infected its systems, though it had backups. The LockBit gang encrypted its files.';
    const { entities, incidents } = analyzeText(text, compileMatcher(seedCatalogue()));
    expect(entities.some((e) => e.text === 'Indiana hospital')).toBe(false);
    expect(incidents.map((i) => i.victim?.name)).toContain('Indiana hospital');
  });
});
