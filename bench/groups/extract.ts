/**
 * Group `extract`: the compiled matcher and the whole entity extraction on one ~10,000-word article with
 * the full catalogue (seed + every MISP galaxy cluster + KEV), side by side with the obvious
 * alternatives measured in the same run: one alternation RegExp over all names, and one RegExp per name
 * as mark.js does it.
 */
import { compileMatcher, loadMatcher, serializeMatcher, type CompiledMatcher } from '../../lib/worker/extract/matcher';
import { extractEntities } from '../../lib/worker/extract/entities';
import { analyzeText } from '../../lib/worker/engine';
import { findCatalogueEntities } from '../../lib/worker/extract/gazetteer';
import { findPatternEntities } from '../../lib/worker/extract/patterns';
import { KEV, MISP_CLUSTERS, loadCatalogue } from '../lib/catalogue';
import { buildArticle, countWords } from '../lib/article';
import { median, timeInterleaved, timeMedian, timeOnce } from '../lib/stats';
import type { BenchGroup } from '../run';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Whole words the way such code is usually written (\w is ASCII; the 'u' flag with \p{L} look-arounds
// made the alternation 100× slower still, which would flatter the matcher).
const boundary = (body: string) => `(?<!\\w)(?:${body})(?!\\w)`;

/** Every name the matcher holds (the alternatives must look for the same strings). */
function namesOf(matcher: CompiledMatcher): string[] {
  const names = new Set<string>();
  for (let t = 0; t < matcher.termCount; t++) names.add(matcher.alias(t));
  return [...names];
}

function countAll(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

export const extractGroup: BenchGroup = {
  name: 'extract',
  async run(log) {
    const { entries, via } = await loadCatalogue([MISP_CLUSTERS, KEV]);
    const article = buildArticle(10_000);
    log(`catalogue: ${entries.length} entries (${via}); article: ${countWords(article)} words, ${article.length} chars`);

    const builds: number[] = [];
    let matcher!: CompiledMatcher;
    for (let i = 0; i < 3; i++) builds.push(timeOnce(() => (matcher = compileMatcher(entries))));
    const buffer = serializeMatcher(matcher);
    const loadMs = timeMedian(() => loadMatcher(buffer), 30, 5);
    const loaded = loadMatcher(buffer);

    // The very first extraction in this process, before the JIT has optimised anything: closer to what a
    // page pays for its one article than the warm median below.
    const coldMs = timeOnce(() => extractEntities(article, loaded, { organizations: false }));
    // Measured in interleaved rounds so that load on a shared machine falls on every figure alike, after
    // enough warm-up rounds for V8 to reach its optimising tier (a few rounds leave it half-way).
    const t = timeInterleaved(
      {
        // The figure: patterns and catalogue names together, what a page pays per article.
        extract: () => extractEntities(article, loaded, { organizations: false }),
        // The same plus the organisation finder (names the catalogue does not know), for the full picture.
        full: () => extractEntities(article, loaded),
        // Everything the worker does per article: all entities plus the incidents (lib/worker/engine.ts).
        analyze: () => analyzeText(article, loaded, { published: '2024-06-01' }),
        patterns: () => findPatternEntities(article),
        names: () => findCatalogueEntities(article, loaded),
        scan: () => loaded.scan(article),
        // The same hits by the full Aho–Corasick pass (failure links), kept to compare with the walk.
        automaton: () => loaded.scanAllAutomaton(article),
      },
      25,
      40,
    );
    const walkHits = loaded.scanAll(article).length;
    const automatonHits = loaded.scanAllAutomaton(article).length;
    if (walkHits !== automatonHits) throw new Error(`scanAll found ${walkHits} hits, the automaton ${automatonHits}`);
    const extractMs = t.extract;
    const fullMs = t.full;
    const patternsMs = t.patterns;
    const namesMs = t.names;
    const scanMs = t.scan;
    const found = extractEntities(article, loaded).length;

    // (a) One alternation RegExp, longest names first so that the longest wins at each start.
    const names = namesOf(loaded).sort((a, b) => b.length - a.length);
    const source = boundary(names.map(escapeRe).join('|'));
    let alternation!: RegExp;
    const compileMs = timeOnce(() => {
      alternation = new RegExp(source, 'gi');
      countAll(alternation, 'warm the compiled form up: APT28 and Emotet.'); // V8 compiles on first exec
    });
    const alternationMs = timeMedian(() => countAll(alternation, article), 15, 5);
    const alternationHits = countAll(alternation, article);

    // (b) One RegExp per name, built and run over the text name by name, as mark.js does.
    const perTerm = () => {
      let n = 0;
      for (const name of names) n += countAll(new RegExp(boundary(escapeRe(name)), 'gi'), article);
      return n;
    };
    const perTermRuns = [timeOnce(perTerm)];
    const perTermMs = median(perTermRuns);

    log(`hits: matcher scan ${loaded.scan(article).length}, alternation ${alternationHits}; entities found ${found}`);
    return {
      'extract.catalogue_names': loaded.termCount,
      'extract.catalogue_entities': loaded.entityCount,
      'extract.article_words': countWords(article),
      'extract.matcher_build_ms': median(builds),
      'extract.matcher_load_ms': loadMs,
      'extract.matcher_bytes': loaded.byteLength,
      'extract.article10k_ms': extractMs,
      'extract.article10k_cold_ms': coldMs,
      'extract.article10k_full_ms': fullMs,
      'extract.article10k_analyze_ms': t.analyze,
      'extract.article10k_patterns_ms': patternsMs,
      'extract.article10k_names_ms': namesMs,
      'extract.article10k_scan_ms': scanMs,
      'extract.article10k_scan_automaton_ms': t.automaton,
      'extract.article10k_alternation_ms': alternationMs,
      'extract.alternation_compile_ms': compileMs,
      'extract.article10k_per_term_ms': perTermMs,
      // Same work side by side: the alternatives find names only, so they are set against the names pass.
      'extract.ratio_per_term_vs_names': perTermMs / namesMs,
      'extract.ratio_alternation_vs_names': alternationMs / namesMs,
      'extract.ratio_per_term': perTermMs / extractMs,
      'extract.ratio_alternation': alternationMs / extractMs,
    };
  },
};
