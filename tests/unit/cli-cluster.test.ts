/**
 * `cli cluster` as its users run it: a real process, feed items in, one answer per item out.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const KEV = resolve(ROOT, '../shared/fixtures/kev/known_exploited_vulnerabilities.json');

function cli(args: string[], input: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'cli/index.ts'), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const lines = (s: string) =>
  s
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const ITEMS = [
  {
    id: 'p1',
    title: 'Citrix patches critical NetScaler flaw CVE-2023-4966',
    summary: 'Citrix released updates for CVE-2023-4966, a critical information disclosure vulnerability in NetScaler ADC and Gateway.',
    published: '2023-10-10T09:00:00Z',
    link: 'https://thehackernews.example/citrix-patch',
    source: 'thehackernews',
  },
  {
    id: 'b1',
    title: 'Boeing confirms LockBit ransomware attack on parts business',
    summary: 'Boeing said the LockBit ransomware gang breached its parts and distribution business.',
    published: '2023-11-02T10:00:00Z',
    link: 'https://bleepingcomputer.example/boeing',
    source: 'bleepingcomputer',
  },
  {
    id: 'e1',
    title: 'Hackers exploit Citrix Bleed CVE-2023-4966 to hijack sessions',
    summary: 'Attackers are exploiting CVE-2023-4966 in the wild to hijack authenticated sessions on NetScaler appliances.',
    published: '2023-10-18T09:00:00Z',
    link: 'https://darkreading.example/citrix-bleed',
    source: 'darkreading',
  },
  {
    id: 'b2',
    title: 'LockBit claims Boeing hack, threatens to publish stolen files',
    summary: 'The LockBit gang listed Boeing on its leak site, saying the aerospace company had until November 2 to pay.',
    published: '2023-11-03T08:00:00Z',
    link: 'https://therecord.example/boeing',
    source: 'therecord',
  },
  {
    id: 'e2',
    title: 'Citrix Bleed exploitation wave hits NetScaler boxes worldwide',
    summary: 'Mass exploitation of CVE-2023-4966 is under way, with attackers hijacking sessions on unpatched NetScaler devices.',
    published: '2023-10-20T09:00:00Z',
    link: 'https://theregister.example/citrix-wave',
    source: 'theregister',
  },
  {
    id: 'i1',
    title: 'LockBit ransomware hits Industrial and Commercial Bank of China',
    summary: 'ICBC said its US arm was hit by a LockBit ransomware attack that disrupted Treasury trades.',
    published: '2023-11-10T09:00:00Z',
    link: 'https://securityweek.example/icbc',
    source: 'securityweek',
  },
  {
    id: 'x1',
    title: 'Five tips for better passwords',
    summary: 'Use a password manager.',
    published: '2023-11-11T09:00:00Z',
    link: 'https://blog.example/passwords',
    source: 'blog',
  },
];

describe('cli cluster', () => {
  it('answers each item with its event: one per victim and per CVE wave, the patch on its own', () => {
    const input = ITEMS.map((i) => JSON.stringify(i)).join('\n') + '\n';
    const { code, out, err } = cli(['cluster', '--catalogue', KEV], input);
    expect(err).toBe('');
    expect(code).toBe(0);
    const rows = lines(out);
    expect(rows.map((r) => r.id)).toEqual(ITEMS.map((i) => i.id));
    const by = Object.fromEntries(rows.map((r) => [r.id as string, r]));
    expect(by.b1.cluster).toEqual(expect.any(String));
    expect(by.b2.cluster).toBe(by.b1.cluster);
    expect(by.e1.cluster).toEqual(expect.any(String));
    expect(by.e2.cluster).toBe(by.e1.cluster);
    expect(by.e1.cluster).not.toBe(by.b1.cluster);
    expect(by.p1.cluster).toBeNull();
    expect(by.i1.cluster).toBeNull();
    expect(by.x1).toEqual({ id: 'x1', cluster: null, incident: null });
    expect(by.b1.incident).toMatchObject({
      type: 'ransomware',
      title: ITEMS[1].title,
      victims: ['Boeing'],
      firstSeen: '2023-11-02T10:00:00.000Z',
      lastSeen: '2023-11-03T08:00:00.000Z',
      sources: ['bleepingcomputer.example', 'therecord.example'],
      articles: 2,
    });
    expect((by.e1.incident as { cves: string[] }).cves).toEqual(['CVE-2023-4966']);
    expect((by.i1.incident as { victims: string[] }).victims).toEqual(['ICBC']);
  });

  it('answers bad lines in place with an error and a non-zero exit, and clusters the rest', () => {
    const input = [
      '{"id": "1", "title": ',
      JSON.stringify({ id: '2', summary: 'no title' }),
      JSON.stringify({ id: '3', title: 'A title', published: 'last Tuesday' }),
      JSON.stringify({ id: '4', title: 'A title', link: 'javascript:alert(1)' }),
      JSON.stringify(ITEMS[1]),
      JSON.stringify(ITEMS[3]),
    ].join('\n');
    const { code, out, err } = cli(['cluster'], input);
    expect(code).toBe(1);
    const rows = lines(out);
    expect(rows.slice(0, 4)).toEqual([
      { id: null, line: 1, error: 'not JSON' },
      { id: '2', line: 2, error: 'expected {"id", "title", "summary", "published", "link", "source"}' },
      { id: '3', error: '"published" is not a date: last Tuesday' },
      { id: '4', error: '"link" is not an http(s) URL: javascript:alert(1)' },
    ]);
    expect(rows[4].cluster).toEqual(expect.any(String));
    expect(rows[5].cluster).toBe(rows[4].cluster);
    expect(err).toContain('stdin line 1: not JSON');
  });
});
