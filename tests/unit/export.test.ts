import { describe, it, expect, beforeEach } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IncidentLensDb } from '../../lib/worker/db/database';
import { saveArticle } from '../../lib/worker/db/collection';
import type { SavedArticle } from '../../lib/shared/messaging';
import { csvCell, toCsv, CSV_COLUMNS } from '../../lib/worker/export/csv';
import { mdLine, mdText, toMarkdown } from '../../lib/worker/export/markdown';
import { toRis } from '../../lib/worker/export/ris';
import { exportArticles } from '../../lib/worker/export/formats';
import { indicatorPattern, stixBundle, stixTime } from '../../lib/worker/export/stix';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OASIS_EXAMPLES, readExample, typesBundleSchemaLists, validateBundle } from '../support/stix-schemas';
import { BARE_SAVE, CITRIX_FINDINGS, CITRIX_SAVE, ICC_FINDINGS, ICC_SAVE } from '../support/saved-sample';

let rows: SavedArticle[];
beforeEach(async () => {
  const db = new IncidentLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  rows = [
    await saveArticle(db, CITRIX_SAVE, Date.UTC(2024, 0, 2), CITRIX_FINDINGS),
    await saveArticle(db, ICC_SAVE, Date.UTC(2024, 0, 3), ICC_FINDINGS),
    await saveArticle(db, BARE_SAVE, Date.UTC(2024, 0, 4)),
  ];
});

/** RFC 4180 parsing, written out here so the test does not trust the writer's own reading. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      out.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return out;
}

describe('CSV', () => {
  it('is RFC 4180: header, CRLF, quoted commas, quotes and line breaks', () => {
    const csv = toCsv(rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    const table = parseCsv(csv);
    expect(table[0]).toEqual([...CSV_COLUMNS]);
    expect(table).toHaveLength(4);
    expect(table.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    const citrix = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, table[1][i]]));
    expect(citrix).toMatchObject({
      url: rows[0].url,
      title: CITRIX_SAVE.title,
      tags: 'ransomware; citrix',
      published: '2023-11-13',
      author: 'Sergiu Gatlan',
    });
    expect(citrix.incident_types).toBe('ransomware; data-breach');
    expect(table[3][CSV_COLUMNS.indexOf('title')]).toBe('Vendor advisory, read later');
    expect(csvCell('say "hi"\nthere')).toBe('"say ""hi""\nthere"');
  });

  it('never starts a cell with a formula character', () => {
    const table = parseCsv(toCsv(rows));
    expect(table[1][CSV_COLUMNS.indexOf('note')]).toBe(`'=HYPERLINK("http://evil")`);
    for (const lead of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(lead).replace(/^"/, '')[0]).toBe("'");
    for (const r of table) for (const c of r) expect(c).not.toMatch(/^[=+\-@\t\r]/);
  });
});

/** RIS read as a reference manager does: records end at ER, each line `XX  - value`. */
function parseRis(text: string): [string, string][][] {
  const records: [string, string][][] = [];
  let current: [string, string][] = [];
  for (const line of text.split('\r\n')) {
    if (!line) continue;
    const m = /^([A-Z][A-Z0-9])  - ?(.*)$/.exec(line);
    if (!m) throw new Error(`not a RIS line: ${JSON.stringify(line)}`);
    if (m[1] === 'ER') {
      records.push(current);
      current = [];
    } else current.push([m[1], m[2]]);
  }
  expect(current).toEqual([]); // the last record is closed
  return records;
}

describe('RIS', () => {
  it('a web page per article with what a citation needs: title, site, author, date, URL, day accessed', () => {
    const file = exportArticles('ris', rows, Date.UTC(2024, 0, 5));
    expect(file).toMatchObject({
      name: 'incident-lens-collection-2024-01-05.ris',
      type: 'application/x-research-info-systems;charset=utf-8',
    });
    expect(file.text.endsWith('ER  - \r\n')).toBe(true);
    const [citrix, icc, bare] = parseRis(file.text);
    expect(citrix).toEqual([
      ['TY', 'ELEC'],
      ['TI', 'LockBit used Citrix Bleed to breach Boeing'],
      ['T2', 'bleepingcomputer.com'],
      ['AU', 'Sergiu Gatlan'],
      ['DA', '2023/11/13/'],
      ['PY', '2023'],
      ['UR', rows[0].url],
      ['Y2', '2024/01/02/'],
      ['KW', 'ransomware'],
      ['KW', 'citrix'],
      ...(rows[0].excerpt ? [['AB', rows[0].excerpt.replace(/\s+/g, ' ').trim()]] : []),
      ['N1', '=HYPERLINK("http://evil")'],
    ]);
    expect(icc).toContainEqual(['DA', '2023/10/20/']);
    expect(icc.some(([tag]) => tag === 'AU' || tag === 'N1')).toBe(false); // nothing empty is written
    expect(bare).toEqual(
      expect.arrayContaining([
        ['TI', 'Vendor advisory, read later'],
        ['Y2', '2024/01/04/'],
        ['KW', 'todo'],
      ]),
    );
    expect(bare.some(([tag]) => tag === 'DA' || tag === 'PY')).toBe(false); // no date published: none made up
  });

  it('keeps each value on its line, and a note that holds markup as text', () => {
    const row = {
      ...rows[0],
      title: 'Two\nlines\r\nER  - and a tag',
      note: 'See <b>this</b> & that\nTY  - BOOK',
      tags: ['a\nb'],
    };
    const [only, ...rest] = parseRis(toRis([row]));
    expect(rest).toEqual([]);
    expect(only).toContainEqual(['TI', 'Two lines ER - and a tag']);
    expect(only).toContainEqual(['N1', 'See &lt;b&gt;this&lt;/b&gt; &amp; that TY - BOOK']);
    expect(only.filter(([tag]) => tag === 'TY')).toEqual([['TY', 'ELEC']]);
  });
});

describe('Markdown', () => {
  it('a section per article, with facts, tags, note, incidents and entities by type', () => {
    const md = toMarkdown(rows);
    expect(md.startsWith('# Incident Lens collection\n')).toBe(true);
    expect(md).toContain(`## [LockBit used Citrix Bleed to breach Boeing](${rows[0].url})`);
    expect(md).toContain('bleepingcomputer.com · by Sergiu Gatlan · published 2023-11-13 · saved 2024-01-02');
    expect(md).toContain('Tags: `ransomware`, `citrix`');
    expect(md).toContain('> =HYPERLINK("http://evil")');
    expect(md).toContain('- Ransomware attack on Boeing by LockBit');
    expect(md).toContain('Threat actors: APT28');
    expect(md).toContain('Malware and tools: Cobalt Strike, LockBit');
    expect(md).toContain("Indicators: 185.220.101.45, 44d88612fea8a8f36de82e1278abb02f, evil.com, http://bad.example/x?a='1'");
    expect(md.match(/^## /gm)).toHaveLength(3);
  });

  it('escapes what would make markup of a title', () => {
    expect(mdText('<img src=x onerror=alert(1)> [x](javascript:1) *b* # h')).toBe(
      '\\<img src=x onerror=alert(1)\\> \\[x\\](javascript:1) \\*b\\* \\# h',
    );
    expect(mdLine('- not a list')).toBe('\\- not a list');
    expect(mdLine('1. not a list')).toBe('1\\. not a list');
    expect(mdText('1. inside a line')).toBe('1. inside a line');
  });
});

describe('STIX 2.1', () => {
  it("validates against OASIS's schemas, as their own examples do", () => {
    for (const name of ['apt1.json', 'poisonivy.json', 'threat-actor-leveraging-attack-patterns-and-malware.json']) {
      expect(validateBundle(readExample(name)).valid, name).toBe(true);
    }
    expect(validateBundle({ type: 'bundle', id: 'bundle--x', objects: [{ type: 'report' }] }).valid).toBe(false);
    const bundle = stixBundle(rows);
    expect(validateBundle(bundle)).toEqual({ valid: true, errors: [] });
    // The checks bite: a location without country or region, a report without refs, a bad pattern type.
    const broken = (type: string, change: Record<string, unknown>) => ({
      ...bundle,
      objects: bundle.objects.map((o) => (o.type === type ? { ...o, ...change } : o)),
    });
    expect(validateBundle(broken('location', { country: undefined, city: undefined, region: undefined })).valid).toBe(false);
    expect(validateBundle(broken('report', { object_refs: [] })).valid).toBe(false);
    expect(validateBundle(broken('indicator', { pattern_type: 7 })).valid).toBe(false);
    expect(typesBundleSchemaLists().has('location')).toBe(false); // why locations are checked by their own schema
  });

  it('maps each entity type to its object, with ATT&CK and CVE references and STIX patterns', () => {
    const bundle = stixBundle(rows);
    const named = (type: string, name: string) => bundle.objects.find((o) => o.type === type && o.name === name);
    expect(bundle.objects.filter((o) => o.type === 'report')).toHaveLength(3);
    expect(named('intrusion-set', 'APT28')).toBeDefined();
    expect(named('malware', 'LockBit')).toMatchObject({ is_family: true, malware_types: ['ransomware'] });
    expect(named('tool', 'Cobalt Strike')).toBeDefined();
    expect(named('vulnerability', 'CVE-2023-4966')).toMatchObject({
      external_references: [{ source_name: 'cve', external_id: 'CVE-2023-4966' }],
    });
    expect(named('attack-pattern', 'T1566.001')).toMatchObject({
      external_references: [
        { source_name: 'mitre-attack', external_id: 'T1566.001', url: 'https://attack.mitre.org/techniques/T1566/001/' },
      ],
    });
    expect(named('identity', 'Boeing')).toMatchObject({ identity_class: 'organization' });
    expect(named('location', 'United States')).toMatchObject({ country: 'US' });
    expect(named('location', 'The Hague')).toMatchObject({ city: 'The Hague', country: 'NL' });
    expect(named('indicator', '185.220.101.45')).toMatchObject({ pattern: "[ipv4-addr:value = '185.220.101.45']", pattern_type: 'stix' });
    expect(named('indicator', '44d88612fea8a8f36de82e1278abb02f')).toMatchObject({
      pattern: "[file:hashes.MD5 = '44d88612fea8a8f36de82e1278abb02f']",
    });
    expect(named('indicator', "http://bad.example/x?a='1'")).toMatchObject({ pattern: "[url:value = 'http://bad.example/x?a=\\'1\\'']" });
    expect(bundle.objects.some((o) => o.name === 'NetScaler ADC')).toBe(false); // products have no STIX object
    expect(indicatorPattern('sha256', 'ab')).toBe("[file:hashes.'SHA-256' = 'ab']");
  });

  it('states the incidents as relationships, and every reference resolves inside the bundle', () => {
    const bundle = stixBundle(rows);
    const byId = new Map(bundle.objects.map((o) => [o.id, o]));
    const rel = (type: string) =>
      bundle.objects
        .filter((o) => o.type === 'relationship' && o.relationship_type === type)
        .map((o) => `${byId.get(o.source_ref as string)!.name} → ${byId.get(o.target_ref as string)!.name}`)
        .sort();
    expect(rel('uses')).toEqual(['APT28 → Cobalt Strike', 'APT28 → LockBit', 'APT28 → T1566.001']);
    expect(rel('targets')).toEqual(['APT28 → Boeing', 'APT28 → CVE-2023-4966', 'APT28 → United States']);
    expect(rel('exploits')).toEqual(['LockBit → CVE-2023-4966']);
    expect(rel('indicates')).toEqual(['185.220.101.45 → APT28']);
    for (const o of bundle.objects) {
      for (const ref of [...((o.object_refs as string[]) ?? []), o.source_ref, o.target_ref].filter(Boolean))
        expect(byId.has(ref as string)).toBe(true);
    }
    const report = bundle.objects.find((o) => o.type === 'report' && o.name === CITRIX_SAVE.title)!;
    expect(report).toMatchObject({
      published: '2023-11-13T00:00:00.000Z',
      labels: ['ransomware', 'citrix'],
      created: '2024-01-02T00:00:00.000Z',
    });
    // The bare page names nothing: it refers to its publisher.
    const bare = bundle.objects.find((o) => o.type === 'report' && o.name === BARE_SAVE.title)!;
    expect((bare.object_refs as string[]).map((id) => byId.get(id)!.name)).toEqual(['example.org']);
  });

  it('is deterministic: same ids twice, one object per entity across articles, UUIDv5', () => {
    const a = stixBundle(rows);
    const b = stixBundle([...rows].reverse());
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const ids = a.objects.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z-]+--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Boeing named by two articles' worth of rows is still one identity.
    const alone = stixBundle([rows[0]]);
    const boeing = (x: typeof a) => x.objects.find((o) => o.name === 'Boeing')!.id;
    expect(boeing(alone)).toBe(boeing(a));
  });

  it('has the shape of the OASIS examples: the properties they use for each type (and common ones), ATT&CK as MITRE writes it', () => {
    const seen = new Map<string, Set<string>>();
    for (const file of readdirSync(OASIS_EXAMPLES).filter((f) => f.endsWith('.json'))) {
      for (const o of readExample(file).objects) {
        const keys = seen.get(o.type as string) ?? new Set<string>();
        Object.keys(o).forEach((k) => keys.add(k));
        seen.set(o.type as string, keys);
      }
    }
    const COMMON = ['labels', 'external_references'];
    const bundle = stixBundle(rows);
    const compared = new Set<string>();
    for (const o of bundle.objects) {
      const keys = seen.get(o.type);
      if (!keys) continue;
      compared.add(o.type);
      for (const k of Object.keys(o)) expect([...keys, ...COMMON], `${o.type}.${k}`).toContain(k);
    }
    expect([...compared].sort()).toEqual([
      'attack-pattern',
      'identity',
      'indicator',
      'intrusion-set',
      'malware',
      'relationship',
      'report',
      'tool',
      'vulnerability',
    ]);
    // MITRE's own bundles name the ATT&CK id the same way.
    const attack = readFileSync(join(OASIS_EXAMPLES, '../attack/sample_3.3.0_stix-detection-strategy.json'), 'utf8');
    expect(attack).toContain('"source_name": "mitre-attack"');
  });

  it('writes timestamps STIX accepts', () => {
    expect(stixTime('2023-10-20T14:05:00+02:00')).toBe('2023-10-20T12:05:00.000Z');
    expect(stixTime('2023-10')).toBe('2023-10-01T00:00:00.000Z');
    expect(stixTime('not a date', 'x')).toBe('x');
  });
});
