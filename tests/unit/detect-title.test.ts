/** The page's own headline over section headings, labels and site names. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectArticle, stripSite } from '../../lib/page/detect';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const STORY = '<p>' + 'The operator sent spyware links to journalists and activists over several years. '.repeat(15) + '</p>';
const title = (head: string, body: string, url = 'https://citizenlab.ca/2016/05/stealth-falcon/') =>
  detectArticle(parse(`<html><head>${head}</head><body>${body}</body></html>`), url).title;

describe('titles that generalise', () => {
  it('a report is titled by its headline, not by its first section ("1. Executive Summary")', () => {
    const head =
      '<title>Keep Calm and (Don’t) Enable Macros: A New Threat Actor Targets UAE Dissidents - The Citizen Lab</title><meta property="og:site_name" content="The Citizen Lab">';
    expect(
      title(head, `<article><div class="entry"><h1>1. Executive Summary</h1>${STORY}<h1>2. Background</h1>${STORY}</div></article>`),
    ).toBe('Keep Calm and (Don’t) Enable Macros: A New Threat Actor Targets UAE Dissidents');
  });
  it('keeps the declared punctuation when the h1 lost it between its inline parts', () => {
    const head =
      '<meta property="og:title" content="Keep Calm and (Don’t) Enable Macros: A New Threat Actor Targets UAE Dissidents - The Citizen Lab"><meta property="og:site_name" content="The Citizen Lab">';
    expect(
      title(
        head,
        `<article><h1><span>Keep Calm and (Don’t) Enable Macros</span><span class="sub">A New Threat Actor Targets UAE Dissidents</span></h1>${STORY}</article>`,
      ),
    ).toBe('Keep Calm and (Don’t) Enable Macros: A New Threat Actor Targets UAE Dissidents');
  });
  it('an h1 that only labels the page with a code is not the headline', () => {
    const head = '<title>Cyber-Attack Against Ukrainian Critical Infrastructure | CISA</title>';
    const body = `<h1 id="page-title">ICS Alert (IR-ALERT-H-16-056-01)</h1><h2 id="page-sub-title">Cyber-Attack Against Ukrainian Critical Infrastructure</h2><div class="content">${STORY}</div>`;
    expect(title(head, body, 'https://us-cert.cisa.gov/ics/alerts/IR-ALERT-H-16-056-01')).toBe(
      'Cyber-Attack Against Ukrainian Critical Infrastructure',
    );
  });
  it('an h1 of three real words is still the headline', () => {
    const head = '<title>Wedding Planning Tools – Caterer Comparison Spreadsheet | Example</title>';
    expect(title(head, `<article><h1>Wedding Planning Tools</h1>${STORY}</article>`, 'https://www.example.com/tools')).toBe(
      'Wedding Planning Tools',
    );
  });
  it('cuts a site name after " -- "', () => {
    expect(stripSite('RSA confirms its tokens used in Lockheed hack -- GCN', 'GCN')).toBe('RSA confirms its tokens used in Lockheed hack');
    expect(stripSite('Flags -- and why they matter -- in Sigma detection rules', 'Example')).toBe(
      'Flags -- and why they matter -- in Sigma detection rules',
    );
  });
});
