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
  for (const m of ['index', 'roles', 'triggers', 'victim-words']) expect(loaded.has(`lib/worker/extract/incidents/${m}.ts`), m).toBe(false);
});

test('nor the second stage’s sentence reading: the first stage is extract/known.ts, the organisations and people load with the rest', () => {
  const loaded = staticallyLoaded('entrypoints/background/index.ts');
  for (const m of ['known', 'patterns/index', 'gazetteer', 'actor-ids', 'detection-names'])
    expect(loaded.has(`lib/worker/extract/${m}.ts`), m).toBe(true);
  for (const m of ['entities', 'orgs', 'people', 'malware-names', 'actor-names', 'abbreviations', 'described-orgs'])
    expect(loaded.has(`lib/worker/extract/${m}.ts`), m).toBe(false);
  expect(loaded.has('lib/worker/knowledge/places-index.ts')).toBe(false);
});

test('a worker woken for a page does not evaluate the seed’s data: its stored matcher’s stamp was worked out at build time', () => {
  const loaded = staticallyLoaded('entrypoints/background/index.ts');
  expect(loaded.has('lib/worker/knowledge/seed/stamp.ts')).toBe(true);
  const data = ['data', 'index', 'actors', 'malware', 'vendors', 'products', 'organizations', 'attacks', 'places', 'vulnerabilities'];
  for (const m of data) expect(loaded.has(`lib/worker/knowledge/seed/${m}.ts`), m).toBe(false);
  // Before: the matcher's stamp check counted the rows (seed/data.ts), the status and the search listed them
  // (seed/index.ts), and the organisation finder's place names (seed/places.ts) came with the first stage.
  expect([...loaded].filter((f) => f.startsWith('lib/worker/knowledge/seed/'))).toEqual(['lib/worker/knowledge/seed/stamp.ts']);
});
