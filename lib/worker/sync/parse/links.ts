/** Links as the sync keeps them: absolute (resolved against xml:base and the feed's address), canonical. */
import { dropTrackingParams } from '../../../shared/tracking';

/** `href` resolved against each base in turn (innermost xml:base first, the feed's URL last); undefined if it cannot be. */
export function resolveUrl(href: string | undefined, ...bases: (string | undefined)[]): string | undefined {
  const h = href?.trim();
  if (!h) return undefined;
  let base: string | undefined;
  for (const b of [...bases].reverse()) {
    if (!b) continue;
    try {
      base = new URL(b.trim(), base).href;
    } catch {
      // an unusable base is skipped
    }
  }
  try {
    return new URL(h, base).href;
  } catch {
    return undefined;
  }
}

/** http(s) only, fragment and tracking parameters dropped. Undefined for anything else (javascript:, data:, mailto:). */
export function canonicalUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.hash = '';
  dropTrackingParams(u);
  return u.href;
}
