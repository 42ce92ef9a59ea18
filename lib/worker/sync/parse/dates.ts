/**
 * Feed dates to ISO 8601. RSS uses RFC 822 dates, often with two-digit years ("Thu, 02 Jul 26 12:00:00
 * +0000") and zone names; Atom, RDF and JSON Feed use RFC 3339. Engines disagree on non-ISO strings, so
 * RFC 822 is read here, not by Date.parse.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
  CET: 1,
  CEST: 2,
  BST: 1,
  IST: 5.5,
  JST: 9,
};
const RFC822 =
  /^(?:[a-z]{3,9},?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})[\s-]+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{2}:?\d{2}|[a-z]{1,5})?/i;
const ISO = /^\d{4}-\d{2}-\d{2}/;

/** ISO 8601 (UTC) for a feed date, or undefined when it cannot be read. Years 00–49 are 20xx, 50–99 19xx. */
export function parseFeedDate(raw: string | undefined): string | undefined {
  const s = raw?.trim();
  if (!s) return undefined;
  if (ISO.test(s)) {
    const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
    return Number.isNaN(t) ? undefined : new Date(t).toISOString();
  }
  const m = RFC822.exec(s);
  if (!m) return undefined;
  const [, d, mon, y, hh = '0', mm = '0', ss = '0', zone] = m;
  const month = MONTHS.indexOf(mon.slice(0, 3).toLowerCase());
  if (month < 0) return undefined;
  let year = Number(y);
  if (y.length === 2) year += year < 50 ? 2000 : 1900;
  let offsetMin = 0;
  if (zone) {
    if (/^[+-]/.test(zone)) {
      const digits = zone.replace(':', '');
      offsetMin = (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
    } else {
      offsetMin = (ZONES[zone.toUpperCase()] ?? 0) * 60;
    }
  }
  const t = Date.UTC(year, month, Number(d), Number(hh), Number(mm), Number(ss)) - offsetMin * 60_000;
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
