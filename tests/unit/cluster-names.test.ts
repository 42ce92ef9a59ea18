/** A cluster's victims and actors as `cli cluster` and the sidebar show them: one name once, whatever key each text gave it. */
import { describe, expect, it } from 'vitest';
import { summariseCluster, type ClusterMember } from '../../lib/worker/cluster/summarise';
import type { EntityRef } from '../../lib/shared/types';

function member(n: number, victims: EntityRef[], actors: EntityRef[]): ClusterMember {
  return {
    url: `https://site${n}.example/story`,
    title: `Story ${n}`,
    site: `site${n}.example`,
    entityKeys: [...victims, ...actors].map((r) => r.key),
    features: {
      t: Date.parse('2026-11-02T10:00:00Z') + n * 3_600_000,
      type: 'ransomware',
      victims,
      actors,
      anchors: [],
      words: [],
      extra: [],
    },
  };
}

const ACME = { key: 'organization:acme', name: 'Acme' };
const ACME_CORP = { key: 'organization:acme-corp', name: 'Acme Corp' };
const GANG = { key: 'actor:lockbit', name: 'LockBit' };
const FAMILY = { key: 'malware:lockbit', name: 'LockBit' };

describe('a cluster’s names', () => {
  it('shows a company named with and without its legal form once, and a gang and its ransomware once', () => {
    const row = summariseCluster('c', [member(1, [ACME_CORP], [FAMILY]), member(2, [ACME], [GANG])]);
    // A tie: the longer name. Each name once, its reports counted together.
    expect(row.victims).toEqual([ACME_CORP]);
    expect(row.actors).toHaveLength(1);
  });

  it('shows the key named most often, and ranks names by all their reports', () => {
    const other = { key: 'organization:globex', name: 'Globex' };
    const row = summariseCluster('c', [
      member(1, [ACME], [GANG]),
      member(2, [ACME], [GANG]),
      member(3, [other], [FAMILY]),
      member(4, [other, ACME_CORP], [FAMILY]),
      member(5, [other], [FAMILY]),
    ]);
    // Acme has 3 reports (two of them as "Acme", shown so), Globex 3: on a tie the name met first leads.
    expect(row.victims.map((v) => v.name)).toEqual(['Acme', 'Globex']);
    expect(row.actors).toEqual([FAMILY]);
  });
});
