/**
 * Where the engine's time goes, stage by stage, in ms per feed item: the sync bench's items (CASIE
 * articles read in place from ../shared, title + summary + content as prepareFeedItem joins them) with
 * the fixture catalogues, as `npm run bench -- --only sync` reads them, but in Node and without the
 * database. Each stage runs over the whole corpus in its turn, rounds interleaved so that the load of a
 * shared machine falls on every stage alike; the median round is printed, with the load average. Times
 * are the process's CPU time (process.cpuUsage), which others' load on a shared machine disturbs less
 * than the wall clock; the wall clock's median is printed beside it.
 *
 * `--against DIR` times another checkout of the project (the code before a change: `git worktree add` or
 * `git archive | tar -x`, with node_modules beside it) beside this one, stage by stage. Each round runs each
 * checkout in a process of its own (`--root DIR --json`, one warm-up pass then one timed pass), the order
 * alternating from round to round: two copies of the engine in one process were not even-handed (the one
 * loaded second ran 2–4× slower, the same code against itself), nor is a fixed order on a busy machine.
 *
 * `--longer N` keeps the items whose content is longer than N characters (what a lede spares a long item).
 * `--summaries` reads each item's title and summary only, as most feeds give them (no content).
 * `--keys` prints instead what share of the whole analysis's entity keys (per item, by type) each lede keeps.
 *
 *   npx tsx scripts/engine-stages.ts [--keys] [--longer N] [--summaries] [--rounds 5] [--items 851] [--only analyze,incidents] [--against DIR | --root DIR --json]
 *   node --cpu-prof --import tsx scripts/engine-stages.ts --only analyze   # a profile of the whole engine
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchItems } from '../bench/sync/items';

const SHARED = resolve(import.meta.dirname, '../../shared');
const CATALOGUES = [resolve(SHARED, 'fixtures/misp-galaxy/clusters'), resolve(SHARED, 'fixtures/kev/known_exploited_vulnerabilities.json')];

const { values } = parseArgs({
  options: {
    keys: { type: 'boolean' },
    longer: { type: 'string' },
    summaries: { type: 'boolean' },
    rounds: { type: 'string' },
    items: { type: 'string' },
    only: { type: 'string' },
    against: { type: 'string' },
    root: { type: 'string' },
    json: { type: 'boolean' },
  },
});
const rounds = Number(values.rounds ?? 5);
const docs = benchItems(Number(values.items ?? 851))
  .map((item) => {
    const content = values.summaries ? undefined : item.content?.slice(0, 20_000);
    const text = [item.title.trim(), item.summary?.trim().slice(0, 1000) || undefined, content].filter(Boolean).join('\n\n');
    // Where the content begins: a feed item's lede of N characters is read to `head + N` (prepareFeedItem).
    return { text, published: item.published, head: text.length - (content?.length ?? 0) };
  })
  .filter((d) => d.text.length - d.head > Number(values.longer ?? -1));
/** The content depths tried for feed items (AnalyzeOptions.depth), beside the whole analysis. */
const LEDES = [800, 1500, 2500];

type Stages = Record<string, (i: number) => unknown>;

/** The stages of the engine in the checkout at `root`, with their inputs computed once by its own code. */
async function stagesOf(root: string): Promise<{ stages: Stages; names: number }> {
  const at = (p: string) => resolve(root, p);
  const { analyzeText } = (await import(at('lib/worker/engine.ts'))) as typeof import('../lib/worker/engine');
  const { addOrganizations, extractKnownEntities } = (await import(
    at('lib/worker/extract/entities.ts')
  )) as typeof import('../lib/worker/extract/entities');
  const { findCatalogueEntities } = (await import(
    at('lib/worker/extract/gazetteer.ts')
  )) as typeof import('../lib/worker/extract/gazetteer');
  const { extractIncidents } = (await import(
    at('lib/worker/extract/incidents/index.ts')
  )) as typeof import('../lib/worker/extract/incidents');
  const { findOrganizations } = (await import(at('lib/worker/extract/orgs.ts'))) as typeof import('../lib/worker/extract/orgs');
  const { findPatternEntities } = (await import(
    at('lib/worker/extract/patterns/index.ts')
  )) as typeof import('../lib/worker/extract/patterns');
  const { findPeople } = (await import(at('lib/worker/extract/people.ts'))) as typeof import('../lib/worker/extract/people');
  const { findMalwareByShape } = (await import(
    at('lib/worker/extract/malware-names.ts')
  )) as typeof import('../lib/worker/extract/malware-names');
  const { loadMatcherFor } = (await import(at('cli/matcher-cache.ts'))) as typeof import('../cli/matcher-cache');
  const { matcher } = await loadMatcherFor(CATALOGUES);
  // What each stage takes as input, computed once.
  const known = docs.map((d) => extractKnownEntities(d.text, matcher));
  const entities = docs.map((d, i) => addOrganizations(d.text, known[i]));
  const orgBase = known.map((k) => k.filter((m) => m.type !== 'location'));
  const stages: Stages = {
    analyze: (i) => analyzeText(docs[i].text, matcher, { published: docs[i].published }),
    ...Object.fromEntries(
      LEDES.map((n) => [
        `analyze.lede${n}`,
        (i: number) => analyzeText(docs[i].text, matcher, { published: docs[i].published, depth: docs[i].head + n }),
      ]),
    ),
    known: (i) => extractKnownEntities(docs[i].text, matcher),
    'known.patterns': (i) => findPatternEntities(docs[i].text),
    'known.names': (i) => findCatalogueEntities(docs[i].text, matcher),
    organizations: (i) => addOrganizations(docs[i].text, known[i]),
    'organizations.people': (i) => findPeople(docs[i].text),
    'organizations.malware-shape': (i) => findMalwareByShape(docs[i].text, known[i]),
    // Each call reads a new text: its own findPeople is a miss, as in the sync's reading.
    'organizations.orgs': (i) => findOrganizations(docs[i].text, orgBase[i]),
    incidents: (i) => extractIncidents(docs[i].text, entities[i], { published: docs[i].published }),
  };
  return { stages, names: matcher.termCount };
}

const HERE = resolve(import.meta.dirname, '..');
const median = (a: number[]) => a.slice().sort((x, y) => x - y)[a.length >> 1];
const chars = docs.reduce((n, d) => n + d.text.length, 0) / docs.length;
const load0 = loadavg()[0];

if (values.against) {
  // Each checkout in processes of its own, alternating: ms an item per stage, CPU and wall, per round.
  const roots = { this: HERE, against: resolve(values.against) };
  const cpu = new Map<string, number[]>();
  const wall = new Map<string, number[]>();
  let names: string[] = [];
  let termCount = 0;
  const passThrough = [
    ...['items', 'longer', 'only'].flatMap((k) => (values[k as 'items'] ? [`--${k}`, values[k as 'items']!] : [])),
    ...(values.summaries ? ['--summaries'] : []),
  ];
  for (let r = 0; r < rounds; r++) {
    for (const which of r % 2 ? (['against', 'this'] as const) : (['this', 'against'] as const)) {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', resolve(HERE, 'scripts/engine-stages.ts'), '--root', roots[which], '--json', '--rounds', '1', ...passThrough],
        { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const res = JSON.parse(out.trim().split('\n').pop()!) as { names: number; stages: Record<string, { cpu: number; wall: number }> };
      names = Object.keys(res.stages);
      if (which === 'this') termCount = res.names;
      for (const [name, t] of Object.entries(res.stages)) {
        cpu.set(`${which} ${name}`, [...(cpu.get(`${which} ${name}`) ?? []), t.cpu]);
        wall.set(`${which} ${name}`, [...(wall.get(`${which} ${name}`) ?? []), t.wall]);
      }
    }
  }
  console.log(
    `${docs.length} feed items (${Math.round(chars)} characters each on average), ${termCount} names; ${rounds} rounds, a process per checkout and round, alternating; load ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
  );
  const fmt = (key: string) => `${median(cpu.get(key)!).toFixed(3)} ms CPU (wall ${median(wall.get(key)!).toFixed(3)})`;
  console.log(`  ${'ms an item'.padEnd(28)} ${'against'.padEnd(32)} this`);
  for (const name of names) console.log(`  ${name.padEnd(28)} ${fmt(`against ${name}`).padEnd(32)} ${fmt(`this ${name}`)}`);
  process.exit(0);
}

const here = await stagesOf(values.root ? resolve(values.root) : HERE);
if (values.keys) {
  type A = { entities: { key: string; type: string }[]; incidents: unknown[] };
  const keysOf = (a: A) => new Map(a.entities.map((e) => [e.key, e.type]));
  const full = docs.map((_, i) => keysOf(here.stages.analyze(i) as A));
  const incidents = docs.reduce((n, _, i) => n + (here.stages.analyze(i) as A).incidents.length, 0);
  console.log(`${docs.length} feed items; share of the whole analysis's keys kept (kept/whole), extra keys, incidents`);
  for (const n of LEDES) {
    const kept = new Map<string, [number, number]>();
    let extra = 0;
    let inc = 0;
    docs.forEach((_, i) => {
      const a = here.stages[`analyze.lede${n}`](i) as A;
      const lede = keysOf(a);
      inc += a.incidents.length;
      for (const [k, t] of full[i]) {
        const c = kept.get(t) ?? [0, 0];
        kept.set(t, [c[0] + (lede.has(k) ? 1 : 0), c[1] + 1]);
      }
      for (const k of lede.keys()) if (!full[i].has(k)) extra++;
    });
    const all = [...kept.values()].reduce((a, b) => [a[0] + b[0], a[1] + b[1]], [0, 0]);
    const by = [...kept].sort((a, b) => b[1][1] - a[1][1]).map(([t, [k, w]]) => `${t} ${((100 * k) / w).toFixed(1)}%`);
    console.log(
      `  lede ${n}: all ${((100 * all[0]) / all[1]).toFixed(1)}% (${all[0]}/${all[1]}); ${by.join(', ')}; extra ${extra}; incidents ${inc} vs ${incidents}`,
    );
  }
  process.exit(0);
}
const names = values.only ? values.only.split(',') : Object.keys(here.stages);
const cpu = new Map<string, number[]>();
const wall = new Map<string, number[]>();
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let r = 0; r < rounds + 1; r++) {
  for (const name of names) {
    const f = here.stages[name];
    const t0 = performance.now();
    const c0 = cpuMs();
    for (let i = 0; i < docs.length; i++) f(i);
    // Round 0 warms the JIT up and is not counted.
    if (r === 0) continue;
    cpu.set(name, [...(cpu.get(name) ?? []), (cpuMs() - c0) / docs.length]);
    wall.set(name, [...(wall.get(name) ?? []), (performance.now() - t0) / docs.length]);
  }
}
if (values.json) {
  const stages = Object.fromEntries(names.map((n) => [n, { cpu: median(cpu.get(n)!), wall: median(wall.get(n)!) }]));
  console.log(JSON.stringify({ names: here.names, stages }));
  process.exit(0);
}
console.log(
  `${docs.length} feed items (${Math.round(chars)} characters each on average), ${here.names} names; ${rounds} rounds; load ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
);
for (const name of names)
  console.log(`  ${name.padEnd(28)} ${median(cpu.get(name)!).toFixed(3)} ms CPU (wall ${median(wall.get(name)!).toFixed(3)})`);
