import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectArticle, stripSite } from '../../lib/page/detect';
import { isBoilerplate } from '../../lib/page/detect/content';
import { readJsonLd } from '../../lib/page/detect/jsonld';
import { toIso } from '../../lib/page/detect/metadata';

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

describe('readJsonLd', () => {
  it('reads @graph, arrays, @type arrays and URL-form types', () => {
    const doc = parse(`<html><head>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},{"@type":["NewsArticle","Article"],"headline":"H"}]}</script>
      <script type="application/ld+json">[{"@type":"http://schema.org/BlogPosting","headline":"B"}]</script>
    </head><body></body></html>`);
    const types = readJsonLd(doc).flatMap((n) => n.types);
    expect(types).toEqual(expect.arrayContaining(['WebSite', 'NewsArticle', 'Article', 'BlogPosting']));
  });

  it('survives broken JSON in one block and raw newlines in strings in another', () => {
    const doc = parse(`<html><head>
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken</script>
      <script type="application/ld+json">{"@type": "Article", "headline": "Line one
line two"}</script>
    </head><body></body></html>`);
    const nodes = readJsonLd(doc);
    expect(nodes.map((n) => n.types[0])).toEqual(['Article']);
  });

  it('finds an article declared as the mainEntity of a WebPage', () => {
    const doc = parse(
      `<script type="application/ld+json">{"@type":"WebPage","mainEntity":{"@type":"TechArticle","headline":"T"}}</script>`,
    );
    expect(readJsonLd(doc).flatMap((n) => n.types)).toContain('TechArticle');
  });
});

describe('stripSite: the headline without the site name', () => {
  it('cuts a suffix or prefix that names the site', () => {
    expect(stripSite('War crimes tribunal says attack was espionage | Cyber Security Newswire', 'Cyber Security Newswire')).toBe(
      'War crimes tribunal says attack was espionage',
    );
    expect(stripSite('Ars Technica - Just-released Minecraft exploit', 'Ars Technica')).toBe('Just-released Minecraft exploit');
    expect(stripSite('Patch now: Citrix Bleed exploited – The Record', 'The Record')).toBe('Patch now: Citrix Bleed exploited');
    expect(stripSite('How we hunt APT28 » securelist.com', 'securelist.com')).toBe('How we hunt APT28');
  });

  it('recognises the site from its host name, and cuts twice when the site is named twice', () => {
    expect(
      stripSite('Learn More: Academic Tutoring | The Partnership for Student Success', undefined, 'www.partnershipstudentsuccess.org'),
    ).toBe('Learn More: Academic Tutoring');
    expect(stripSite('Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst', undefined, 'artlyst.com')).toBe(
      'Critics’ Choice: Best UK Art Exhibitions 2025',
    );
    expect(
      stripSite(
        'SoundStage! Xperience | SoundStageXperience.com - The Five Best Headphones',
        'SoundStage! Xperience',
        'www.soundstagexperience.com',
      ),
    ).toBe('The Five Best Headphones');
  });

  it('cuts a short last part when the site name is unknown', () => {
    expect(stripSite('Ransomware gang claims attack on city council | Acme News', undefined)).toBe(
      'Ransomware gang claims attack on city council',
    );
  });

  it('keeps separators that belong to the headline', () => {
    expect(stripSite('APT28 – Fancy Bear – targets embassies in new campaign', 'Example')).toBe(
      'APT28 – Fancy Bear – targets embassies in new campaign',
    );
    expect(stripSite('Patch Tuesday: 3 zero-days fixed', 'Example')).toBe('Patch Tuesday: 3 zero-days fixed');
    expect(stripSite('No separator here', 'Example')).toBe('No separator here');
  });
});

describe('title, byline, date and site from the page', () => {
  it('prefers the visible h1 when another source agrees with it', () => {
    const doc = parse(`<html><head><title>Breach at Acme exposes 1M records – Example News</title>
      <meta property="og:title" content="Breach at Acme exposes 1M records"></head>
      <body><div class="logo"><h1>Example News</h1></div><article><h1>Breach at Acme exposes 1M records</h1><p>${'Text of the article. '.repeat(20)}</p></article></body></html>`);
    expect(detectArticle(doc, 'https://news.example/2024/01/02/breach-at-acme/').title).toBe('Breach at Acme exposes 1M records');
  });

  it('falls back to the declared headline when the h1 is a section name', () => {
    const doc = parse(`<html><head><title>Some story about a breach | Example</title><meta property="og:site_name" content="Example">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Some story about a breach","author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Writer"}],"datePublished":"2024-01-02T03:04:05Z"}</script></head>
      <body><h1>Security</h1><p>${'Body text here. '.repeat(30)}</p></body></html>`);
    const info = detectArticle(doc, 'https://example.com/security/some-story-about-a-breach');
    expect(info.title).toBe('Some story about a breach');
    expect(info.byline).toBe('A. Writer, B. Writer');
    expect(info.published).toBe('2024-01-02T03:04:05Z');
    expect(info.site).toBe('Example');
  });

  it('uses the host name when the page names no site', () => {
    const doc = parse('<html><head><title>Plain page</title></head><body><p>Hello</p></body></html>');
    expect(detectArticle(doc, 'https://www.plain.example/x').site).toBe('plain.example');
  });

  it('toIso keeps ISO dates as given and converts other date strings', () => {
    expect(toIso('2023-10-20T14:05:00+00:00')).toBe('2023-10-20T14:05:00+00:00');
    expect(toIso('2023-10-20')).toBe('2023-10-20');
    expect(toIso('Fri, 20 Oct 2023 14:05:00 GMT')).toBe('2023-10-20T14:05:00.000Z');
    expect(toIso('not a date')).toBeUndefined();
    expect(toIso('')).toBeUndefined();
  });
});

describe('isBoilerplate: positive and negative examples', () => {
  const el = (html: string) => parse(`<html><body>${html}</body></html>`).body.firstElementChild as Element;

  it('boilerplate by tag, role, hidden state, class or heading', () => {
    for (const html of [
      '<nav></nav>',
      '<aside></aside>',
      '<form></form>',
      '<div role="navigation"></div>',
      '<div hidden></div>',
      '<div style="display:none"></div>',
      '<div class="share-buttons"></div>',
      '<div class="related-posts"></div>',
      '<div class="author-bio"></div>',
      '<div id="comments"></div>',
      '<section class="newsletter-signup"></section>',
      '<div class="ad"></div>',
      '<div><h3>Related Posts</h3><ul></ul></div>',
      '<section><h2>3 Comments</h2></section>',
      '<div><div><h4>You may also like</h4></div></div>',
    ]) {
      expect(isBoilerplate(el(html)), html).toBe(true);
    }
  });

  it('not boilerplate: content and layout wrappers whose names merely contain those words', () => {
    for (const html of [
      '<div class="entry-content"></div>',
      '<div class="post-content has-sidebar"></div>',
      '<div class="content-sidebar-wrap"></div>',
      '<div class="c-fixed-sidebar-layout--300"></div>',
      '<div class="shadow header-image"></div>',
      '<div class="elementor-widget-container"></div>',
      '<article class="promoted"></article>',
      '<div class="hidden md:block"></div>',
      '<div><h2>How the attack unfolded</h2></div>',
      '<main></main>',
    ]) {
      expect(isBoilerplate(el(html)), html).toBe(false);
    }
  });

  it('class names are ignored when asked (the retry for page builders)', () => {
    expect(isBoilerplate(el('<div class="sidebar"></div>'), null)).toBe(false);
    expect(isBoilerplate(el('<nav></nav>'), null)).toBe(true);
  });
});
