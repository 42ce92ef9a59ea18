/**
 * Query parameters that only track the reader (newsletters, social sites, ad networks, mail tools): an
 * article reached from a feed, a newsletter and a share is one article once they are dropped. One list for
 * the sync's links (lib/worker/sync/parse/links.ts) and the collection's keys (./collection/article-url.ts),
 * so that a saved article, a feed item and the page being read meet at one address.
 */
const TRACKING =
  /^(utm_\w+|mc_(cid|eid)|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|_hsenc|_hsmi|mkt_tok|ref_src|ref_url|cmpid|icid|ncid|taid|sr_share)$/i;

/** Drop the tracking parameters of `u` in place; says whether any was there. */
export function dropTrackingParams(u: URL): boolean {
  const drop = [...u.searchParams.keys()].filter((k) => TRACKING.test(k));
  for (const k of drop) u.searchParams.delete(k);
  return drop.length > 0;
}
