/**
 * The indicator forms of issue 8: defanged spellings with odd brackets, backslashes, `__` schemes and
 * spelled-out e-mails; URLs bounded by quotes in code; URLs inside query strings. Each rule with what
 * it must read and what it must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { expandIndicators, findPatternEntities, innerUrls } from '../../lib/worker/extract/patterns';
import { checkIocCase, readIocCases } from '../../scripts/eval/ioc-cases';

const keys = (text: string) => findPatternEntities(text).map((m) => m.key);
const spans = (text: string) => findPatternEntities(text).map((m) => m.text);

describe('one-sided brackets and backslash dots', () => {
  it('reads them between letters or digits', () => {
    expect(keys('hxxp://example[.com/x.exe')).toEqual(['indicator:url:http://example.com/x.exe']);
    expect(keys('the host evil.]ru')).toEqual(['indicator:domain:evil.ru']);
    expect(keys('10[.1[.1.]5')).toEqual(['indicator:ipv4:10.1.1.5']);
    expect(keys('files(.example{.com')).toEqual(['indicator:domain:files.example.com']);
    expect(keys('malware-drop\\.com')).toEqual(['indicator:domain:malware-drop.com']);
    expect(keys('192\\.168\\.20\\.7')).toEqual(['indicator:ipv4:192.168.20.7']);
    expect(spans('at evil.]ru now')).toEqual(['evil.]ru']);
    expect(findPatternEntities('evil.]ru')[0].why).toEqual({ pattern: 'domain', rule: 'defanged' });
  });
  it('leaves prose and paths alone', () => {
    expect(keys('(see note 1.) Then')).toEqual([]);
    expect(keys('a list [.com, .net] of TLDs')).toEqual([]);
    expect(keys('C:\\Windows\\System32\\cmd.exe')).toEqual([]);
    expect(keys('end of a sentence.) Next')).toEqual([]);
    expect(keys('foo(.5)')).toEqual([]);
  });
});

describe('schemes written with __ or :\\\\', () => {
  it('reads http__, hxxps__ and http:\\\\ at a word start', () => {
    expect(keys('logged http__example.com/path')).toEqual(['indicator:url:http://example.com/path']);
    expect(keys('hxxps__bad-site.org/gate.php')).toEqual(['indicator:url:https://bad-site.org/gate.php']);
    expect(keys('opened http:\\\\example.com/path')).toEqual(['indicator:url:http://example.com/path']);
    expect(spans('x hxxps__bad-site.org/a y')).toEqual(['hxxps__bad-site.org/a']);
  });
  it('not inside a word or without a host after it', () => {
    expect(keys('screenshot_http__example_com.png')).toEqual([]);
    expect(keys('my_http__ handler')).toEqual([]);
    expect(keys('xhttp__example.com')).toEqual([]);
    expect(keys('http__ then words')).toEqual([]);
  });
});

describe('JSON-escaped slashes', () => {
  it('reads \\/ as a slash, in the scheme and the path', () => {
    expect(keys('{"c2":"http:\\/\\/panel.example.net\\/gate.php","id":7}')).toEqual(['indicator:url:http://panel.example.net/gate.php']);
    expect(spans('x https://cdn.example.org\\/a\\/b.js y')).toEqual(['https://cdn.example.org\\/a\\/b.js']);
  });
  it('nothing from slashes that are no URL', () => {
    expect(keys('ascii art /\\/\\/\\ and C:\\dir\\/x')).toEqual([]);
  });
});

describe('schemes masked with asterisks', () => {
  it('reads h**p and h**ps as http and https', () => {
    expect(keys('beacon to h**ps://cdn-update.example.net/a.js')).toEqual(['indicator:url:https://cdn-update.example.net/a.js']);
    expect(keys('H**P://203.0.113.9/x')).toEqual(['indicator:url:http://203.0.113.9/x']);
    expect(spans('see h**p://mal.example.org now')).toEqual(['h**p://mal.example.org']);
  });
  it('not without a scheme separator or inside a word', () => {
    expect(keys('the h**p word')).toEqual([]);
    expect(keys('oh**p://example.com')).toEqual(['indicator:domain:example.com']);
  });
});

describe("a spaced '@' before a defanged host", () => {
  it('reads the address with the space on either side or both', () => {
    expect(keys('mail ops @ relay-mail[.]example[.]org')).toEqual(['indicator:email:ops@relay-mail.example.org']);
    expect(keys('from billing@ invoices-secure(.)com')).toEqual(['indicator:email:billing@invoices-secure.com']);
    expect(keys('sender hr.dept @hr-portal [.] net today')).toEqual(['indicator:email:hr.dept@hr-portal.net']);
    expect(spans('sent by ops @ relay[.]example[.]org ok')).toEqual(['ops @ relay[.]example[.]org']);
  });
  it('not before a plain host, a number or with nothing before it', () => {
    expect(keys('we met @ example.com')).toEqual(['indicator:domain:example.com']);
    expect(keys('at 5 @ 6pm in hall[.]example[.]org')).toEqual(['indicator:domain:hall.example.org']);
    expect(keys('follow @ evil[.]com')).toEqual(['indicator:email:follow@evil.com']);
    expect(keys('(@ evil[.]com)')).toEqual(['indicator:domain:evil.com']);
    // Tokenised text cut the address before a dot: no e-mail from its tail.
    expect(keys('from jane.doe .1999 @ mail-box [ . ] com')).toEqual(['indicator:domain:mail-box.com']);
  });
});

describe('spelled-out e-mails', () => {
  it('reads user at host dot tld in any of the usual cases', () => {
    expect(keys('write to recover At protonmail DOT com')).toEqual(['indicator:email:recover@protonmail.com']);
    expect(keys('mail decrypt at tutanota dot com for the key')).toEqual(['indicator:email:decrypt@tutanota.com']);
    expect(keys('ops AT mail dot example dot co dot uk')).toEqual(['indicator:email:ops@mail.example.co.uk']);
    expect(spans('mail decrypt at tutanota dot com now')).toEqual(['decrypt at tutanota dot com']);
  });
  it("reads a written '@' before a host whose dots are spelled out", () => {
    expect(keys('contact unlock@onionmail dot org for the key')).toEqual(['indicator:email:unlock@onionmail.org']);
    expect(keys('ops@mail DOT example DOT co DOT uk')).toEqual(['indicator:email:ops@mail.example.co.uk']);
    expect(keys('a handle @ dot com, x@ dot com')).toEqual([]);
  });
  it('leaves prose alone', () => {
    expect(keys('the dot com bubble burst')).toEqual([]);
    expect(keys('We met them at the conference dot matrix')).toEqual([]);
    expect(keys('She works at Google dot not matter')).toEqual([]);
    expect(keys('found at example.com today')).toEqual(['indicator:domain:example.com']);
    expect(keys('look at this dot')).toEqual([]);
  });
});

describe('URLs in code end at their quote', () => {
  it('stops at the quote that opened the URL', () => {
    expect(keys("DownloadString('https://raw.example.com/a.ps1')")).toEqual(['indicator:url:https://raw.example.com/a.ps1']);
    expect(keys("var u='http://x.example.com/a';var v=1;")).toEqual(['indicator:url:http://x.example.com/a']);
    expect(keys("['http://a.example.com/1','http://b.example.com/2']")).toEqual([
      'indicator:url:http://a.example.com/1',
      'indicator:url:http://b.example.com/2',
    ]);
  });
  it('a CSV field: a URL right after a comma ends at the next comma', () => {
    expect(keys('url,https://files.example.com/a/b.zip,Dropper download,2024-05-01')).toEqual([
      'indicator:url:https://files.example.com/a/b.zip',
    ]);
    expect(keys('iocs,http://a.example.com/x,http://b.example.com/y?p=1,2')).toEqual([
      'indicator:url:http://a.example.com/x',
      'indicator:url:http://b.example.com/y?p=1',
    ]);
  });
  it('keeps commas in a URL that no comma opened', () => {
    expect(keys('see http://fonts.example.com/css?family=Lato:400,700 here')).toEqual([
      'indicator:url:http://fonts.example.com/css?family=lato:400,700',
    ]);
  });
  it('keeps an apostrophe in a URL that no quote opened', () => {
    expect(keys("see https://example.com/it's-here now")).toEqual(["indicator:url:https://example.com/it's-here"]);
  });
});

describe('URLs inside URLs', () => {
  it('reads a percent-encoded URL on its own, decoded', () => {
    const [m] = findPatternEntities('logged http%3A%2F%2Fexample%2Ecom%2Fpath in the proxy');
    expect(m.key).toBe('indicator:url:http://example.com/path');
    expect(m.text).toBe('http%3A%2F%2Fexample%2Ecom%2Fpath');
  });
  it('lists the target of a redirector with the redirector, and its host', () => {
    const url = 'https://www.google.com/url?q=https%3A%2F%2Fevil.example.com%2Fpayload.exe&sa=D';
    expect(keys(url)).toEqual([`indicator:url:${url.toLowerCase()}`]);
    expect(innerUrls(url)).toEqual(['https://evil.example.com/payload.exe']);
    expect(expandIndicators(findPatternEntities(url)).map((v) => `${v.subtype}:${v.value}`)).toEqual([
      `url:${url}`,
      'domain:www.google.com',
      'url:https://evil.example.com/payload.exe',
      'domain:evil.example.com',
    ]);
    expect(innerUrls('https://redirect.example.com/r?u=http://evil.example.org/x')).toEqual(['http://evil.example.org/x']);
  });
  it('nothing for ordinary queries, broken escapes or a target that is no URL', () => {
    expect(innerUrls('https://example.com/search?q=apt28&page=2')).toEqual([]);
    expect(innerUrls('https://example.com/?u=http%3A%2F%2F%ZZbad')).toEqual([]);
    expect(keys('http%3A%2F%2Fnot-a-host in a log')).toEqual([]);
    expect(innerUrls('https://example.com/?u=http%3A%2F%2Fexample.nope%2Fa')).toEqual([]);
  });
});

describe("the project's own indicator cases (tests/fixtures/ioc-cases)", () => {
  it('every case reads exactly as expected', () => {
    const cases = readIocCases();
    expect(cases.length).toBeGreaterThan(90);
    const failed = cases.filter((c) => !checkIocCase(c).ok).map((c) => `#${c.id} ${c.form}`);
    expect(failed).toEqual([]);
  });
});
