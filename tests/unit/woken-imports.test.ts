import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** The project's modules that loading `entry` evaluates: its static imports and re-exports, followed (not `import type`, not `import()`). */
function staticallyLoaded(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [resolve(ROOT, entry)];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^;'"]*?\sfrom\s+)?'([^']+)'/gm)) {
      const spec = m[1];
      if (!spec.startsWith('.') && !spec.startsWith('@/')) continue; // a package
      const base = spec.startsWith('@/') ? resolve(ROOT, spec.slice(2)) : resolve(dirname(file), spec);
      const found = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find(existsSync);
      if (found) todo.push(found);
    }
  }
  return new Set([...seen].map((f) => f.slice(ROOT.length + 1)));
}

test('a worker woken for a page’s first stage does not evaluate the incidents’ modules: they load with the second stage', () => {
  const loaded = staticallyLoaded('entrypoints/background/index.ts');
  expect(loaded.has('lib/worker/analysis/service.ts')).toBe(true);
  expect(loaded.has('lib/worker/extract/orgs.ts')).toBe(true);
  expect(loaded.has('lib/worker/extract/incidents/victim-words.ts')).toBe(true);
  for (const m of ['index', 'roles', 'triggers']) expect(loaded.has(`lib/worker/extract/incidents/${m}.ts`), m).toBe(false);
});

test('a worker woken for a page does not evaluate the seed’s data: its stored matcher’s stamp was worked out at build time', () => {
  const loaded = staticallyLoaded('entrypoints/background/index.ts');
  expect(loaded.has('lib/worker/knowledge/seed/stamp.ts')).toBe(true);
  // places.ts: the organisation finder's place names (second stage), built at their first use.
  const data = ['data', 'index', 'actors', 'malware', 'vendors', 'products', 'organizations', 'attacks', 'vulnerabilities'];
  for (const m of data) expect(loaded.has(`lib/worker/knowledge/seed/${m}.ts`), m).toBe(false);
  // Before: the matcher's stamp check counted the rows (seed/data.ts), the status and the search listed them (seed/index.ts).
  expect([...loaded].filter((f) => f.startsWith('lib/worker/knowledge/seed/')).sort()).toEqual([
    'lib/worker/knowledge/seed/places.ts',
    'lib/worker/knowledge/seed/stamp.ts',
  ]);
});
