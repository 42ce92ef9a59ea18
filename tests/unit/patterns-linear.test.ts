/**
 * Every extractor must be linear: 100,000 characters of repeated near-matches finish in well under
 * a second. A quadratic scan of this size takes ~10^10 steps (minutes), so the bound is generous for
 * a loaded machine and still fails any backtracking blow-up.
 */
import { describe, expect, it } from 'vitest';
import { expandIndicators, findPatternEntities, refang, refangedView } from '../../lib/worker/extract/patterns';
import { findDomains, findEmails, findHashes, findIPv4s, findIPv6s, findUrls } from '../../lib/worker/extract/patterns/indicators';
import { findAttackIds, findCves } from '../../lib/worker/extract/patterns/ids';
import { cpuMs } from './cpu-time';

const N = 100_000;
const fill = (unit: string) => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);

const ADVERSARIAL: Record<string, string> = {
  'dotted numbers': fill('1.'),
  'dotted quads glued': fill('1.2.3.4'),
  'dotted letters': fill('a.'),
  'one long word': fill('a'),
  'one long name token': fill('example.com'),
  'hyphens and underscores': fill('a-_'),
  dots: fill('.'),
  'hxxp schemes': fill('hxxp://'),
  'http schemes': fill('http://'),
  'hXXps with bracket colon': fill('hXXps[:]//'),
  'schemes with a host': fill('http://a'),
  'url with a long path': `http://example.com/${fill('a/(')}`,
  'url then parentheses': `http://example.com/${fill('(')}${fill(')')}`,
  'url with user-info runs': fill('http://a:b@'),
  'bracket dots': fill('[.]'),
  'bracket dots between labels': fill('a[.]'),
  'spaced dots': fill(' . '),
  'spaced dots between labels': fill('a . '),
  'spaced bracket ats': fill(' [at] '),
  'open brackets': fill('['),
  'hex run': fill('a'),
  'hex digits run': fill('0123456789abcdef'),
  '31-digit hex runs': fill(`${'0123456789abcdef0123456789abcde'} `),
  'hex and colons': fill('a:'),
  'double colons': fill('::'),
  'ipv6-ish groups': fill('fe80::'),
  'hex and colon and dot': fill('a:1.'),
  'at signs': fill('@'),
  'local parts and ats': fill('aaaa@'),
  'dotted local parts and ats': fill('a.a@'),
  'cve prefixes': fill('CVE-2023-'),
  'cve dashes': fill('CVE-'),
  'technique prefixes': fill('T1566.'),
  'technique near-misses': fill('T1566.00'),
  'half brackets between labels': fill('a[.a.]'),
  'backslash dots': fill('a\\.'),
  'double-underscore schemes': fill('http__'),
  'backslash schemes': fill('hxxp:\\\\'),
  'spaced ats before defanged hosts': fill('aaaa @ a[.]'),
  'masked schemes': fill('h**p:'),
  'json-escaped slashes': fill('http:\\/\\/a.com\\/'),
  'comma-opened urls': fill(',http://a.com/a'),
  'ellipses before quads': fill('..1.2.3.4'),
  'spaced-script letters before names': fill('\u00fca.com'),
  'spelled ats': fill('a at '),
  'spelled e-mail chains': fill('a at b dot '),
  'spelled dots': fill(' dot '),
  'written ats before spelled dots': fill('a@b dot '),
  'encoded schemes': fill('http%3A%2F%2F'),
  'encoded url runs': `http%3A%2F%2F${fill('a%2E')}`,
  'quoted urls': fill("'http://a.com/'"),
  'redirector query urls': `https://a.com/?u=${fill('http%3A%2F%2Fa.com%2F')}`,
};

describe('linear time on 100,000-character adversarial inputs', () => {
  // Warm the code paths once so that JIT compilation is not what is measured.
  findPatternEntities('warm up 1.2.3.4 evil[.]com http://x.com/a user@x.com CVE-2023-4966 T1566 fe80::1');

  const finders: Record<string, (s: string) => unknown> = {
    findPatternEntities,
    expandIndicators: (s) => expandIndicators(findPatternEntities(s)),
    refang,
    refangedView,
    findCves,
    findAttackIds,
    findUrls,
    findEmails,
    findIPv4s,
    findIPv6s,
    findDomains: (s) => findDomains(s, () => true),
    findHashes,
  };

  for (const [name, input] of Object.entries(ADVERSARIAL)) {
    it(`${name}`, () => {
      expect(input.length).toBeGreaterThanOrEqual(N);
      for (const [fn, run] of Object.entries(finders)) {
        const ms = cpuMs(() => run(input));
        // Linear work on 100k characters takes milliseconds of CPU; quadratic or backtracking work takes seconds
        // to hours. The bound sits far from both, so a busy machine cannot trip it.
        expect(ms, `${fn} took ${ms.toFixed(1)} ms`).toBeLessThan(1500);
      }
    });
  }
});

describe('speed on article-like text', () => {
  it('10 KB of security prose with indicators in well under a few ms', () => {
    const paragraph =
      'The group, tracked as APT28 (G0007), exploited CVE-2023-4966 in Citrix NetScaler and used spear-phishing ' +
      '(T1566.001) to deliver a loader. Its C2 server hxxps://update-check[.]com/api answered from 185.220.101[.]4, ' +
      'and the dropper 68b329da9893e34099c7d8ad5cb9c940 wrote readme.md next to invoice.zip. Version 1.2.0.4 of the ' +
      'tool contacted admin@mail-service[.]net. Analysts at example.org shared the details on Monday, saying the ' +
      'campaign (which began in September) hit ministries in three countries.\n';
    const text = paragraph.repeat(Math.ceil(10_240 / paragraph.length)).slice(0, 10_240);
    for (let i = 0; i < 20; i++) findPatternEntities(text);
    const runs: number[] = [];
    for (let r = 0; r < 9; r++) {
      const t0 = performance.now();
      for (let i = 0; i < 10; i++) findPatternEntities(text);
      runs.push((performance.now() - t0) / 10);
    }
    runs.sort((a, b) => a - b);
    const median = runs[4];
    expect(findPatternEntities(paragraph).map((m) => m.key)).toEqual([
      'actor:g0007',
      'vulnerability:cve-2023-4966',
      'technique:t1566.001',
      'indicator:url:https://update-check.com/api',
      'indicator:ipv4:185.220.101.4',
      'indicator:md5:68b329da9893e34099c7d8ad5cb9c940',
      'indicator:email:admin@mail-service.net',
      'indicator:domain:example.org',
    ]);
    // Typically ~0.1 ms; speed is reported (not asserted) so that a busy machine fails no build.
    console.log(`patterns: ${median.toFixed(3)} ms per 10 KB`);
  });
});
