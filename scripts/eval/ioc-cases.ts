/**
 * Indicator cases of the project's own (tests/fixtures/ioc-cases/cases.jsonl): one text a row, written
 * from the defanged forms and code boundaries named in issue 8 and the forms peers document (iocextract's
 * defang tables, ioc-finder, ioc-extractor, cacador), negatives included. A row passes when the set of
 * values we give — `findPatternEntities`, expanded by `expandIndicators` (hosts of URLs and e-mails,
 * URLs inside query strings), plus CVE ids — is exactly the row's `expect`.
 *
 * Held out: rows whose id is a multiple of 3 were set aside when the cases were written and not read
 * while the rules were tuned; both halves are printed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expandIndicators, findPatternEntities } from '../../lib/worker/extract/patterns';

const FILE = resolve(import.meta.dirname, '../../tests/fixtures/ioc-cases/cases.jsonl');

export interface IocCase {
  id: number;
  form: string;
  text: string;
  /** `kind:value`, refanged; kind an indicator subtype or `cve`. */
  expect: string[];
}

export function readIocCases(): IocCase[] {
  return readFileSync(FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as IocCase);
}

/** What we find in a text, as `kind:value` strings (lower case). */
function ourIocValues(text: string): Set<string> {
  const matches = findPatternEntities(text);
  const out = new Set<string>();
  for (const m of matches) if (m.type === 'vulnerability') out.add(`cve:${m.name.toLowerCase()}`);
  for (const v of expandIndicators(matches)) out.add(`${v.subtype}:${v.value.toLowerCase()}`);
  return out;
}

export function checkIocCase(c: IocCase): { ok: boolean; missing: string[]; extra: string[] } {
  const got = ourIocValues(c.text);
  const want = new Set(c.expect.map((e) => e.toLowerCase()));
  const missing = [...want].filter((v) => !got.has(v));
  const extra = [...got].filter((v) => !want.has(v));
  return { ok: missing.length === 0 && extra.length === 0, missing, extra };
}

function isHeldOutCase(c: IocCase): boolean {
  return c.id % 3 === 0;
}

export function runIocCaseFile(log: (line: string) => void): Record<string, number> {
  const cases = readIocCases();
  const results = cases.map((c) => ({ c, ...checkIocCase(c) }));
  const rate = (xs: typeof results) => (xs.length === 0 ? 0 : xs.filter((r) => r.ok).length / xs.length);
  const tune = results.filter((r) => !isHeldOutCase(r.c));
  const held = results.filter((r) => isHeldOutCase(r.c));
  log("\n## Indicators: the project's own case file (tests/fixtures/ioc-cases)");
  log(
    `tuning ${tune.filter((r) => r.ok).length}/${tune.length} = ${rate(tune).toFixed(3)}; held-out ${held.filter((r) => r.ok).length}/${held.length} = ${rate(held).toFixed(3)}; all ${rate(results).toFixed(3)}`,
  );
  for (const r of tune) {
    if (!r.ok)
      log(`  - #${r.c.id} ${r.c.form}: ${[...r.missing.map((m) => `missing ${m}`), ...r.extra.map((e) => `extra ${e}`)].join('; ')}`);
  }
  const heldFailed = held.filter((r) => !r.ok).length;
  if (heldFailed > 0) log(`  (${heldFailed} held-out case(s) failed; not listed)`);
  return {
    'ioc.own_pass_rate': rate(results),
    'ioc.own_tune_pass_rate': rate(tune),
    'ioc.own_heldout_pass_rate': rate(held),
    'ioc.own_cases': results.length,
  };
}
