/**
 * The story, not the page: teasers of other stories, promo lines and boxes beside the story are left
 * out of the main text, even inside the article's container; the story itself is never lost.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../lib/page/detect';
import { isBoilerplate } from '../../lib/page/detect/content';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const para = (n: number, topic = 'The intruders used stolen VPN credentials and moved through the network for weeks') =>
  Array.from({ length: n }, (_, i) => `<p>${topic}, investigators said in paragraph ${i + 1} of the report on the breach.</p>`).join('');
const page = (body: string) =>
  `<html><head><title>Hospital network breached</title></head><body><header><a href="/">Site</a></header><main>${body}</main></body></html>`;
const text = (body: string) => detectArticle(parse(page(body)), 'https://news.example.com/2024/05/hospital-breach').text;

const card = (n: number) =>
  `<div class="card"><h3><a href="/2024/04/story-${n}">Other story number ${n} about ransomware</a></h3><p>A short summary of another story, number ${n}, that a reader may click next.</p></div>`;

describe('teaser cards', () => {
  it('are left out when they sit beside the story, even in its container', () => {
    const t = text(`<article><h1>Hospital network breached</h1>${para(8)}<div class="more">${card(1)}${card(2)}${card(3)}</div></article>`);
    expect(t).toContain('paragraph 8 of the report');
    expect(t).not.toContain('Other story number 2');
    expect(t).not.toContain('A short summary of another story');
  });
  it('are the content of a listicle or a guide, and then kept', () => {
    const items = Array.from(
      { length: 8 },
      (_, i) =>
        `<section class="item"><h2><a href="https://trails.example.org/${i}">Trail number ${i}</a></h2><p>This trail runs along the bayou for several miles and has shade, water and parking near item ${i}.</p></section>`,
    ).join('');
    const t = text(
      `<article><h1>Best trails</h1><p>Here are the trails we like best this year, tried by our editors over many weekends.</p>${items}</article>`,
    );
    expect(t).toContain('Trail number 7');
    expect(t).toContain('parking near item 3');
  });
  it('a heading that links within the page is a section, not a teaser', () => {
    const sections = [1, 2, 3]
      .map(
        (i) =>
          `<div class="sec"><h2><a href="#s${i}">Stage ${i}</a></h2><p>In stage ${i} the attackers escalated privileges on the domain controller.</p></div>`,
      )
      .join('');
    const t = text(`<article><h1>Hospital network breached</h1>${para(5)}${sections}</article>`);
    expect(t).toContain('In stage 2 the attackers');
  });
});

describe('promo lines and labelled boxes', () => {
  it('drops a line that opens with a link and a colon, or with "Read more:"', () => {
    const t = text(
      `<article><h1>H</h1>${para(6)}<p><span><a href="/news/marriott">That Marriott breach</a></span>: Hackers stole more than 5 million passport numbers.</p><p>Read more: <a href="/x">Patch now</a></p></article>`,
    );
    expect(t).not.toContain('That Marriott breach');
    expect(t).not.toContain('Patch now');
  });
  it("keeps a sentence that merely starts with a link, and the story's own linked lists", () => {
    const t = text(
      `<article><h1>H</h1>${para(6)}<p><a href="https://cisa.gov">CISA</a> said the flaw is exploited and agencies must patch by Friday.</p><p><a href="https://nvd.nist.gov/vuln/detail/CVE-2024-21887">CVE-2024-21887</a>: command injection in the web component.</p><p><a href="/iocs">gpoaccess[.]com</a>: the C2 domain.</p></article>`,
    );
    expect(t).toContain('CISA said the flaw is exploited');
    expect(t).toContain('CVE-2024-21887: command injection');
    expect(t).toContain('gpoaccess[.]com: the C2 domain');
  });
  it('drops the block after "Other stories you might like" and "Additional resources"', () => {
    const t = text(
      `<article><h1>H</h1>${para(6)}</article><h3>Other stories you might like</h3><div><p>University secures funding to build robots for nuclear sites, a story of its own.</p></div><h4>Additional Resources</h4><ul><li>Download the 2020 Global Threat Report to learn more.</li></ul>`,
    );
    expect(t).not.toContain('University secures funding');
    expect(t).not.toContain('Global Threat Report');
  });
  it('BEM boxes are named by their element; utility classes hint at nothing', () => {
    const doc = parse(
      '<html><body><h1>T</h1><div class="article__subscribe text-gray-400">Sign up</div><div class="article__body">x</div></body></html>',
    );
    const anchors = new Set<Element>();
    expect(isBoilerplate(doc.querySelector('.article__subscribe')!, anchors)).toBe(true);
    expect(isBoilerplate(doc.querySelector('.article__body')!, anchors)).toBe(false);
    expect(isBoilerplate(parse('<div class="wrap-section author-container">A</div>').querySelector('div')!, anchors)).toBe(true);
    expect(isBoilerplate(parse('<div class="content-container">A</div>').querySelector('div')!, anchors)).toBe(false);
  });
});

describe('the story is not lost', () => {
  it('inside a page-wide ASP.NET form', () => {
    const html = `<html><body><form id="aspnetForm" method="post"><div class="main"><div id="article">${para(8)}</div></div></form></body></html>`;
    expect(detectArticle(parse(html), 'https://gcn.example.com/articles/2011/06/07/rsa.aspx').text).toContain('paragraph 8 of the report');
    expect(isBoilerplate(parse('<html><body><form><input name="q"></form></body></html>').querySelector('form')!)).toBe(true);
  });
  it('inside an article box that misuses role="contentinfo"', () => {
    const html = `<html><body><div class="layout" role="contentinfo"><article><h1>Gamaredon uses lures</h1>${para(8)}</article></div><footer role="contentinfo">© Example</footer></body></html>`;
    const info = detectArticle(parse(html), 'https://www.example.com/news/gamaredon-lures.html');
    expect(info.text).toContain('paragraph 8 of the report');
    expect(info.text).not.toContain('© Example');
  });
});
