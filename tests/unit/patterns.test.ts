import { describe, expect, it } from 'vitest';
import {
  defang,
  expandIndicators,
  findPatternEntities,
  isIPv4,
  isIPv6,
  isValidDomain,
  refang,
  refangedView,
} from '../../lib/worker/extract/patterns';

const keys = (text: string) => findPatternEntities(text).map((m) => m.key);
const spans = (text: string) => findPatternEntities(text).map((m) => m.text);
const only = (text: string) => {
  const found = findPatternEntities(text);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  return found[0];
};

describe('CVE ids', () => {
  it.each([
    ['CVE-2023-4966', 'CVE-2023-4966'],
    ['cve-2023-4966', 'cve-2023-4966'],
    ['CVE\u20132023\u20134966', 'en dash'],
    ['CVE\u20142023\u20144966', 'em dash'],
    ['CVE\u20112023\u20114966', 'non-breaking hyphen'],
    ['CVE\u22122023\u22124966', 'minus sign'],
    ['CVE 2023-4966', 'space after CVE'],
    ['CVE - 2023 - 4966', 'spaced dashes'],
  ])('%s (%s)', (text) => {
    const m = only(`Patch ${text} now.`);
    expect(m).toMatchObject({ type: 'vulnerability', key: 'vulnerability:cve-2023-4966', name: 'CVE-2023-4966', text });
    expect(m.subtype).toBeUndefined();
    expect(`Patch ${text} now.`.slice(m.start, m.end)).toBe(text);
  });

  it('keeps long sequence numbers and whole digits only', () => {
    expect(keys('CVE-2021-44228 and CVE-2016-00000')).toEqual(['vulnerability:cve-2021-44228', 'vulnerability:cve-2016-00000']);
    expect(keys('CVE-2023-12345678')).toEqual([]); // 8 digits: not an id (and not cut to 7)
  });

  it.each(['CVE-1800-0000', 'CVE-2100-0000', 'CVE-20100-0000', 'CVE-2023-123', 'XCVE-2023-4966', 'CVE--2023-4966', 'CVE2023-4966'])(
    'rejects %s',
    (text) => expect(keys(text)).toEqual([]),
  );
});

describe('ATT&CK ids', () => {
  it('techniques, sub-techniques and tactics', () => {
    expect(only('via T1566 (phishing)')).toMatchObject({ type: 'technique', key: 'technique:t1566', name: 'T1566' });
    expect(only('via T1566.001.')).toMatchObject({ key: 'technique:t1566.001', text: 'T1566.001' });
    expect(only('tactic TA0001')).toMatchObject({ type: 'technique', key: 'technique:ta0001' });
    expect(only('See T1566.')).toMatchObject({ key: 'technique:t1566', text: 'T1566' });
  });

  it('groups and software carry the attack-id subtype for the catalogue to resolve', () => {
    expect(only('G0007 is APT28')).toMatchObject({
      type: 'actor',
      subtype: 'attack-id',
      key: 'actor:g0007',
      why: { pattern: 'attack-id' },
    });
    expect(only('S0154 is Cobalt Strike')).toMatchObject({ type: 'malware', subtype: 'attack-id', key: 'malware:s0154' });
  });

  it.each(['AT1566x', 'T1566x', 'xT1566', 'T1566.12', 'T15660', 't1566', 'G12345', 'S9999', 'T2566', 'TA1001'])('rejects %s', (text) =>
    expect(keys(text)).toEqual([]),
  );
});

describe('IPv4', () => {
  it('plain and with a port, a path, a CIDR suffix, a range, at a sentence end', () => {
    expect(keys('C2 at 192.168.0.1:9090/url and 10.0.0.0/8, 10.0.0.1-10.0.0.255. Then 8.8.8.8.')).toEqual([
      'indicator:ipv4:192.168.0.1',
      'indicator:ipv4:10.0.0.0',
      'indicator:ipv4:10.0.0.1',
      'indicator:ipv4:10.0.0.255',
      'indicator:ipv4:8.8.8.8',
    ]);
  });

  it('0.0.0.0/8 is no host in a URL either', () => {
    expect(keys('listening on http://0.0.0.0:8080/api and http://0.10.0.1/x')).toEqual([]);
    expect(keys('served from http://10.0.0.1:8080/api')).toEqual(['indicator:url:http://10.0.0.1:8080/api']);
  });

  it('after an ellipsis', () => {
    expect(keys('beacons went to...203.0.113.7 and ..198.51.100.2')).toEqual(['indicator:ipv4:203.0.113.7', 'indicator:ipv4:198.51.100.2']);
  });

  it.each([
    ['1.1.1[.]1', '1.1.1.1'],
    ['1(.)1(.)1(.)1', '1.1.1.1'],
    ['1{.}1{.}1{.}1', '1.1.1.1'],
    ['192[.]168[dot]0[.]1', '192.168.0.1'],
    ['192(dot)168(dot)0(dot)1', '192.168.0.1'],
    ['2.2.2 . 2', '2.2.2.2'],
    ['8[ . ]8[ . ]8[ . ]8', '8.8.8.8'],
  ])('defanged %s', (text, value) => {
    const m = only(`ip ${text} seen`);
    expect(m).toMatchObject({ subtype: 'ipv4', name: value, key: `indicator:ipv4:${value}`, text, start: 3, end: 3 + text.length });
    expect(m.why?.rule).toBe('defanged');
  });

  it.each([
    '1.2.3.4.5',
    '1.1.1.1.1.1',
    'v1.2.3.4',
    'x1.2.3.4',
    '256.1.1.1',
    '1.2.3',
    '010.1.1.1',
    '1.2.3.04',
    '192,168,0,1',
    'Version 0.3.0.1',
    'version 1.2.3.4',
    'build 10.0.1.2',
    'section 2.1.1.3',
    '§ 4.1.2.3',
    'firmware 1.0.12.4',
    '0.0.0.0',
    '1.2.3.4x',
    'ab.1.2.3.4',
    '.1.2.3.4',
    '9.1.2.3.4',
  ])('rejects %s', (text) => expect(keys(text).filter((k) => k.startsWith('indicator:ipv4'))).toEqual([]));
});

describe('IPv6', () => {
  it.each([
    ['fdc4:2581:575b:5a72:0000:0000:0000:0001', 'fdc4:2581:575b:5a72::1'],
    ['2001:db8::1', '2001:db8::1'],
    ['fe80::1', 'fe80::1'],
    ['2001:DB8:0:0:8:800:200C:417A', '2001:db8::8:800:200c:417a'],
    ['2001:0db8:0000:0001:0000:0000:0000:0001', '2001:db8:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['::ffff:192.0.2.128', '::ffff:192.0.2.128'],
  ])('%s, one spelling per address (RFC 5952)', (addr, canonical) => {
    expect(only(`from ${addr}, then`)).toMatchObject({ subtype: 'ipv6', name: canonical, key: `indicator:ipv6:${canonical}`, text: addr });
  });

  it('in brackets with a port', () => {
    expect(only('[fdc4:2581:575b:5a72:0000:0000:0000:0001]:80/path')).toMatchObject({
      subtype: 'ipv6',
      start: 1,
      end: 40,
    });
  });

  it.each([
    '12:30',
    '12:30:45',
    'at 10:00:00.',
    '00:1a:2b:3c:4d:5e',
    '::1',
    '::',
    'ab:cd:ez',
    '1:2:3:4:5:6:7:8:9',
    'a::b::c',
    'std::vector',
    'Note: add',
  ])('rejects %s', (text) => expect(keys(text)).toEqual([]));
});

describe('domains', () => {
  it.each([
    ['example.com', 'example.com'],
    ['www.google.com', 'www.google.com'],
    ['EXAMPLE.com', 'example.com'],
    ['exa-mple.com', 'exa-mple.com'],
    ['ex4mple.co.uk', 'ex4mple.co.uk'],
    ['example.xn--zfr164b', 'example.xn--zfr164b'],
    ['short.is', 'short.is'],
    ['Bit.ly', 'bit.ly'],
  ])('%s', (text, value) => {
    expect(only(`visit ${text}.`)).toMatchObject({
      type: 'indicator',
      subtype: 'domain',
      name: value,
      key: `indicator:domain:${value}`,
      text,
    });
  });

  it.each([
    ['example[.]com', 'example.com'],
    ['example(.)com', 'example.com'],
    ['example{.}com', 'example.com'],
    ['example[dot]com', 'example.com'],
    ['example(dot)com', 'example.com'],
    ['example{dot}com', 'example.com'],
    ['example[DOT]com', 'example.com'],
    ['sub[.]evil(.]com', 'sub.evil.com'],
    ['www.example . com', 'www.example.com'],
    ['evil[.]example . com', 'evil.example.com'],
    ['evil[.]zip', 'evil.zip'],
    ['readme[.]md', 'readme.md'],
  ])('defanged %s', (text, value) => {
    const m = only(`host ${text} seen`);
    expect(m).toMatchObject({ subtype: 'domain', name: value, text, start: 5, end: 5 + text.length });
  });

  it.each([
    'invoice.exe',
    'config.js',
    'v2.3.1',
    'e.g',
    'i.e',
    'e.g.',
    'example.nope',
    '+example.tld+',
    'x.x.x.x',
    'tooshor.t',
    '_____.tld',
    'co.uk',
    'readme.md',
    'invoice.zip',
    'install.sh',
    'loader.py',
    'libc.so',
    'note.one',
    'app.js.map',
    'ASP.NET',
    'attack.In',
    'my_file.com',
    'com.google.android.gms',
    'org.apache.logging',
    'Trojan-SMS.AndroidOS.Agent.ao',
    'example,com',
  ])('rejects %s', (text) => expect(keys(`see ${text} here`)).toEqual([]));

  it('prose and code with space-dot-space stay prose', () => {
    expect(keys('They hit the network . Then the attack . Security teams')).toEqual([]);
    expect(keys('the value = { form . email } and the network . com')).toEqual([]);
    expect(keys('example . com')).toEqual([]); // two bare labels: too much like tokenised prose
  });

  it('a name followed by "(" is a call in code', () => {
    expect(keys('logging.info("x") and asyncio.run(main())')).toEqual([]);
  });

  it('ASCII labels only: a domain written inside CJK text is cut out at its ASCII edges', () => {
    const text = '詳細はexample.comをご覧';
    expect(only(text)).toMatchObject({ name: 'example.com', start: 3, end: 14 });
    expect(keys('テスト.example.com')).toEqual(['indicator:domain:example.com']);
    expect(keys('テスト.nope')).toEqual([]);
    expect(keys('자세한 내용은 example.com에서')).toEqual(['indicator:domain:example.com']);
  });

  it('a name glued to a letter of a spaced script is not cut down to its ASCII part', () => {
    expect(keys('Die Seite müller.de und naïve.example.org')).toEqual([]);
    expect(keys('café-bar.fr or pаypal.com (Cyrillic а)')).toEqual([]);
    expect(keys('mail gómez@junk-mail.com.br now')).toEqual(['indicator:domain:junk-mail.com.br']);
    expect(keys('to user@exämple.com')).toEqual([]);
    expect(keys('Größe: evil.de. Ελληνικά example.gr κείμενο')).toEqual(['indicator:domain:evil.de', 'indicator:domain:example.gr']);
    // A page decoded as Latin-1: the quotes around a name are letters, but no word.
    expect(keys('see \u00e2\u20ac\u0153evil-cdn.example.com\u00e2\u20ac and \u00e2\u009f\u00a8ops@example.org\u00e2\u009f\u00a9')).toEqual([
      'indicator:domain:evil-cdn.example.com',
      'indicator:email:ops@example.org',
    ]);
  });
});

describe('URLs', () => {
  it.each([
    ['http://example.com', 'http://example.com'],
    ['https://www.example.com/foo/bar?baz=1', 'https://www.example.com/foo/bar?baz=1'],
    ['ftp://files.example.org/pub/x.bin', 'ftp://files.example.org/pub/x.bin'],
    ['http://192.168.0.1:80/path', 'http://192.168.0.1:80/path'],
    ['HTTP://Example.COM/Path', 'http://example.com/Path'],
    ['http://[fdc4::1]:8080/x', 'http://[fdc4::1]:8080/x'],
    ['http://user:pw@evil.com/a', 'http://user:pw@evil.com/a'],
    ['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
  ])('%s', (text, value) => {
    expect(only(`link ${text} here`)).toMatchObject({ subtype: 'url', name: value, text, key: `indicator:url:${value.toLowerCase()}` });
  });

  it.each([
    ['hxxp://example.com/a', 'http://example.com/a'],
    ['hXXps://example.com/a', 'https://example.com/a'],
    ['HXXPS://example.com', 'https://example.com'],
    ['hxxp[:]//example[.]com/', 'http://example.com/'],
    ['http[:]//example.com', 'http://example.com'],
    ['http[://]example.com', 'http://example.com'],
    ['hxxps[://]evil[.]com/a[.]php', 'https://evil.com/a.php'],
    ['http://example.com[/]test', 'http://example.com/test'],
    ['hxxp://192[.]168[.]0[.]1:80/path', 'http://192.168.0.1:80/path'],
    ['hxxp://example[dot]com/', 'http://example.com/'],
    ['fxp://files.example.org/x', 'ftp://files.example.org/x'],
    ['FXP[:]//files.example.org', 'ftp://files.example.org'],
  ])('defanged %s', (text, value) => {
    const m = only(`get ${text} now`);
    expect(m).toMatchObject({ subtype: 'url', name: value, text, start: 4, end: 4 + text.length });
  });

  it('trims sentence punctuation and unbalanced parentheses', () => {
    expect(only('see http://x.com/a.').text).toBe('http://x.com/a');
    expect(only('see http://x.com/a, then').text).toBe('http://x.com/a');
    expect(only('(see http://x.com/a)').text).toBe('http://x.com/a');
    expect(only('(http://x.com/a_(b))').text).toBe('http://x.com/a_(b)');
    expect(only('"http://x.com/a?b=1";').text).toBe('http://x.com/a?b=1');
    expect(only('http://example.com.').text).toBe('http://example.com');
    expect(only('http://example.com\\bad.doc').text).toBe('http://example.com');
    expect(only('see http://x.com/logo_(✪).png').text).toBe('http://x.com/logo_');
    expect(only('http://x.com/a(, b)').text).toBe('http://x.com/a');
  });

  it('a path in a spaced script is read whole; CJK after a URL ends it', () => {
    expect(only('see https://ru.wikipedia.org/wiki/Москва for').text).toBe('https://ru.wikipedia.org/wiki/Москва');
    expect(only('(https://de.wikipedia.org/wiki/Müller_(Begriffsklärung)).').name).toBe(
      'https://de.wikipedia.org/wiki/Müller_(Begriffsklärung)',
    );
    expect(only('访问https://example.com/path获取更多').text).toBe('https://example.com/path');
  });

  it('the URL is the indicator; the host inside it is not a second match', () => {
    const found = findPatternEntities('get https://www.google[.]com/x and https://nvd.nist.gov/vuln/detail/CVE-2023-4966');
    expect(found.map((m) => m.subtype)).toEqual(['url', 'url']);
    expect(expandIndicators(found)).toEqual([
      { subtype: 'url', value: 'https://www.google.com/x' },
      { subtype: 'domain', value: 'www.google.com' },
      { subtype: 'url', value: 'https://nvd.nist.gov/vuln/detail/CVE-2023-4966' },
      { subtype: 'domain', value: 'nvd.nist.gov' },
    ]);
  });

  it.each([
    'http://example,com/',
    'http://192,168,0,1',
    'http://[example.com',
    'http://localhost/',
    'http://example.nope/',
    'tcp://example.com:80/',
    'hxxpfoo',
    'http://テスト.example.com',
    'xhttp://',
  ])('no URL in %s', (text) => expect(findPatternEntities(text).filter((m) => m.subtype === 'url')).toEqual([]));

  it('no scheme: the domain, not a URL', () => {
    expect(keys('example[.]com/path')).toEqual(['indicator:domain:example.com']);
    expect(keys('192.168.0.1/some/url')).toEqual(['indicator:ipv4:192.168.0.1']);
  });
});

describe('e-mail addresses', () => {
  it.each([
    ['test@example.com', 'test@example.com'],
    ['John.Smith+tag@Mail.Example.co.uk', 'john.smith+tag@mail.example.co.uk'],
    ['test[@]example.com', 'test@example.com'],
    ['test[at]example[.]com', 'test@example.com'],
    ['test(at)example(dot)com', 'test@example.com'],
    ['test(@)example.com', 'test@example.com'],
    ['test{@}example.com', 'test@example.com'],
    ['test [at] example [.] com', 'test@example.com'],
  ])('%s', (text, value) => {
    const m = only(`mail ${text}.`);
    expect(m).toMatchObject({ subtype: 'email', name: value, text, start: 5, end: 5 + text.length });
    expect(expandIndicators([m])[1]).toEqual({ subtype: 'domain', value: value.slice(value.indexOf('@') + 1) });
  });

  it('a dash or a rule of dashes before the address is not part of it', () => {
    expect(keys('-----admin@mail-relay.example.org')).toEqual(['indicator:email:admin@mail-relay.example.org']);
    expect(keys('senders:\n-payroll@hr-example.com\n-it-desk@hr-example.com')).toEqual([
      'indicator:email:payroll@hr-example.com',
      'indicator:email:it-desk@hr-example.com',
    ]);
    expect(spans('rule -----admin@example.org end')).toEqual(['admin@example.org']);
  });

  it('a local part of 64 characters, not 65, wherever the address starts', () => {
    for (const pre of ['', 'from ']) {
      expect(keys(`${pre}${'b'.repeat(64)}@example.com`)).toEqual([`indicator:email:${'b'.repeat(64)}@example.com`]);
      expect(findPatternEntities(`${pre}${'b'.repeat(65)}@example.com`).filter((m) => m.subtype === 'email')).toEqual([]);
    }
  });

  it.each(['test@example.nope', '@handle', 'name@company', 'a..b@example.com', 'test@テスト.example.com', 'meet (at) noon'])(
    'rejects %s',
    (text) => expect(findPatternEntities(text).filter((m) => m.subtype === 'email')).toEqual([]),
  );
});

describe('hashes', () => {
  const md5 = '68b329da9893e34099c7d8ad5cb9c940';
  const sha1 = 'adc83b19e793491b1c6ea0fd8b46cd9f32e592fc';
  const sha256 = '01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b';
  const sha512 =
    'be688838ca8686e5c90689bf2ab585cef1137c999b48c70b92f67a5c34dc15697b5d11c982ed6d71be1e1e7f7b4e0733884aa97c3f7a339a8ed03577cf74be09';

  it.each([
    [md5, 'md5'],
    [sha1, 'sha1'],
    [sha256, 'sha256'],
    [sha512, 'sha512'],
    [md5.toUpperCase(), 'md5'],
  ])('%s', (hash, subtype) => {
    expect(only(`hash: ${hash}.`)).toMatchObject({
      subtype,
      name: hash.toLowerCase(),
      key: `indicator:${subtype}:${hash.toLowerCase()}`,
      start: 6,
    });
  });

  it('a file named by its hash', () => {
    expect(only(`${md5}.exe`)).toMatchObject({ subtype: 'md5', start: 0, end: 32 });
  });

  it.each([
    ['inside a longer hex run', `${md5}a`],
    ['34 hex digits', 'adc83b191b1c6ea0fd8b46cd9f32e592fc'],
    ['an 0x address', '0x32Be343B94f860124dC4fEe278FDCBD38C102D88'],
    ['glued to a word', `x${md5}`],
    ['all digits', '12345678901234567890123456789012'],
    ['one repeated character', '0'.repeat(32)],
    ['all letters', 'abcdefabcdefabcdefabcdefabcdefab'],
    ['low variety', `${'b'.repeat(31)}1`],
    ['31 digits', md5.slice(1)],
  ])('rejects %s', (_why, text) => expect(keys(`x ${text} y`)).toEqual([]));
});

describe('offsets, order and overlaps', () => {
  it('matches are sorted, non-overlapping and their text is the original slice', () => {
    const text =
      'APT28 (G0007) used CVE-2023-4966 and T1566.001; C2 hxxp://evil[.]com/a and 1.2.3[.]4, mail bob[at]evil[.]com, ' +
      'hash 68b329da9893e34099c7d8ad5cb9c940, domain bad-site(.)ru.';
    const found = findPatternEntities(text);
    expect(found.map((m) => m.key)).toEqual([
      'actor:g0007',
      'vulnerability:cve-2023-4966',
      'technique:t1566.001',
      'indicator:url:http://evil.com/a',
      'indicator:ipv4:1.2.3.4',
      'indicator:email:bob@evil.com',
      'indicator:md5:68b329da9893e34099c7d8ad5cb9c940',
      'indicator:domain:bad-site.ru',
    ]);
    for (let i = 0; i < found.length; i++) {
      expect(text.slice(found[i].start, found[i].end)).toBe(found[i].text);
      if (i > 0) expect(found[i].start).toBeGreaterThanOrEqual(found[i - 1].end);
    }
  });

  it('an e-mail hides the domain-like local part and its host', () => {
    expect(keys('john.smith@example.com')).toEqual(['indicator:email:john.smith@example.com']);
  });

  it('empty and plain text', () => {
    expect(findPatternEntities('')).toEqual([]);
    expect(findPatternEntities('Nothing to see here, just prose (and a bracket) at noon.')).toEqual([]);
  });
});

describe('refang, defang and validators', () => {
  it.each([
    ['example . com', 'example.com'],
    ['example[.]com', 'example.com'],
    ['test(.}test{.)example[.)com', 'test.test.example.com'],
    ['1.)1[.1.)1', '1.1.1.1'],
    ['1.1.1(dot)1', '1.1.1.1'],
    ['http[:]//example.com', 'http://example.com'],
    ['http[://]example.com', 'http://example.com'],
    ['http://example.com[/]test', 'http://example.com/test'],
    ['test[at]example.com', 'test@example.com'],
    ['hxxps://google[.)com', 'https://google.com'],
    ['hxxpfoo', 'hxxpfoo'],
    ['はじめよう.みんな', 'はじめよう.みんな'],
  ])('refang(%s)', (input, out) => expect(refang(input)).toBe(out));

  it('defang for display', () => {
    expect(defang('https://evil.com/a.php')).toBe('hxxps://evil[.]com/a.php');
    expect(defang('ftp://1.2.3.4/x')).toBe('fxp://1[.]2[.]3[.]4/x');
    expect(defang('user@evil.com')).toBe('user[@]evil[.]com');
    expect(defang('evil.com')).toBe('evil[.]com');
  });

  it.each([
    'https://evil.com/a.php?x=1',
    'http://1.2.3.4:8080/x',
    'ftp://files.evil.org/pub',
    'user@evil.com',
    'evil.co.uk',
    '8.8.8.8',
    '68b329da9893e34099c7d8ad5cb9c940',
  ])('defang then refang gives back %s, and the finder reads the defanged form', (value) => {
    const defanged = defang(value);
    expect(refang(defanged)).toBe(value);
    expect(findPatternEntities(`ioc ${defanged} end`).map((m) => m.name)).toEqual([value]);
  });

  it('two spaced brackets side by side', () => {
    expect(refangedView('a [.] [.] b').text).toBe('a..b');
    expect(only('evil [.] example [dot] com')).toMatchObject({ name: 'evil.example.com', start: 0, end: 26 });
  });

  it('the refanged view maps offsets back', () => {
    const text = 'at evil[.]com and 1[.]2[.]3[.]4';
    const view = refangedView(text);
    expect(view.text).toBe('at evil.com and 1.2.3.4');
    expect(view.toOriginalStart(3)).toBe(3);
    expect(view.toOriginalEnd(11)).toBe(13);
    expect(view.toOriginalStart(7)).toBe(7); // the replaced '.' starts where '[.]' starts
    expect(view.toOriginalEnd(8)).toBe(10);
    expect(view.isRefanged(3, 11)).toBe(true);
    expect(view.isRefanged(11, 16)).toBe(false);
  });

  it('validators', () => {
    expect(isValidDomain('example.com')).toBe(true);
    expect(isValidDomain('example.nope')).toBe(false);
    expect(isValidDomain('a-.com')).toBe(false);
    expect(isValidDomain(`${'a'.repeat(64)}.com`)).toBe(false);
    expect(isIPv4('255.255.255.255')).toBe(true);
    expect(isIPv4('256.1.1.1')).toBe(false);
    expect(isIPv6('2001:db8::1')).toBe(true);
    expect(isIPv6('2001:db8:1')).toBe(false);
  });
});
