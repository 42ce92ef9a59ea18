/**
 * The URL an article is saved under: the page URL without its fragment and without the tracking parameters
 * that newsletters and social sites add (utm_*, fbclid, gclid ...), so that the same article reached from a
 * feed, a newsletter and a share is one saved article.
 */
import { pageUrl } from '../sites';

const TRACKING =
  /^(utm_[a-z_]+|mc_(cid|eid)|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|_hsenc|_hsmi|mkt_tok|ref_src|ref_url|cmpid|ncid|sr_share)$/i;

export function articleUrl(url: string): string {
  const u = new URL(pageUrl(url));
  const drop = [...u.searchParams.keys()].filter((k) => TRACKING.test(k));
  if (!drop.length) return u.href;
  for (const k of drop) u.searchParams.delete(k);
  return u.href;
}
