import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectArticle, isArticle, type ArticleInfo } from '../../lib/page/detect';

const PAGES = resolve(import.meta.dirname, '../../../shared/fixtures/pages');

function load(file: string): Document {
  return parseHTML(readFileSync(resolve(PAGES, file), 'utf8')).document as unknown as Document;
}

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Every segment's slice of the text is the same characters as its slice of the Text node. */
function expectSegmentsMapBack(info: ArticleInfo): void {
  let previousEnd = 0;
  for (const seg of info.segments) {
    expect(seg.start).toBeGreaterThanOrEqual(previousEnd);
    expect(seg.end).toBeGreaterThan(seg.start);
    expect(info.text.slice(seg.start, seg.end)).toBe(seg.node.data.slice(seg.nodeOffset, seg.nodeOffset + (seg.end - seg.start)));
    previousEnd = seg.end;
  }
  // What no segment covers is only the separators the reader inserted.
  let covered = 0;
  for (const seg of info.segments) covered += seg.end - seg.start;
  const gaps = info.text.length - covered;
  expect(info.text.replace(/\S/g, '').length).toBeGreaterThanOrEqual(gaps);
}

const ICC_URL = 'https://newswire.example/2023/10/20/war-crimes-tribunal-says-september-cyberattack-was-act-of-espionage/';

describe('detectArticle on the seed article (icc-espionage.html)', () => {
  const doc = load('icc-espionage.html');
  const before = doc.documentElement.outerHTML;
  const info = detectArticle(doc, ICC_URL);

  it('is an article, with its metadata', () => {
    expect(info.isArticle).toBe(true);
    expect(info.title).toBe('War crimes tribunal says September cyberattack was act of espionage');
    expect(info.byline).toBe('Alexander Martin');
    expect(info.published).toBe('2023-10-20T14:05:00+00:00');
    expect(info.site).toBe('Cyber Security Newswire');
    expect(info.lang).toBe('en');
  });

  it('reads the whole body, first paragraph to last', () => {
    expect(info.text.startsWith('The International Criminal Court (ICC) said on Friday')).toBe(true);
    expect(info.text).toContain('Dutch law enforcement authorities are conducting a criminal investigation.');
    expect(info.text.endsWith('where he is being prosecuted for using false documents.')).toBe(true);
    expect(info.text.split('\n\n')).toHaveLength(9);
  });

  it('leaves out navigation, promo, bio, comment form, previous/next links, related posts and footer', () => {
    for (const outside of [
      'Recorded Future',
      'Learn more',
      'UK Editor',
      'Leave a Reply',
      'Post Comment',
      'Casio',
      'India raids',
      'Related Posts',
      'Ivanti',
      'Citibank',
      'Privacy',
      'Ransomware',
      'No previous article',
      'By Alexander',
    ]) {
      expect(info.text).not.toContain(outside);
    }
    // Highlights cannot land outside the body either: every segment's node is inside the entry content.
    for (const seg of info.segments) expect(seg.node.parentElement?.closest('.entry-content')).not.toBeNull();
  });

  it('maps every piece of text back to its Text node', () => {
    expect(info.segments.length).toBe(9);
    expectSegmentsMapBack(info);
  });

  it('does not change the page', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('detectArticle on pages that are not articles', () => {
  it('a front page listing stories (home-listing.html)', () => {
    expect(isArticle(load('home-listing.html'), 'https://newswire.example/')).toBe(false);
  });

  it('a product page', () => {
    const doc = parse(`<html><head><title>Acme Router X2 | Acme Store</title><meta property="og:type" content="product">
      <script type="application/ld+json">{"@type":"Product","name":"Acme Router X2","offers":{"@type":"Offer","price":"99"}}</script></head>
      <body><nav><a href="/">Home</a><a href="/routers">Routers</a></nav><h1>Acme Router X2</h1><p>$99.00</p>
      <p>Fast dual-band router with WPA3, four gigabit ports, parental controls and a mobile app for setup.</p>
      <button>Add to cart</button></body></html>`);
    expect(isArticle(doc, 'https://store.example/products/acme-router-x2')).toBe(false);
  });

  it('search results', () => {
    const items = Array.from(
      { length: 12 },
      (_, i) => `<li><h3><a href="/2024/01/${i}/story-${i}">Ransomware story number ${i}</a></h3><p>Snippet ${i}.</p></li>`,
    ).join('');
    const doc = parse(
      `<html><head><title>Search: ransomware</title></head><body><h1>Results for ransomware</h1><ul>${items}</ul></body></html>`,
    );
    expect(isArticle(doc, 'https://news.example/search?q=ransomware')).toBe(false);
  });
});

describe('detectArticle on real article pages', () => {
  it('Ars Technica (Readability test page ars-1) with the expected metadata', () => {
    const expected = JSON.parse(readFileSync(resolve(PAGES, 'real/readability-ars-1/expected-metadata.json'), 'utf8'));
    const doc = load('real/readability-ars-1/source.html');
    const info = detectArticle(
      doc,
      'https://arstechnica.com/security/2015/04/just-released-minecraft-exploit-makes-it-easy-to-crash-game-servers/',
    );
    expect(info.isArticle).toBe(true);
    expect(info.title).toBe(expected.title);
    expect(info.byline).toBe(expected.byline);
    expect(info.site).toBe(expected.siteName);
    expect(info.lang).toBe(expected.lang);
    expect(info.text).toContain('A flaw in the wildly popular online game Minecraft makes it easy');
    expect(info.text).toContain('Ars is asking Mojang for comment and will update this post if company officials respond.');
    expectSegmentsMapBack(info);
  });

  it('Threatpost (trafilatura test page): body only, not the suggested articles or comments', () => {
    const doc = load('real/trafilatura/threatpost.com.android.html');
    const info = detectArticle(doc, 'https://threatpost.com/android-ransomware-sex-simulation-game/146785/');
    expect(info.isArticle).toBe(true);
    expect(info.title).toBe('Android Ransomware Spreads Via ‘Sex Simulation Game’ Links on Reddit, SMS');
    expect(info.byline).toBe("Lindsey O'Donnell");
    expect(info.published).toBe('2019-07-30T13:16:29-04:00');
    expect(info.text).toContain('The Android ransomware, dubbed Android/Filecoder.C, has been active since at least July 12');
    expect(info.text).toContain('using novel techniques to exfiltrate data.');
    for (const outside of [
      'Texas Ransomware Attacks',
      'Fortnite',
      'Any md5 or sha256',
      'Leave A Comment',
      'Subscribe to our Threatpost Today newsletter',
    ]) {
      expect(info.text).not.toContain(outside);
    }
    expectSegmentsMapBack(info);
  });

  it('ScanNetSecurity (postlight test page): metadata and the lead; the body itself is loaded by script', () => {
    const doc = load('real/postlight/scan.netsecurity.ne.jp.html');
    const info = detectArticle(doc, 'https://scan.netsecurity.ne.jp/article/2019/03/05/42049.html');
    expect(info.title).toBe('パスワードロック未実施のUSBメモリを電車内で紛失の可能性（阪南大学）');
    expect(info.lang).toBe('ja');
    expect(info.text).toContain('阪南大学は3月4日、同学の専任教員が学生情報等を保存したUSBメモリを紛失したことが判明したと発表した。');
    // The saved HTML holds only the lead sentence (an empty <mms-article> element is filled in by a
    // script), so there is no body to read and the page is not called an article from this copy.
    expect(info.text.length).toBeLessThan(200);
    expectSegmentsMapBack(info);
  });
});

describe('the main text reader', () => {
  it('does not glue words across elements and keeps inline markup inline', () => {
    const doc = parse(`<html><body><article><h1>T</h1>
      <p>The <b>ICC</b> said<br>on Friday that the attack,
         detected in <a href="/x">September</a>, was espionage by an unnamed actor of some kind.</p>
      <ul><li>first point of the list that is long enough</li><li>second</li></ul>
      <table><tr><td>cell one</td><td>cell two</td></tr></table></article></body></html>`);
    const info = detectArticle(doc, 'https://x.example/2023/10/20/a-long-story-slug-here/');
    expect(info.text).toContain('The ICC said\non Friday that the attack, detected in September, was espionage');
    expect(info.text).toContain('first point of the list that is long enough\n\nsecond');
    expect(info.text).toContain('cell one');
    expect(info.text).toContain('cell two');
    expect(info.text).not.toContain('onecell');
    expectSegmentsMapBack(info);
  });

  it('skips hidden elements, scripts and share bars inside the body', () => {
    const doc = parse(`<html><body><article>
      <p>Paragraph one of the story is here and it is long enough to count as running prose.</p>
      <div class="share-buttons"><a href="#">Share on X</a></div>
      <p hidden>Hidden text should not be read</p><script>var x = "script text";</script>
      <div style="display: none">Invisible block</div>
      <p>Paragraph two of the story follows, also long enough to count as a paragraph of prose.</p>
      </article></body></html>`);
    const info = detectArticle(doc, 'https://x.example/news/story');
    expect(info.text).toBe(
      'Paragraph one of the story is here and it is long enough to count as running prose.\n\n' +
        'Paragraph two of the story follows, also long enough to count as a paragraph of prose.',
    );
    expectSegmentsMapBack(info);
  });

  it('drops the short dateline above the first paragraph but keeps a closing list of indicators', () => {
    const doc = parse(`<html><body><div class="post">
      <div>March 17, 2025</div><div>5 min read</div>
      <p>The actor used a loader that fetched its second stage from a compromised WordPress site.</p>
      <p>Researchers published the indicators below so that defenders can hunt for the intrusion.</p>
      <h3>Indicators of compromise</h3>
      <ul><li>evil[.]example</li><li>198.51.100[.]7</li><li>44d88612fea8a8f36de82e1278abb02f</li></ul>
      </div></body></html>`);
    const info = detectArticle(doc, 'https://x.example/research/loader-campaign');
    expect(info.text.startsWith('The actor used a loader')).toBe(true);
    expect(info.text).toContain('Indicators of compromise\n\nevil[.]example\n\n198.51.100[.]7\n\n44d88612fea8a8f36de82e1278abb02f');
    expectSegmentsMapBack(info);
  });

  it('survives hostile nesting without overflowing the stack', () => {
    const depth = 20_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>deep</p>${'</div>'.repeat(depth)}<article><p>${'Real prose sits here. '.repeat(10)}</p></article></body></html>`;
    const info = detectArticle(parse(html), 'https://x.example/news/story');
    expect(info.text).toContain('Real prose sits here.');
    expect(info.text).not.toContain('deep');
  });

  it('handles an empty page', () => {
    const info = detectArticle(parse('<html><body></body></html>'), 'https://x.example/');
    expect(info.isArticle).toBe(false);
    expect(info.text).toBe('');
    expect(info.segments).toEqual([]);
  });
});
