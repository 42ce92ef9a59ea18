/**
 * Indicator eval: the test cases of the `ioc-extractor` package (MIT), converted to data in
 * ../shared/eval/ioc. Prints a table and returns figures for `npm run eval`.
 *
 *   npx tsx scripts/eval/ioc.ts
 *
 * Units scored:
 * - cases (`extractIOC` / `partialExtractIOC`): the values expected per kind against ours. Ours are
 *   the indicators of `findPatternEntities` plus the hosts inside URLs and e-mails
 *   (`expandIndicators`), because ioc-extractor lists those as domains/IPs too while our highlights
 *   can't overlap. Kinds we don't extract (ASNs, BTC/XMR/ETH, GA ids, ssdeep, MACs) are "not our kind".
 * - unit pairs: `extractX` (first value of a kind), `refang`, and validators (`isX`). The converted
 *   validator rows carry shifted names (the `isSHA1` rows hold domains, `isIPv4` rows URLs, `isBTC`
 *   rows GA ids), so a validator row is scored kind-agnostically: is the whole input exactly one
 *   indicator or id of ours? Rows under a kind we don't do stay "not our kind".
 * A value that differs from the expectation only because of one of our listed conventions
 * (DIFFERENCES) is reported as a deliberate difference, not a failure.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EntityMatch } from '../../lib/shared/types';
import { expandIndicators, findPatternEntities, refang } from '../../lib/worker/extract/patterns';
import { canonicalIPv6, isIPv6 } from '../../lib/worker/extract/patterns/hosts';
import { runIocCaseFile } from './ioc-cases';

const IOC_DIR = resolve(import.meta.dirname, '../../../shared/eval/ioc');

/** ioc-extractor kind → our indicator subtype ('cve' = vulnerability ids). */
const KINDS: Record<string, string> = {
  md5s: 'md5',
  sha1s: 'sha1',
  sha256s: 'sha256',
  sha512s: 'sha512',
  domains: 'domain',
  ipv4s: 'ipv4',
  ipv6s: 'ipv6',
  urls: 'url',
  emails: 'email',
  cves: 'cve',
};
/** Single-value extractors → the case kind they extract (tables group by ioc-extractor's kind names). */
const EXTRACT_FNS: Record<string, string> = {
  extractMD5: 'md5s',
  extractSHA1: 'sha1s',
  extractSHA256: 'sha256s',
  extractSHA512: 'sha512s',
  extractDomain: 'domains',
  extractIPv4: 'ipv4s',
  extractIPv6: 'ipv6s',
  extractURL: 'urls',
  extractEmail: 'emails',
  extractCVE: 'cves',
};
const OUR_VALIDATORS = new Set(['isMD5', 'isSHA1', 'isSHA256', 'isSHA512', 'isDomain', 'isIPv4', 'isIPv6', 'isURL', 'isEmail', 'isCVE']);

interface Difference {
  unit: string;
  kind: string;
  /** 'extra': we report it and they don't; 'missing': they expect it and we don't. */
  direction: 'extra' | 'missing';
  value: string;
  reason: string;
}

const ALWAYS_REFANG = 'we always recognise defanged forms (there is no refang:false mode)';
const STRICT = 'we are always strict about TLDs: `.nope` is not on the public suffix list';

/** Our deliberate convention differences, each tied to the unit where it shows. */
const DIFFERENCES: Difference[] = [
  { unit: 'simple input without strict', kind: 'domains', direction: 'missing', value: 'example.nope', reason: STRICT },
  { unit: 'simple input without strict', kind: 'urls', direction: 'missing', value: 'http://example.nope', reason: STRICT },
  { unit: 'simple input without strict', kind: 'emails', direction: 'missing', value: 'test@example.nope', reason: STRICT },
  { unit: 'simple input without refang', kind: 'domains', direction: 'extra', value: 'example.com', reason: ALWAYS_REFANG },
  { unit: 'extractDomain("example[.]com")', kind: 'domains', direction: 'extra', value: 'example.com', reason: ALWAYS_REFANG },
  { unit: 'extractIPv4("1.1.1[.]1")', kind: 'ipv4s', direction: 'extra', value: '1.1.1.1', reason: ALWAYS_REFANG },
  {
    unit: 'complex input',
    kind: 'urls',
    direction: 'extra',
    value: 'http://[fdc4:2581:575b:5a72:0000:0000:0000:0001]:80/path',
    reason: 'a URL whose host is a bracketed IPv6 literal is a URL for us',
  },
];

interface CaseRow {
  case: string;
  fn: string;
  options: string | null;
  input: string;
  expected: Record<string, unknown>;
}
interface PairRow {
  file: string;
  fn: string;
  input: string;
  expected: unknown;
}

type Outcome = 'pass' | 'deliberate' | 'fail' | 'not-ours';

interface Check {
  unit: string;
  kind: string;
  outcome: Outcome;
  detail?: string;
}

function readJsonl<T>(name: string): T[] {
  return readFileSync(resolve(IOC_DIR, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** Our values per subtype ('cve' for vulnerability ids), hosts of URLs and e-mails included. */
function ourValues(matches: EntityMatch[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (k: string, v: string) => {
    const list = out.get(k) ?? [];
    list.push(v);
    out.set(k, list);
  };
  for (const m of matches) if (m.type === 'vulnerability') add('cve', m.name);
  for (const v of expandIndicators(matches)) add(v.subtype, v.value);
  return out;
}

function findDifference(unit: string, kind: string, direction: Difference['direction'], value: string) {
  return DIFFERENCES.find(
    (d) => d.unit === unit && d.kind === kind && d.direction === direction && d.value.toLowerCase() === value.toLowerCase(),
  );
}

/** Compares expected and found value sets; unlisted differences fail, listed ones are deliberate. */
function compareSets(unit: string, kind: string, expected: string[], found: string[]): Check {
  // One address, one value: an IPv6 address is compared in its RFC 5952 spelling, as our keys write it.
  const norm = (v: string) => (kind === 'ipv6s' && isIPv6(v) ? canonicalIPv6(v) : v.toLowerCase());
  const exp = new Set(expected.map(norm));
  const got = new Set(found.map(norm));
  const problems: string[] = [];
  let deliberate = false;
  for (const v of exp) {
    if (got.has(v)) continue;
    if (findDifference(unit, kind, 'missing', v)) deliberate = true;
    else problems.push(`missing ${v}`);
  }
  for (const v of got) {
    if (exp.has(v)) continue;
    if (findDifference(unit, kind, 'extra', v)) deliberate = true;
    else problems.push(`extra ${v}`);
  }
  if (problems.length > 0) return { unit, kind, outcome: 'fail', detail: problems.join('; ') };
  return { unit, kind, outcome: deliberate ? 'deliberate' : 'pass' };
}

/** Two rows share the name "simple input" (extractIOC and partialExtractIOC). */
function caseName(row: CaseRow): string {
  return row.fn === 'extractIOC' ? row.case : `${row.case} (${row.fn})`;
}

/** Expected values we only have as the host of a URL or e-mail (the highlight is the URL/e-mail). */
const fromHosts: { unit: string; kind: string; value: string }[] = [];

function scoreCase(row: CaseRow): Check[] {
  const matches = findPatternEntities(row.input);
  const found = ourValues(matches);
  const direct = new Set(matches.map((m) => m.name.toLowerCase()));
  // partialExtractIOC: options lists the kinds asked for; other kinds are absent from its output.
  const asked = row.fn === 'partialExtractIOC' && row.options ? (JSON.parse(row.options) as string[]) : null;
  const checks: Check[] = [];
  for (const [key, value] of Object.entries(row.expected)) {
    const kind = key.replace(/\.length$/, '');
    const ours = KINDS[kind];
    if (!ours) {
      checks.push({ unit: caseName(row), kind, outcome: 'not-ours' });
      continue;
    }
    if (value === 'undefined' || (asked && !asked.includes(kind))) continue; // kind not extracted: nothing to compare
    const got = found.get(ours) ?? [];
    if (key.endsWith('.length')) {
      // Only `.length: 0` occurs: then every value we report is an extra (listed or not).
      const distinct = [...new Set(got)];
      if (distinct.length === value) checks.push({ unit: caseName(row), kind, outcome: 'pass' });
      else if (value === 0) checks.push(compareSets(caseName(row), kind, [], distinct));
      else {
        checks.push({
          unit: caseName(row),
          kind,
          outcome: 'fail',
          detail: `expected ${String(value)} values, found ${distinct.join(', ')}`,
        });
      }
    } else {
      for (const v of value as string[]) {
        if (!direct.has(v.toLowerCase()) && got.some((g) => g.toLowerCase() === v.toLowerCase())) {
          fromHosts.push({ unit: caseName(row), kind, value: v });
        }
      }
      checks.push(compareSets(caseName(row), kind, value as string[], got));
    }
  }
  return checks;
}

function scorePair(row: PairRow): Check {
  const unit = `${row.fn}(${JSON.stringify(row.input)})`;
  if (row.fn === 'refang') {
    const expected = typeof row.expected === 'string' && row.expected.startsWith('"') ? JSON.parse(row.expected) : row.expected;
    const got = refang(row.input);
    return got === expected
      ? { unit, kind: 'refang', outcome: 'pass' }
      : { unit, kind: 'refang', outcome: 'fail', detail: `got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}` };
  }
  const kind = EXTRACT_FNS[row.fn];
  if (kind) {
    const first = ourValues(findPatternEntities(row.input)).get(KINDS[kind])?.[0] ?? null;
    const expected = row.expected as string | null;
    if (first === expected || (first && expected && first.toLowerCase() === expected.toLowerCase())) {
      return { unit, kind, outcome: 'pass' };
    }
    if (first !== null && expected === null && findDifference(unit, kind, 'extra', first)) {
      return { unit, kind, outcome: 'deliberate' };
    }
    return { unit, kind, outcome: 'fail', detail: `got ${JSON.stringify(first)}, expected ${JSON.stringify(expected)}` };
  }
  if (OUR_VALIDATORS.has(row.fn)) {
    const matches = findPatternEntities(row.input);
    const whole = matches.length === 1 && matches[0].start === 0 && matches[0].end === row.input.length;
    return whole === row.expected
      ? { unit, kind: 'validator', outcome: 'pass' }
      : {
          unit,
          kind: 'validator',
          outcome: 'fail',
          detail: `whole input recognised: ${whole}, expected ${String(row.expected)} (${matches.map((m) => m.key).join(', ')})`,
        };
  }
  return { unit, kind: row.fn, outcome: 'not-ours' };
}

/** A unit's outcome is its worst check: fail > deliberate > pass; only not-ours checks → not-ours. */
function unitOutcome(checks: Check[]): Outcome {
  const scored = checks.filter((c) => c.outcome !== 'not-ours');
  if (scored.length === 0) return 'not-ours';
  if (scored.some((c) => c.outcome === 'fail')) return 'fail';
  if (scored.some((c) => c.outcome === 'deliberate')) return 'deliberate';
  return 'pass';
}

/** Scores, prints the table (unless quiet) and returns the figures for `npm run eval`. */
export async function runIocEval(opts: { quiet?: boolean } = {}): Promise<Record<string, number>> {
  const log = opts.quiet ? () => {} : (line: string) => console.log(line);
  fromHosts.length = 0;
  const cases = readJsonl<CaseRow>('ioc-extractor-cases.jsonl');
  const pairs = readJsonl<PairRow>('ioc-extractor-unit-pairs.jsonl');
  const units: { unit: string; checks: Check[] }[] = [
    ...cases.map((c) => ({ unit: caseName(c), checks: scoreCase(c) })),
    ...pairs.map((p) => {
      const check = scorePair(p);
      return { unit: check.unit, checks: [check] };
    }),
  ];

  const t0 = performance.now();
  for (const c of cases) findPatternEntities(c.input);
  const ms = performance.now() - t0;

  // Per kind: checks by outcome.
  const perKind = new Map<string, Record<Outcome, number>>();
  for (const { checks } of units) {
    for (const c of checks) {
      const row = perKind.get(c.kind) ?? { pass: 0, deliberate: 0, fail: 0, 'not-ours': 0 };
      row[c.outcome]++;
      perKind.set(c.kind, row);
    }
  }
  const outcomes = units.map((u) => ({ unit: u.unit, outcome: unitOutcome(u.checks), checks: u.checks }));
  const count = (o: Outcome) => outcomes.filter((u) => u.outcome === o).length;
  const passed = count('pass');
  const deliberate = count('deliberate');
  const failed = count('fail');
  const notOurs = count('not-ours');
  const total = passed + deliberate + failed;

  log('\n## Indicators (ioc-extractor cases and unit pairs)');
  log(`${'kind'.padEnd(12)} ${'pass'.padStart(5)} ${'differ'.padStart(7)} ${'fail'.padStart(5)} ${'scored'.padStart(7)}  not ours`);
  for (const [kind, r] of [...perKind].sort((a, b) => a[0].localeCompare(b[0]))) {
    const scored = r.pass + r.deliberate + r.fail;
    log(
      `${kind.padEnd(12)} ${String(r.pass).padStart(5)} ${String(r.deliberate).padStart(7)} ${String(r.fail).padStart(5)} ${String(scored).padStart(7)}  ${r['not-ours'] || ''}`,
    );
  }
  log(
    `units: ${passed}/${total} passed exactly, ${deliberate} differ only by a listed convention, ${failed} failed; ${notOurs} not our kind`,
  );
  const rate = total - deliberate > 0 ? passed / (total - deliberate) : 0;
  log(`pass rate apart from deliberate differences: ${passed}/${total - deliberate} = ${rate.toFixed(3)}`);

  log('\nDeliberate convention differences:');
  for (const d of DIFFERENCES) log(`  - [${d.unit}] ${d.kind}: ${d.direction} ${d.value} — ${d.reason}`);
  log('\nConvention (compared via expandIndicators, not counted as a difference): highlights never overlap,');
  log('so a host inside a URL or e-mail is part of that indicator, not a separate match. Expected values seen only so:');
  for (const h of fromHosts) log(`  - [${h.unit}] ${h.kind}: ${h.value}`);
  const failures = outcomes.filter((u) => u.outcome === 'fail');
  if (failures.length > 0) {
    log('\nFailures:');
    for (const u of failures) for (const c of u.checks) if (c.outcome === 'fail') log(`  - [${u.unit}] ${c.kind}: ${c.detail}`);
  }
  log(`(${cases.length} case inputs extracted in ${ms.toFixed(2)} ms)`);
  const own = runIocCaseFile(log);

  return {
    ...own,
    'ioc.cases_total': total,
    'ioc.cases_passed': passed,
    'ioc.cases_deliberate': deliberate,
    'ioc.cases_failed': failed,
    'ioc.not_our_kind': notOurs,
    'ioc.pass_rate': rate,
    'ioc.exact_pass_rate': total > 0 ? passed / total : 0,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runIocEval();
}
