/**
 * Reads the page's JSON-LD blocks robustly: several blocks, arrays, `@graph`, nested `mainEntity`,
 * `@type` given as a string or an array, and broken JSON (a page is hostile input: a parse error in one
 * block must not hide the others).
 */

export interface LdNode {
  types: string[];
  raw: Record<string, unknown>;
}

/** Every object with an `@type` found in the page's JSON-LD, outermost first. */
export function readJsonLd(doc: Document): LdNode[] {
  const out: LdNode[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const source = script.textContent ?? '';
    if (source.length > 500_000) continue;
    const value = parseLoose(source);
    if (value !== undefined) collect(value, out, 0);
  }
  return out;
}

function parseLoose(source: string): unknown {
  const trimmed = source
    .trim()
    .replace(/^<!--/, '')
    .replace(/-->$/, '')
    .replace(/^\/\/<!\[CDATA\[|\/\/\]\]>$/g, '');
  try {
    return JSON.parse(trimmed);
  } catch {
    // The commonest breakage is raw control characters (newlines, tabs) inside strings.
    try {
      return JSON.parse(trimmed.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

const NESTED_KEYS = ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'hasPart'];

function collect(value: unknown, out: LdNode[], depth: number): void {
  if (depth > 6 || out.length > 200 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1);
    return;
  }
  const obj = value as Record<string, unknown>;
  const type = obj['@type'];
  const types = (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
  if (types.length > 0) out.push({ types: types.map((t) => t.replace(/^.*[/:#]/, '')), raw: obj });
  for (const key of NESTED_KEYS) if (key in obj) collect(obj[key], out, depth + 1);
}

/** A string from a JSON-LD value that may be a string, an object with `name`, or an array of those. */
export function ldText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const parts = value.map(ldText).filter((s): s is string => s !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (value !== null && typeof value === 'object') return ldText((value as Record<string, unknown>).name);
  return undefined;
}
