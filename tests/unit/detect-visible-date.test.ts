/** The date a reader sees beside the headline or byline, when metadata lacks it or puts it on another UTC day. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../lib/page/detect';
import { readVisibleDate, visibleDate } from '../../lib/page/detect/visible-date';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const STORY =
  '<p>' + 'The attackers moved laterally across the network and stole credentials from the domain controller. '.repeat(12) + '</p>';

describe('readVisibleDate', () => {
  it('reads the usual written forms as yyyy-mm-dd', () => {
    expect(readVisibleDate('February 13, 2014')).toBe('2014-02-13');
    expect(readVisibleDate('Monday, September 18, 2017')).toBe('2017-09-18');
    expect(readVisibleDate('Posted: 27 Mar, 2019')).toBe('2019-03-27');
    expect(readVisibleDate('Jun 07, 2011')).toBe('2011-06-07');
    expect(readVisibleDate('2020-12-13T10:00:00Z')).toBe('2020-12-13');
    expect(readVisibleDate('09-06-2016')).toBe('2016-09-06');
    expect(readVisibleDate('by Matt Miller on Dec 16, 2025 at 11:00 AM')).toBe('2025-12-16');
  });
  it('nothing without a full, real date', () => {
    expect(readVisibleDate('September 2017')).toBeUndefined();
    expect(readVisibleDate('3:51 AM')).toBeUndefined();
    expect(readVisibleDate('February 30, 2014')).toBeUndefined();
    expect(readVisibleDate('13/25/2019')).toBeUndefined();
    expect(readVisibleDate('version 1.2.2014')).toBeUndefined();
    expect(readVisibleDate('8 Min Read')).toBeUndefined();
  });
});

describe('visibleDate', () => {
  it('reads a date element below the headline (FireEye, Volexity, Symantec, CISA shapes)', () => {
    expect(visibleDate(parse(`<h1>Headline</h1><p class="post-date">November 6, 2020</p>${STORY}`))).toBe('2020-11-06');
    expect(visibleDate(parse(`<h1>H</h1><div class="meta"><span class="meta__date">Posted: <time>6 Mar, 2019</time></span></div>`))).toBe(
      '2019-03-06',
    );
    expect(
      visibleDate(
        parse(
          `<h1>H</h1><div class="submitted meta-text">Original release date: September 14, 2020 | Last revised: October 24, 2020</div>`,
        ),
      ),
    ).toBe('2020-09-14');
    expect(visibleDate(parse(`<h2 class="date-header"><span>Tuesday, November 27, 2018</span></h2><h3>Post</h3>`))).toBe('2018-11-27');
    expect(visibleDate(parse(`<abbr class="published" itemprop="datePublished" title="2017-09-18T03:51:00-04:00">3:51 AM</abbr>`))).toBe(
      '2017-09-18',
    );
  });
  it('reads an unmarked short date line right under the headline', () => {
    const doc = parse(`<div><h1 id="t">Understanding Lean</h1><p class="text-muted">December 15, 2025</p></div>${STORY}`);
    expect(visibleDate(doc, doc.getElementById('t')!)).toBe('2025-12-15');
  });
  it('prefers the date after the headline to a masthead date above it', () => {
    const doc = parse(
      `<header><span class="today-date">Sunday, May 23, 2021</span></header><h1 id="t">Story</h1><p class="byline">By A. Writer</p><time>January 15, 2011</time>${STORY}`,
    );
    expect(visibleDate(doc, doc.getElementById('t')!)).toBe('2011-01-15');
  });
  it('leaves dates of comments, related stories, sidebars and updates alone', () => {
    const doc = parse(`<h1 id="t">Story</h1>${STORY}
      <aside><span class="date">May 1, 2021</span></aside>
      <div class="related-posts"><span class="post-date">May 2, 2021</span></div>
      <div class="comments"><span class="datetime">September 18, 2017 at 5:43 AM</span></div>
      <span class="updated-date">May 3, 2021</span>`);
    expect(visibleDate(doc, doc.getElementById('t')!)).toBeUndefined();
    expect(
      visibleDate(parse(`<h1>S</h1><p>The breach began on March 3, 2020, investigators said, and ${'went on for weeks '.repeat(20)}</p>`)),
    ).toBeUndefined();
  });
});

describe('detectArticle: published', () => {
  it('takes the shown date when metadata has none', () => {
    const info = detectArticle(
      parse(
        `<html><head><title>Stealing secrets</title></head><body><article><h1>Stealing secrets</h1><time class="entry-date">February 13, 2014</time>${STORY}</article></body></html>`,
      ),
      'https://www.fireeye.com/blog/2014/02/x.html',
    );
    expect(info.published).toBe('2014-02-13');
  });
  it('keeps the declared time when the page shows the same day, the shown day when UTC moved it by one', () => {
    const head = (iso: string) =>
      `<html><head><meta property="article:published_time" content="${iso}"></head><body><article><h1>T</h1><time>May 29, 2016</time>${STORY}</article></body></html>`;
    expect(detectArticle(parse(head('2016-05-29T18:00:00Z')), 'https://example.com/a').published).toBe('2016-05-29T18:00:00Z');
    expect(detectArticle(parse(head('2016-05-30T01:00:00Z')), 'https://example.com/a').published).toBe('2016-05-29');
    expect(detectArticle(parse(head('2016-06-04T01:00:00Z')), 'https://example.com/a').published).toBe('2016-06-04T01:00:00Z');
  });
});
