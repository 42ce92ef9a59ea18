import { describe, expect, it } from 'vitest';
import { urlShape } from '../../lib/page/detect';

describe('urlShape: positive and negative examples of each predicate', () => {
  it('root: front pages', () => {
    for (const url of ['https://news.example/', 'https://news.example', 'https://news.example/index.html', 'https://news.example/en/']) {
      expect(urlShape(url).root, url).toBe(true);
    }
    for (const url of ['https://news.example/2023/10/20/story/', 'https://news.example/blog/', 'https://news.example/about-us']) {
      expect(urlShape(url).root, url).toBe(false);
    }
  });

  it('dated: a date in the path', () => {
    for (const url of [
      'https://n.example/2023/10/20/war-crimes/',
      'https://n.example/2023/10/story',
      'https://n.example/news/2023-10-20-story',
    ]) {
      expect(urlShape(url).dated, url).toBe(true);
    }
    for (const url of [
      'https://n.example/2023/',
      'https://n.example/product/2023-model',
      'https://n.example/a63515464/diet-trends-2025/',
      'https://n.example/2023/13/x',
    ]) {
      expect(urlShape(url).dated, url).toBe(false);
    }
  });

  it('slugWords: words of the last segment', () => {
    expect(urlShape('https://n.example/2023/10/20/war-crimes-tribunal-says-september/').slugWords).toBe(5);
    expect(urlShape('https://n.example/blog/why_cheap_seo_fails.html').slugWords).toBe(4);
    expect(urlShape('https://n.example/article/12345.html').slugWords).toBe(0);
    expect(urlShape('https://n.example/').slugWords).toBe(0);
  });

  it('listing: tags, categories, archives, authors, search, pagination', () => {
    for (const url of [
      'https://n.example/tag/ransomware/',
      'https://n.example/category/breaches/',
      'https://n.example/author/alexander-martin/',
      'https://n.example/search?q=apt28',
      'https://n.example/?s=lockbit',
      'https://n.example/news/page/2/',
      'https://n.example/topics/security',
    ]) {
      expect(urlShape(url).listing, url).toBe(true);
    }
    for (const url of [
      'https://n.example/2023/10/20/tagging-best-practices/',
      'https://n.example/news/story?page=1',
      'https://n.example/blog/categories-of-malware',
    ]) {
      expect(urlShape(url).listing, url).toBe(false);
    }
  });

  it('shop, docs and forum paths and hosts', () => {
    expect(urlShape('https://store.example/products/router-x2').shop).toBe(true);
    expect(urlShape('https://shop.example/collections/mens-sneakers').shop).toBe(true);
    expect(urlShape('https://n.example/2023/10/20/product-security-review/').shop).toBe(false);
    expect(urlShape('https://docs.docker.com/compose/how-tos/networking/').docs).toBe(true);
    expect(urlShape('https://supabase.com/docs/guides/auth').docs).toBe(true);
    expect(urlShape('https://n.example/2023/10/20/docs-leak-exposes-data/').docs).toBe(false);
    expect(urlShape('https://community.openai.com/t/4o-update-broken/931828').forum).toBe(true);
    expect(urlShape('https://serverfault.com/questions/1145952/dhcp-problem').forum).toBe(true);
    expect(urlShape('https://n.example/2023/10/20/forum-members-targeted/').forum).toBe(false);
  });

  it('articlePath: sections publishers put articles under', () => {
    expect(urlShape('https://acme.example/blog/why-cheap-seo-fails').articlePath).toBe(true);
    expect(urlShape('https://acme.example/news/2023/story').articlePath).toBe(true);
    expect(urlShape('https://blog.acme.example/why-cheap-seo-fails').articlePath).toBe(true);
    // The section page itself is not under it.
    expect(urlShape('https://acme.example/blog/').articlePath).toBe(false);
    expect(urlShape('https://acme.example/pricing').articlePath).toBe(false);
  });

  it('survives a URL that does not parse', () => {
    expect(urlShape('not a url').root).toBe(false);
    expect(urlShape('about:blank').slugWords).toBe(0);
  });
});
