/**
 * Where the engine's time goes, stage by stage, in ms per feed item: the sync bench's items (CASIE
 * articles read in place from ../shared, title + summary + content as prepareFeedItem joins them) with
 * the fixture catalogues, as `npm run bench -- --only sync` reads them, but in Node and without the
 * database. Each stage runs over the whole corpus in its turn, rounds interleaved so that the load of a
 * shared machine falls on every stage alike; the median round is printed, with the load average. Times
 * are the process's CPU time (process.cpuUsage), which others' load on a shared machine disturbs far less
 * than the wall clock; the wall clock's median is printed beside it.
 *
 *   npx tsx scripts/engine-stages.ts [--rounds 5] [--items 851]
 *   node --cpu-prof --import tsx scripts/engine-stages.ts --only analyze   # a profile of the whole engine
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeText } from '../lib/worker/engine';
import { addOrganizations, extractKnownEntities } from '../lib/worker/extract/entities';
import { findCatalogueEntities } from '../lib/worker/extract/gazetteer';
import { extractIncidents } from '../lib/worker/extract/incidents';
import { findOrganizations } from '../lib/worker/extract/orgs';
import { findPatternEntities } from '../lib/worker/extract/patterns';
import { findPeople } from '../lib/worker/extract/people';
import { findMalwareByShape } from '../lib/worker/extract/malware-names';
import { loadMatcherFor } from '../cli/matcher-cache';
import { benchItems } from '../bench/sync/items';

const SHARED = resolve(import.meta.dirname, '../../shared');
const CATALOGUES = [resolve(SHARED, 'fixtures/misp-galaxy/clusters'), resolve(SHARED, 'fixtures/kev/known_exploited_vulnerabilities.json')];

const { values } = parseArgs({ options: { rounds: { type: 'string' }, items: { type: 'string' }, only: { type: 'string' } } });
const rounds = Number(values.rounds ?? 5);
const { matcher } = await loadMatcherFor(CATALOGUES);
const docs = benchItems(Number(values.items ?? 851)).map((item) => ({
  text: [item.title.trim(), item.summary?.trim().slice(0, 1000) || undefined, item.content?.slice(0, 20_000)].filter(Boolean).join('\n\n'),
  published: item.published,
}));
// What each stage takes as input, computed once.
const known = docs.map((d) => extractKnownEntities(d.text, matcher));
const entities = docs.map((d, i) => addOrganizations(d.text, known[i]));
const orgBase = known.map((k) => k.filter((m) => m.type !== 'location'));

const stages: Record<string, (i: number) => unknown> = {
  analyze: (i) => analyzeText(docs[i].text, matcher, { published: docs[i].published }),
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
const names = values.only ? values.only.split(',') : Object.keys(stages);
const times = new Map<string, number[]>(names.map((n) => [n, []]));
const walls = new Map<string, number[]>(names.map((n) => [n, []]));
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const load0 = loadavg()[0];
for (let r = 0; r < rounds + 1; r++) {
  for (const name of names) {
    const f = stages[name];
    const t0 = performance.now();
    const c0 = cpuMs();
    for (let i = 0; i < docs.length; i++) f(i);
    // Round 0 warms the JIT up and is not counted.
    if (r > 0) times.get(name)!.push((cpuMs() - c0) / docs.length);
    if (r > 0) walls.get(name)!.push((performance.now() - t0) / docs.length);
  }
}
const median = (a: number[]) => a.slice().sort((x, y) => x - y)[a.length >> 1];
const chars = docs.reduce((n, d) => n + d.text.length, 0) / docs.length;
console.log(
  `${docs.length} feed items (${Math.round(chars)} characters each on average), ${matcher.termCount} names; ${rounds} rounds; load ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
);
for (const name of names)
  console.log(`  ${name.padEnd(24)} ${median(times.get(name)!).toFixed(3)} ms an item (CPU; wall ${median(walls.get(name)!).toFixed(3)})`);
