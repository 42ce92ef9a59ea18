/**
 * `npm run eval`: scores the engine on ../shared/eval (see its README) and prints the tables.
 * NER is scored twice: with the bundled seed alone (a fresh, offline install) and with the fixture
 * catalogues (what a synced extension knows). The floors of issue 3 are checked on the second.
 *
 *   npm run eval [-- --only article|ioc|secnews-pages|ner|incidents|secnews|casie|clusters|related] [--limit N]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runArticleEval } from './article';
import { runIocEval } from './ioc';
import { runIncidentEval } from './incidents';
import { runSecnewsEval } from './secnews';
import { runCasieEval } from './casie';
import { runNerEval } from './ner';
import { runSecnewsPagesEval } from './secnews-pages';
import { clusterFigures } from './clusters';
import { runRelatedEval } from './related';

const SHARED = resolve(import.meta.dirname, '../../../shared');
export const FIXTURE_CATALOGUES = [
  resolve(SHARED, 'fixtures/misp-galaxy/clusters'),
  resolve(SHARED, 'fixtures/kev/known_exploited_vulnerabilities.json'),
];

/** [figure id, comparison, threshold] */
const FLOORS: [string, '>=', number][] = [
  ['article.accuracy', '>=', 0.85],
  ['article.text_f1', '>=', 0.92],
  ['article.title_exact', '>=', 0.75],
  ['ioc.pass_rate', '>=', 0.95],
  ['ioc.own_heldout_pass_rate', '>=', 0.95],
  ['article.title_exact_heldout', '>=', 0.85],
  ['secnews.heldout.title_exact', '>=', 0.85],
  ['ner.actor.lenient_p', '>=', 0.85],
  ['ner.malware.lenient_p', '>=', 0.85],
  ['ner.location.lenient_p', '>=', 0.85],
  ['ner.vulnerability.lenient_p', '>=', 0.85],
  ['ner.indicator.lenient_p', '>=', 0.85],
  ['ner.actor.lenient_r', '>=', 0.7],
  ['ner.malware.lenient_r', '>=', 0.6],
  ['ner.location.lenient_r', '>=', 0.6],
  ['ner.organization.lenient_r', '>=', 0.4],
  // The held-out set labels five types (breach, ransomware, phishing, disclosure, patch); its floor
  // is on those. The all-types figure is printed beside it.
  ['incidents.heldout.type_f1_five', '>=', 0.8],
  ['incidents.heldout.victim_rate', '>=', 0.5],
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, limit: { type: 'string' } },
  });
  const only = values.only;
  const limit = values.limit ? Number(values.limit) : undefined;
  const figures: Record<string, number> = {};
  const run = (name: string) => only === undefined || only === name;

  if (run('article')) Object.assign(figures, await runArticleEval({ limit }));
  if (run('ioc')) Object.assign(figures, await runIocEval());
  if (run('secnews-pages')) Object.assign(figures, await runSecnewsPagesEval());
  if (run('incidents')) Object.assign(figures, await runIncidentEval());
  if (run('incidents') || run('secnews')) Object.assign(figures, await runSecnewsEval());
  if (run('incidents') || run('casie')) Object.assign(figures, await runCasieEval());
  if (run('clusters')) {
    console.log('\n## Clustering feed items into events (pairwise, our labels; TF-IDF single-link baseline beside)');
    const { loadMatcherFor } = await import('../../cli/matcher-cache');
    Object.assign(figures, await clusterFigures((await loadMatcherFor(FIXTURE_CATALOGUES)).matcher));
  }
  if (run('related')) {
    console.log("\n## Related incidents (CASIE's labelled items ingested as feed items; the tuning halves' items as pages)");
    Object.assign(figures, await runRelatedEval());
  }
  if (run('ner')) {
    console.log('\n## Entities, bundled seed only (fresh offline install)');
    const seed = await runNerEval({ catalogue: [], heldout: true });
    for (const [k, v] of Object.entries(seed)) figures[k.replace(/^ner\./, 'ner_seed.')] = v;
    console.log('\n## Entities, seed + fixture catalogues (MISP galaxy clusters, KEV): what a synced extension knows');
    Object.assign(figures, await runNerEval({ catalogue: FIXTURE_CATALOGUES, heldout: true }));
  }

  console.log('\n## Floors');
  let failed = 0;
  for (const [id, , min] of FLOORS) {
    if (!(id in figures)) continue;
    const ok = figures[id] >= min;
    if (!ok) failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'}  ${id.padEnd(34)} ${figures[id].toFixed(3)}  (floor ${min})`);
  }
  if (failed > 0) process.exitCode = 1;
}

await main();
