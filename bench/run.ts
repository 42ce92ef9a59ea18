/**
 * `npm run bench [-- --only NAME]`: runs the benchmark groups, prints a table and merges the figures
 * into bench-results.json at the project root (a flat object of figure ids to numbers; figures of groups
 * not run this time are kept). Each figure is a median of several runs after a warm-up, and a figure
 * compared with an alternative is measured in the same run as that alternative.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractGroup } from './groups/extract';
import { pageGroup } from './page';
import { syncFetchGroup } from './sync-fetch';
import { syncGroup } from './groups/sync';
import { searchGroup } from './groups/search';
import { wokenGroup } from './woken';

export interface BenchGroup {
  name: string;
  run(log: (line: string) => void): Promise<Record<string, number>>;
}

/** Every group, in the order they run. */
const GROUPS: BenchGroup[] = [extractGroup, pageGroup, syncFetchGroup, syncGroup, searchGroup, wokenGroup];

const RESULTS = resolve(import.meta.dirname, '../bench-results.json');

function format(id: string, v: number): string {
  if (id.endsWith('_ms')) return `${v < 10 ? v.toFixed(3) : v.toFixed(1)} ms`;
  if (id.endsWith('_bytes')) return `${(v / 1048576).toFixed(2)} MiB (${v})`;
  if (id.includes('.ratio_')) return `${v.toFixed(1)}×`;
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string', multiple: true } } });
  const only = values.only;
  const groups = only ? GROUPS.filter((g) => only.includes(g.name)) : GROUPS;
  if (only && groups.length !== only.length) {
    throw new Error(`unknown group in --only ${only.join(',')}; groups: ${GROUPS.map((g) => g.name).join(', ')}`);
  }
  const figures: Record<string, number> = {};
  for (const g of groups) {
    console.log(`\n## ${g.name}`);
    const result = await g.run((line) => console.log(`  ${line}`));
    const width = Math.max(...Object.keys(result).map((k) => k.length));
    for (const [id, v] of Object.entries(result)) console.log(`  ${id.padEnd(width)}  ${format(id, v)}`);
    Object.assign(figures, result);
  }
  let previous: Record<string, number> = {};
  if (existsSync(RESULTS)) {
    try {
      previous = JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, number>;
    } catch {
      previous = {}; // an unreadable file is replaced
    }
  }
  const merged = Object.fromEntries(Object.entries({ ...previous, ...figures }).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(RESULTS, JSON.stringify(merged, null, 2) + '\n');
  console.log(`\nwrote ${Object.keys(figures).length} figures to bench-results.json`);
}

await main();
