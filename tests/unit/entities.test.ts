import { describe, it, expect } from 'vitest';
import { compileMatcher } from '../../lib/worker/extract/matcher';
import { extractEntities, mapAttackId, resolveOverlaps } from '../../lib/worker/extract/entities';
import type { EntityMatch, EntityType } from '../../lib/shared/types';
import { catalogueEntry } from '../support/catalogue-entry';

const e = catalogueEntry;
const m = compileMatcher([
  e('actor:apt28', 'APT28', ['Fancy Bear', 'G0007']),
  e('malware:x-agent', 'X-Agent', ['S0161']),
  e('vendor:microsoft', 'Microsoft'),
  e('vendor:citrix', 'Citrix'),
  e('technique:t1566', 'Phishing', ['T1566']),
]);

const brief = (text: string) => extractEntities(text, m, { organizations: false }).map((x) => `${x.text}=${x.key}`);

describe('extractEntities', () => {
  it('puts patterns and names together, sorted and without overlaps', () => {
    const text = 'APT28 (G0007) used X-Agent (S0161) and CVE-2023-4966 in Citrix gear.';
    expect(brief(text)).toEqual([
      'APT28=actor:apt28',
      'G0007=actor:apt28',
      'X-Agent=malware:x-agent',
      'S0161=malware:x-agent',
      'CVE-2023-4966=vulnerability:cve-2023-4966',
      'Citrix=vendor:citrix',
    ]);
  });
  it('lets an indicator win over a name inside it', () => {
    expect(brief('Mail came from microsoft.com today.')).toEqual(['microsoft.com=indicator:domain:microsoft.com']);
    expect(brief('Microsoft said so.')).toEqual(['Microsoft=vendor:microsoft']);
  });
  it('maps ATT&CK ids to the catalogue entity that lists them, else keeps the id key', () => {
    const id = (key: string, type: EntityType, text: string): EntityMatch => ({
      type,
      subtype: 'attack-id',
      start: 0,
      end: text.length,
      text,
      key,
      name: text,
      why: { pattern: 'attack-id' },
    });
    expect(mapAttackId(id('actor:g0007', 'actor', 'G0007'), m)).toMatchObject({
      key: 'actor:apt28',
      name: 'APT28',
      why: { rule: 'attack-id', alias: 'G0007' },
    });
    expect(mapAttackId(id('actor:g0007', 'actor', 'G0007'), m).subtype).toBeUndefined();
    expect(mapAttackId(id('actor:g9999', 'actor', 'G9999'), m).key).toBe('actor:g9999');
    // an id of another type is not taken for this one
    expect(mapAttackId(id('malware:g0007', 'malware', 'G0007'), m).key).toBe('malware:g0007');
  });
  it('resolves overlaps by rank, then length, then position', () => {
    const mk = (start: number, end: number, key: string): EntityMatch => ({ type: 'actor', start, end, text: '', key, name: key });
    const kept = resolveOverlaps(
      [
        { m: mk(0, 10, 'long-low'), rank: 1 },
        { m: mk(2, 5, 'short-high'), rank: 3 },
        { m: mk(6, 12, 'other'), rank: 1 },
        { m: mk(20, 25, 'a'), rank: 1 },
        { m: mk(20, 24, 'b'), rank: 1 },
      ],
      30,
    );
    expect(kept.map((x) => x.key)).toEqual(['short-high', 'other', 'a']);
  });
});

describe('organisations that are one ordinary word', () => {
  const orgs = (text: string) =>
    extractEntities(text, m)
      .filter((x) => x.type === 'organization')
      .map((x) => x.text);
  it('go when only a cue around them found them, with their repeats', () => {
    expect(orgs('We uncovered a campaign targeting Middle users.')).toEqual([]);
    expect(orgs('Back in 2003, a hacker breached Valve. Valve said nothing.')).toEqual([]);
  });
  it('stay with a title’s capitalised article, or when the word is no ordinary one', () => {
    expect(orgs('A report by The Intercept claimed NSA hackers used it.')).toEqual(['Intercept']);
    expect(orgs('Back in 2003, a hacker breached Zyxtel. Zyxtel said nothing.')).toEqual(['Zyxtel', 'Zyxtel']);
  });
});

describe('an event is not an organisation', () => {
  const orgs = (text: string) =>
    extractEntities(text, m)
      .filter((x) => x.type === 'organization')
      .map((x) => x.text);
  it('a name the text calls a contest or a conference, wherever a cue would make it one', () => {
    expect(orgs('The Pwn2Own contest ran in Vancouver. Researchers at Pwn2Own demonstrated the exploit.')).toEqual([]);
    // Negative: with nothing calling it an event, the cue stands.
    expect(orgs('Researchers at Pwn2Own demonstrated the exploit.')).toEqual(['Pwn2Own']);
  });
});

describe('a page that never speaks of the security field', () => {
  const kinds = (text: string) =>
    extractEntities(text, m)
      .filter((x) => x.type === 'malware' || x.type === 'actor')
      .map((x) => x.text);
  const filler = ' The projector is bright, quiet and easy to set up in a living room.'.repeat(16);
  it('names no malware and no actor, from the catalogue or by shape, once it is long enough to judge', () => {
    expect(kinds(`Fancy Bear is our favourite lamp; X-Agent is the brand. Marlon Brando was a legendary actor.${filler}`)).toEqual([]);
  });
  it('negative: one word of the field anywhere, or a short text, keeps them', () => {
    expect(kinds(`Fancy Bear is our favourite lamp; X-Agent is the brand.${filler} Hackers stole the list.`)).toEqual([
      'Fancy Bear',
      'X-Agent',
    ]);
    expect(kinds('APT28 used X-Agent against the ministry.')).toEqual(['APT28', 'X-Agent']);
  });
});

describe('a vendor’s research team named like malware', () => {
  const synack = compileMatcher([e('malware:synack', 'Synack', [], { subtype: 'ransomware' })]);
  const typed = (text: string) => extractEntities(text, synack).map((x) => `${x.type}:${x.text}`);
  it('"the Synack Red Team" and "Synack Labs" are the company’s, as is "Synack" alone in the same text', () => {
    expect(typed('The flaw was reported by the Synack Red Team.')).not.toContain('malware:Synack');
    expect(typed('The Synack Red Team disclosed the bug.')).toEqual(['organization:Synack Red Team']);
    expect(typed('Synack Threat Research found the flaw. Synack said it was fixed.')).not.toContain('malware:Synack');
    expect(typed('Researchers at Synack Labs found the flaw.')).not.toContain('malware:Synack');
  });
  it('negative: the ransomware, and a lower-case team of its own, stay malware', () => {
    expect(typed('Synack ransomware encrypted the files.')).toEqual(['malware:Synack']);
    expect(typed('The Synack team of developers rewrote the encryptor.')).toContain('malware:Synack');
  });
});

describe('an operation, a proxy company and a gang, named like malware', () => {
  const cat = compileMatcher([
    e('malware:hydraq', 'Hydraq', ['Aurora'], { subtype: 'malware', ambiguous: ['Aurora'] }),
    e('malware:lockbit', 'LockBit', [], { subtype: 'ransomware' }),
    e('malware:clop', 'Clop', ['Cl0p'], { subtype: 'ransomware' }),
  ]);
  const typed = (text: string) =>
    extractEntities(text, cat)
      .filter((x) => x.type === 'malware' || x.type === 'actor' || x.type === 'organization')
      .map((x) => `${x.key}`);
  it('an attack or an operation named Aurora is no malware; the Aurora trojan is', () => {
    expect(typed('Operation Aurora stole source code in 2009.')).toEqual([]);
    expect(typed('The Aurora attacks began in 2009.')).toEqual([]);
    expect(typed('The Aurora trojan opened a backdoor.')).toEqual(['malware:hydraq']);
  });
  it('NetNut, a proxy provider, is a company; "the NetNut botnet" is malware', () => {
    expect(typed('NetNut, a residential proxy provider, said the service was abused.')).toEqual(['organization:netnut']);
    expect(typed('The NetNut botnet was made of hijacked routers.')).toEqual(['malware:netnut']);
  });
  it('a ransomware family the sentence calls a group or a gang is the crew, keyed with the family’s slug', () => {
    expect(typed('The LockBit group claimed the attack on the hospital.')).toEqual(['actor:lockbit']);
    expect(typed('The Cl0p gang claimed responsibility for the breaches.')).toEqual(['actor:clop']);
    expect(typed('LockBit ransomware encrypted the servers.')).toEqual(['malware:lockbit']);
  });
});
