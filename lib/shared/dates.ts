/**
 * Dates and periods in news prose, resolved against the article's publication date:
 * "on 12 September 2023", "Sept. 12", "in September" (before an October article: the same year),
 * "last week", "on Monday", "earlier this year", "2023-09-12", "in 2022", "late December 2018".
 * The result is ISO at the precision the text gives: yyyy-mm-dd, yyyy-mm or yyyy.
 */
export interface DateMention {
  start: number;
  end: number;
  /** The words that said when ("in September"). */
  text: string;
  /** ISO date or period; undefined when the text needs an article date that is not known. */
  iso?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(?:[0-3]?\\d)(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)\\d\\d';
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const QUAL = '(?:(?:early|mid|late|earlier|later|the end of|the beginning of|the start of)[- ]\\s*)?';

// One alternation, each branch anchored on a distinct first word, so a match attempt is linear. It is
// tried (sticky) only near a key word — a month, a weekday, "week", a year — that a cheap scan finds:
// trying it at every position of a long article costs ten times more.
const DATE_RE = new RegExp(
  [
    `(?<iso>\\b${YEAR}-[01]\\d-[0-3]\\d\\b)`,
    `(?<mdy>\\b${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?\\b)`,
    `(?<dmy>\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?\\b)`,
    `(?<my>\\b(?:in|since|during|by|until|from|between|of|at)\\s+${QUAL}${MONTH}(?:,?\\s+${YEAR}\\b|(?!\\s*[0-3]?\\d\\b)\\b))`,
    `(?<y>\\b(?:in|since|during|until|from|of)\\s+${QUAL}${YEAR}\\b)`,
    `(?<rel>\\b(?:yesterday|today|this (?:week|month|year)|last (?:week|month|year|weekend)|earlier (?:this|in the) (?:week|month|year)|(?:earlier|later) this (?:week|month|year)|past (?:week|weekend))\\b)`,
    `(?<wd>\\b(?:on|last|this|since|late|early)\\s+${WEEKDAY}\\b)`,
  ].join('|'),
  'iy',
);
const KEY =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|week|weekend|month|year|(?:19|20)\d\d)\b/gi;

export function findDates(text: string, from = 0, to = text.length, published?: string): DateMention[] {
  const pub = parseIso(published);
  const out: DateMention[] = [];
  let doneTo = from;
  KEY.lastIndex = from;
  for (let k = KEY.exec(text); k !== null && k.index < to; k = KEY.exec(text)) {
    if (k.index < doneTo) continue;
    if (k[0] === 'may' || k[0] === 'mar' || k[0] === 'march') continue; // the verbs, not the months
    // Where a date holding this key word may start: the word itself or up to four words before it
    // ("in early September", "the end of 2022", "earlier this year", "12 September").
    const starts = wordStartsBefore(text, k.index, Math.max(doneTo, from), 4);
    for (const st of starts) {
      DATE_RE.lastIndex = st;
      const m = DATE_RE.exec(text);
      if (m === null || m.index + m[0].length <= k.index || m.index + m[0].length > to) continue;
      const iso = resolve(m.groups ?? {}, m[0], pub);
      if (iso === null) continue; // not a date after all ("may")
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], iso });
      doneTo = m.index + m[0].length;
      KEY.lastIndex = doneTo;
      break;
    }
  }
  return out;
}

/** Words a date may begin with before its key word ("in early September", "last week", "on Monday"). */
const LEADS = new Set([
  'in',
  'since',
  'during',
  'by',
  'until',
  'from',
  'between',
  'of',
  'at',
  'on',
  'last',
  'this',
  'late',
  'early',
  'earlier',
  'later',
  'past',
  'mid',
]);

/**
 * Offsets where a date holding the key word at `at` may begin: the key itself, and up to `n` words
 * before it that are a leading word or a day number; earliest first, not before `floor`.
 */
function wordStartsBefore(text: string, at: number, floor: number, n: number): number[] {
  const out = [at];
  let p = at;
  for (let i = 0; i < n; i++) {
    let q = p - 1;
    while (q >= floor && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 44)) q--;
    if (q < floor || q === p - 1) break;
    const wordEnd = q + 1;
    while (q >= floor && isWordChar(text.charCodeAt(q))) q--;
    if (q + 1 === wordEnd) break;
    p = q + 1;
    const word = text.slice(p, wordEnd).toLowerCase();
    if (LEADS.has(word) || /^[0-3]?\d(?:st|nd|rd|th)?$/.test(word)) out.unshift(p);
  }
  return out;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseIso(s: string | undefined): Ymd | undefined {
  const m = s ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(s) : null;
  if (!m) return undefined;
  return { y: +m[1], m: +m[2], d: m[3] ? +m[3] : 1 };
}

const pad = (n: number) => String(n).padStart(2, '0');
const ym = (y: number, m: number) => `${y}-${pad(m)}`;
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function monthOf(raw: string): number | undefined {
  const words = raw.toLowerCase().match(/[a-z]+/g) ?? [];
  for (const w of words) if (w in MONTHS) return MONTHS[w];
  return undefined;
}
const yearOf = (raw: string) => {
  const m = /\b((?:19|20)\d\d)\b/.exec(raw);
  return m ? +m[1] : undefined;
};
const dayOf = (raw: string) => {
  const m = /\b([0-3]?\d)(?:st|nd|rd|th)?\b(?!\d)/.exec(raw.replace(/\b(?:19|20)\d\d\b/, ''));
  return m ? +m[1] : undefined;
};

/** The year of a month named without one: the latest such month not after the article's date. */
function yearForMonth(month: number, pub: Ymd | undefined): number | undefined {
  if (!pub) return undefined;
  return month <= pub.m ? pub.y : pub.y - 1;
}

function resolve(g: Record<string, string | undefined>, raw: string, pub: Ymd | undefined): string | undefined | null {
  if (g.iso) return raw;
  if (g.mdy || g.dmy || g.my) {
    // "may" alone is a verb: a bare "May" counts only with a day or year, or capitalised after "in".
    if (/^(?:in|since|during|by|until|from|between|of)?\s*may$/i.test(raw.trim()) && !/May/.test(raw)) return null;
    if (/\bmar\b|\bmay\b/.test(raw) && !/May|Mar/.test(raw)) return null;
    const month = monthOf(raw);
    if (month === undefined) return null;
    const day = g.my ? undefined : dayOf(raw);
    if (day !== undefined && (day < 1 || day > 31)) return null;
    const year = yearOf(raw) ?? yearForMonth(month, pub);
    if (year === undefined) return undefined;
    return day !== undefined ? `${ym(year, month)}-${pad(day)}` : ym(year, month);
  }
  if (g.y) return String(yearOf(raw));
  if (!pub) return undefined;
  const base = new Date(Date.UTC(pub.y, pub.m - 1, pub.d));
  const shift = (days: number) => new Date(base.getTime() + days * 86_400_000);
  if (g.rel) {
    const r = raw.toLowerCase();
    if (r === 'yesterday') return ymd(shift(-1));
    if (r === 'today') return ymd(base);
    if (/week/.test(r)) {
      const d = r.startsWith('last') || r.startsWith('past') ? shift(-7) : base;
      return ym(d.getUTCFullYear(), d.getUTCMonth() + 1);
    }
    if (/month/.test(r)) {
      if (r.startsWith('last')) return pub.m === 1 ? ym(pub.y - 1, 12) : ym(pub.y, pub.m - 1);
      return ym(pub.y, pub.m);
    }
    if (/year/.test(r)) return String(r.startsWith('last') ? pub.y - 1 : pub.y);
    return undefined;
  }
  if (g.wd) {
    const wd = WEEKDAYS.indexOf(raw.toLowerCase().split(/\s+/).pop() ?? '');
    // The latest such weekday on or before the article's date ("last Friday" on a Friday: a week back).
    let back = (base.getUTCDay() - wd + 7) % 7;
    if (back === 0 && /^last/i.test(raw)) back = 7;
    return ymd(shift(-back));
  }
  return undefined;
}
