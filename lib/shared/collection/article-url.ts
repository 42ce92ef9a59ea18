/**
 * The URL an article is saved under: the page URL without its fragment and without the tracking parameters
 * that newsletters and social sites add (utm_*, fbclid, gclid ...), so that the same article reached from a
 * feed, a newsletter and a share is one saved article.
 */
import { pageUrl } from '../sites';
import { dropTrackingParams } from '../tracking';

export function articleUrl(url: string): string {
  const u = new URL(pageUrl(url));
  dropTrackingParams(u);
  return u.href;
}
