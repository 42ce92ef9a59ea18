/**
 * The background's analysis service. It holds the compiled matcher: built from the catalogue (bundled
 * seed + what the sync stored) once, kept as one ArrayBuffer in the database's `blobs` table, and loaded
 * from there when the worker wakes (a few typed-array views, no rebuild). Content scripts send the main
 * text of their article and get it back in two stages (what painting needs first, then the rest);
 * extension pages and tools can have the whole analysis, card facts included, in one answer.
 * Page text is analysed here and never leaves the browser.
 */
import { extractKnownEntities } from '../extract/known';
import { compileSteps, loadMatcher, MATCHER_VERSION, serializeMatcher, type CompiledMatcher } from '../extract/matcher';
import { bundledSeed, bundledSeedStamp } from '../knowledge/seed/stamp';
import type { IncidentLensDb } from '../db/database';
import type { CatalogueEntry, EntityMatch, EntityType } from '../../shared/types';
import { bareFacts, crewFacts, familyKeyOfCrew, nameFromKey, toFacts } from './facts';
import { packEntities } from '../../shared/analysis/packed';
import { enabledSourceIds, mergeStoredCatalogue, readMergeRecord, type MergeRecord } from '../knowledge/stored-catalogue';
import { runSliced, runToEnd, type SliceStats } from './slices';
import { nextTask } from '../next-task';
import type { ArticleAnalysis, ArticleText, EntityFacts, FactsWanted, FirstStage, SecondStage } from '../../shared/analysis/protocol';

export const MATCHER_BLOB = 'matcher';
/**
 * The incidents' modules, loaded by the first whole analysis or second stage: a worker woken for a page's first
 * stage does not evaluate them (their patterns are built as each module loads) before it answers.
 */
const incidentsModule = () => import('../extract/incidents');
/**
 * The whole extraction (../extract/entities.ts: organisations, people, malware and actors by shape), loaded
 * with the incidents' modules: the first stage is ../extract/known.ts alone.
 */
const entitiesModule = () => import('../extract/entities');
/**
 * What each analysis cost, on the worker's own performance timeline (the latest one of each kind), for
 * the benchmark to read there: timings stay off the wire. `receivedAt`/`answeredAt` are wall-clock ms
 * (timeOrigin + now), comparable with the page's.
 */
export const ANALYSIS_MARK = 'il:worker-analysis';
export const FIRST_STAGE_MARK = 'il:worker-first-stage';

export interface AnalysisTimings {
  url: string;
  receivedAt: number;
  answeredAt: number;
  /** Extraction alone. */
  analyzeMs: number;
  /** Looking up the card facts (whole analyses). */
  factsMs?: number;
  /** What loading (or building) the matcher cost, when this call had to. */
  matcherLoadMs?: number;
  /** Where a load from the database went (ms): opening it, reading the merge record and the buffer (at once), the views made on it. */
  matcherLoadSplit?: LoadSplit;
  /** How long this call waited for that load: less than the load when it began as the worker woke (preload). */
  matcherWaitMs?: number;
  matcherBuilt?: boolean;
}

function wallClock(): number {
  return performance.timeOrigin + performance.now();
}

function record(name: string, detail: AnalysisTimings): void {
  performance.clearMarks(name);
  performance.mark(name, { detail });
}

function loadTimings({
  state,
  fresh,
  waitMs,
}: {
  state: MatcherState;
  fresh: boolean;
  waitMs: number;
}): Pick<AnalysisTimings, 'matcherLoadMs' | 'matcherLoadSplit' | 'matcherWaitMs' | 'matcherBuilt'> {
  if (!fresh) return {};
  const split = state.loadSplit ? { matcherLoadSplit: state.loadSplit } : {};
  return { matcherLoadMs: state.loadMs, matcherWaitMs: waitMs, matcherBuilt: state.built, ...split };
}
/** First stages answered whose rest the page has not asked for yet: a few pages at most. */
const MAX_PENDING_RESTS = 16;

interface LoadSplit {
  openMs: number;
  readMs: number;
  viewsMs: number;
}

/** What reading the stored matcher found: the matcher when it is valid, and what a build then needs. */
interface StoredLoad {
  t0: number;
  current: boolean;
  record?: MergeRecord;
  state?: MatcherState;
}

export interface MatcherState {
  matcher: CompiledMatcher;
  /** ms to load it from the database, or to build (and store) it when there was nothing valid stored. */
  loadMs: number;
  /** Loaded from the database: where that went. */
  loadSplit?: LoadSplit;
  built: boolean;
  stamp: string;
  /** Built: the catalogue's entries in the `entities` table (0 with no stored import), and what the build cost. */
  entities?: number;
  split?: RebuildSplit;
}

/** A build under way: its step, and how many times it paused for other work so far. */
export interface RebuildProgress {
  step: 'merge' | 'compile' | 'store';
  pauses: number;
}

/** Where a build's time went (ms), and how it was sliced. */
export interface RebuildSplit extends SliceStats {
  /** Reading the stored imports and merging them with the seed. */
  mergeMs: number;
  /** Writing the merged catalogue's changed rows to `entities`, alongside the compile (0 when not written). */
  writeMs: number;
  rowsWritten: number;
  compileMs: number;
  /** Storing the compiled matcher. */
  storeMs: number;
}

export interface AnalysisServiceOptions {
  db: IncidentLensDb;
  /** The bundled catalogue (loaded when a build or a card needs it); a parameter so tests can give a small one. */
  seed?: () => CatalogueEntry[] | Promise<CatalogueEntry[]>;
  /** Extension version (or build id): a new build brings a new seed, so the stored matcher is stale. */
  buildId?: string;
  now?: () => number;
  /** A rebuild's slices (ms) between which the worker answers pages. */
  sliceMs?: number;
}

/**
 * The stored matcher must be rebuilt when the seed or the merged catalogue changes: its stamp names the
 * seed and the merge it was compiled from. The matcher's version moves with its buffer layout and its
 * compile rules: a build of the same extension version with new rules (a developer's reload) must not load
 * the old buffer.
 */
function matcherStamp(seedStamp: string, record: MergeRecord | undefined): string {
  return `${MATCHER_VERSION}|${seedStamp}|merge:${record?.at ?? 0}`;
}

/** Drop the stored matcher: the next analysis rebuilds it. For the sync, after it changed the catalogue. */
async function invalidateMatcher(db: IncidentLensDb): Promise<void> {
  await db.blobs.delete(MATCHER_BLOB);
}

/** Entity types the bundled seed holds no entry of (tests/unit/seed-data.test.ts checks it). */
export const NOT_IN_SEED: readonly EntityType[] = ['indicator', 'technique'];

function mayBeInSeed(key: string): boolean {
  return !NOT_IN_SEED.some((t) => key.startsWith(`${t}:`));
}

export class AnalysisService {
  private readonly db: IncidentLensDb;
  private readonly seed: () => CatalogueEntry[] | Promise<CatalogueEntry[]>;
  private readonly buildId: string;
  private readonly now: () => number;
  private readonly sliceMs: number;
  private state?: Promise<MatcherState>;
  /** A rebuild under way: a worker with no matcher yet waits for it rather than building a second one. */
  private rebuilding?: Promise<MatcherState>;
  /** The stored matcher's read started when the worker woke (preload), not yet taken by a first analysis. */
  private preloading?: Promise<StoredLoad>;
  /** The matcher whose load an analysis has reported on the timeline: each load is reported once. */
  private reported?: Promise<MatcherState>;
  private seedEntries?: Promise<CatalogueEntry[]>;
  private progress?: RebuildProgress;
  private seedIndex?: Promise<Map<string, CatalogueEntry>>;
  /** Staged analyses answered first: what their rest is worked out from, by the id the answer gave. */
  private readonly pendingRests = new Map<
    string,
    { url: string; text: string; published?: string; title?: string; known: EntityMatch[] }
  >();

  constructor(opts: AnalysisServiceOptions) {
    this.db = opts.db;
    this.seed = opts.seed ?? bundledSeed;
    this.buildId = opts.buildId ?? '';
    this.now = opts.now ?? (() => performance.now());
    this.sliceMs = opts.sliceMs ?? 8;
  }

  /** The matcher, loaded once per worker life (concurrent callers share the one load). */
  matcher(): Promise<MatcherState> {
    this.state ??= (this.rebuilding ?? this.loadOrBuild()).catch((e: unknown) => {
      this.state = undefined; // a failed load must not poison every later call
      throw e;
    });
    return this.state;
  }

  /** Forget the in-memory matcher and the stored one (the catalogue changed). */
  async invalidate(): Promise<void> {
    this.state = undefined;
    this.preloading = undefined;
    await invalidateMatcher(this.db);
  }

  /**
   * Names the seed a merge used: a new build brings a new seed. The bundled seed's stamp (its rows' count and
   * digest) was worked out when the extension was built, so a woken worker checks its stored matcher without
   * evaluating the seed's data; a seed given by a test is named by its length.
   */
  private async seedStamp(): Promise<string> {
    const seed = this.seed === bundledSeed ? await bundledSeedStamp() : String((await this.seedList()).length);
    return `${this.buildId}|seed:${seed}`;
  }

  private seedList(): Promise<CatalogueEntry[]> {
    this.seedEntries ??= Promise.resolve(this.seed()).catch((e: unknown) => {
      this.seedEntries = undefined; // a failed load must not poison every later call
      throw e;
    });
    return this.seedEntries;
  }

  /**
   * Start reading the stored matcher now, without building one when there is none: a worker is mostly
   * woken by a page's request, which then finds the database open and the buffer read (or on its way)
   * instead of starting both only when it is dispatched. The first analysis builds as before when
   * nothing valid was stored.
   */
  preload(): Promise<void> {
    if (!this.state && !this.rebuilding) this.preloading ??= this.loadStored();
    // A failed read is met by loadOrBuild, which reads again.
    return (this.preloading ?? Promise.resolve()).then(
      () => undefined,
      () => undefined,
    );
  }

  /** The stored matcher, if it is valid for this seed and merge: the database opened, both rows read at once, views made. */
  private async loadStored(): Promise<StoredLoad> {
    const t0 = this.now();
    const seedStamp = await this.seedStamp();
    if (!this.db.isOpen()) await this.db.open();
    const t1 = this.now();
    const [record, stored] = await Promise.all([readMergeRecord(this.db), this.db.blobs.get(MATCHER_BLOB)]);
    const t2 = this.now();
    const current = record?.seed === seedStamp;
    const stamp = matcherStamp(seedStamp, record);
    if (current && stored && stored.meta?.stamp === stamp && !(stored.data instanceof Blob)) {
      try {
        const matcher = loadMatcher(stored.data);
        const t3 = this.now();
        const split = { openMs: t1 - t0, readMs: t2 - t1, viewsMs: t3 - t2 };
        return { t0, current, record, state: { matcher, loadMs: t3 - t0, built: false, stamp, loadSplit: split } };
      } catch {
        // a damaged or foreign buffer: rebuilt by loadOrBuild
      }
    }
    return { t0, current, record };
  }

  private async loadOrBuild(): Promise<MatcherState> {
    const preloaded = this.preloading;
    this.preloading = undefined;
    const found = (await preloaded?.catch(() => undefined)) ?? (await this.loadStored());
    if (found.state) return found.state;
    // The same merge again when the table holds it; merged anew and written when it was merged with another
    // seed (a new build) or by older code (no record).
    const { t0, current, record } = found;
    return this.build(t0, current ? { write: false, sliced: false, record } : { write: true, sliced: false });
  }

  /**
   * The catalogue merged (seed + each stored import, one merge), the matcher compiled from it and stored.
   * Sliced, the merge and the compile pause every few ms, so that pages asking meanwhile are answered.
   */
  private async build(
    t0: number,
    opts: { sourceIds?: ReadonlySet<string>; write: boolean; sliced: boolean; record?: MergeRecord },
  ): Promise<MatcherState> {
    const stats: SliceStats = { pauses: 0, longestSliceMs: 0 };
    const progress: RebuildProgress = { step: 'merge', pauses: 0 };
    const pause = async (): Promise<void> => {
      await nextTask();
      progress.pauses++;
    };
    const run = <T>(steps: Generator<void, T, void>): T | Promise<T> =>
      opts.sliced ? runSliced(steps, { sliceMs: this.sliceMs, stats, pause }) : runToEnd(steps);
    if (opts.sliced) this.progress = progress;
    try {
      const seedStamp = await this.seedStamp();
      const merged = await mergeStoredCatalogue(this.db, await this.seedList(), seedStamp, {
        sourceIds: opts.sourceIds,
        write: opts.write,
        run,
      });
      const t1 = this.now();
      progress.step = 'compile';
      const matcher = await run(compileSteps(merged.entries));
      const compileMs = this.now() - t1;
      // The catalogue's write went on while the matcher compiled.
      const written = await merged.written;
      const t2 = this.now();
      progress.step = 'store';
      // Not written, the merge is the recorded one again (the same seed and sources give the same catalogue).
      const stamp = matcherStamp(seedStamp, opts.record ?? merged.record);
      await this.db.blobs.put({
        key: MATCHER_BLOB,
        data: serializeMatcher(matcher),
        updatedAt: Date.now(),
        meta: { stamp, terms: matcher.termCount },
      });
      const split: RebuildSplit = {
        mergeMs: merged.mergeMs,
        writeMs: written.ms,
        rowsWritten: written.put + written.deleted,
        compileMs,
        storeMs: this.now() - t2,
        ...stats,
      };
      return { matcher, loadMs: this.now() - t0, built: true, stamp, entities: merged.record.entities, split };
    } finally {
      if (this.progress === progress) this.progress = undefined;
    }
  }

  /** The rebuild under way, if any: its step and how often it has let other work run. */
  rebuildProgress(): RebuildProgress | undefined {
    return this.progress && { ...this.progress };
  }

  /**
   * For the sync, after it changed the catalogue: merge the seed with the stored imports of these sources
   * (default: the enabled ones), write the merged catalogue, build the matcher from it, store it, then answer
   * with it. Until it is stored the old matcher keeps answering (nothing is dropped first), and the work is
   * sliced so that a page's request waits a slice at most; a worker started afterwards loads the stored matcher.
   */
  async rebuild(sourceIds?: ReadonlySet<string>): Promise<MatcherState> {
    const t0 = this.now();
    const building = (async () =>
      this.build(t0, { sourceIds: sourceIds ?? (await enabledSourceIds(this.db)), write: true, sliced: true }))();
    this.rebuilding = building;
    try {
      const next = await building;
      this.state = Promise.resolve(next);
      return next;
    } finally {
      if (this.rebuilding === building) this.rebuilding = undefined;
    }
  }

  /** The whole analysis in one answer: every entity, the incidents and the card facts (extension pages, tools). */
  async analyze(req: ArticleText): Promise<ArticleAnalysis> {
    const receivedAt = wallClock();
    const got = await this.matcherFor();
    const { state } = got;
    const [{ extractIncidents }, { extractEntities }] = await Promise.all([incidentsModule(), entitiesModule()]);
    const t0 = this.now();
    const entities = extractEntities(req.text, state.matcher);
    const incidents = extractIncidents(req.text, entities, { published: req.published, site: req.url, title: req.title });
    const analyzeMs = this.now() - t0;
    const t1 = this.now();
    const facts = await this.facts(entities.map((e) => ({ key: e.key, type: e.type, name: e.name, subtype: e.subtype })));
    record(ANALYSIS_MARK, {
      url: req.url,
      receivedAt,
      answeredAt: wallClock(),
      analyzeMs,
      factsMs: this.now() - t1,
      ...loadTimings(got),
    });
    return { entities, incidents, facts };
  }

  /**
   * The reading view's first stage: what patterns and the catalogue name (the page paints them). The worker
   * keeps these entities for the second stage, asked by the answer's id, so it needs no second catalogue pass.
   */
  async firstStage(req: ArticleText): Promise<FirstStage> {
    const receivedAt = wallClock();
    const got = await this.matcherFor();
    const { state } = got;
    const t0 = this.now();
    const entities = extractKnownEntities(req.text, state.matcher);
    const id = this.keepForRest(req, entities);
    const analyzeMs = this.now() - t0;
    const answer: FirstStage = { id, entities: packEntities(req.text, entities) };
    record(FIRST_STAGE_MARK, { url: req.url, receivedAt, answeredAt: wallClock(), analyzeMs, ...loadTimings(got) });
    return answer;
  }

  private async matcherFor(): Promise<{ state: MatcherState; fresh: boolean; waitMs: number }> {
    const t0 = this.now();
    const loading = this.matcher();
    const fresh = this.reported !== loading;
    this.reported = loading;
    const state = await loading;
    return { state, fresh, waitMs: this.now() - t0 };
  }

  private keepForRest(req: ArticleText, known: EntityMatch[]): string {
    const id = crypto.randomUUID();
    this.pendingRests.set(id, { url: req.url, text: req.text, published: req.published, title: req.title, known });
    // Pages that never ask (closed before the answer came) must not keep their text here for good.
    for (const old of this.pendingRests.keys()) {
      if (this.pendingRests.size <= MAX_PENDING_RESTS) break;
      this.pendingRests.delete(old);
    }
    return id;
  }

  /**
   * The second stage, once: the entities completed with the organisations, and the incidents. Null when
   * this worker does not have it (it was stopped and started since, or the id is not of this page): the
   * page then asks for both stages again.
   */
  async secondStage(url: string, id: string): Promise<SecondStage | null> {
    const pending = this.pendingRests.get(id);
    if (!pending || pending.url !== url) return null;
    this.pendingRests.delete(id);
    const [{ extractIncidents }, { addOrganizations }] = await Promise.all([incidentsModule(), entitiesModule()]);
    // Worked out when the page asks (after it painted the first stage), not right after that answer: on a
    // busy machine the work would take the CPU from the page receiving and painting it.
    const entities = addOrganizations(pending.text, pending.known);
    const incidents = extractIncidents(pending.text, entities, { published: pending.published, site: pending.url, title: pending.title });
    return { entities: packEntities(pending.text, entities), incidents };
  }

  /** Card facts for entities: the synced catalogue first, then the bundled seed, then what the match itself says. */
  async facts(wanted: FactsWanted[]): Promise<Record<string, EntityFacts>> {
    const unique = [...new Map(wanted.map((w) => [w.key, w])).values()];
    const keys = unique.map((w) => w.key);
    const rows = await this.db.entities.bulkGet(keys);
    const cves = unique.map((w) => (w.type === 'vulnerability' ? w.name.toUpperCase() : ''));
    const kevRows = await this.db.kev.bulkGet(cves.map((c) => c || '\u0000'));
    const entries = await this.orSeed(keys, rows);
    // An actor the catalogue does not hold may be the crew of a family it does ("DarkSide affiliates").
    const familyKeys = keys.map((k, i) => (entries[i] ? undefined : familyKeyOfCrew(k)));
    const familyRows = familyKeys.some(Boolean) ? await this.db.entities.bulkGet(familyKeys.map((k) => k ?? '\u0000')) : [];
    const families = await this.orSeed(familyKeys, familyRows);
    const countryKeys = [...new Set(entries.flatMap((e) => (e?.country ? [e.country] : [])))];
    const countryRows = await this.orSeed(countryKeys, await this.db.entities.bulkGet(countryKeys));
    const countryNames = new Map(countryKeys.map((k, i) => [k, countryRows[i]?.name ?? nameFromKey(k)]));
    const out: Record<string, EntityFacts> = {};
    unique.forEach((w, i) => {
      const entry = entries[i];
      const kev = kevRows[i] ?? undefined;
      const family = families[i];
      out[w.key] = entry
        ? toFacts(entry, entry.country ? countryNames.get(entry.country) : undefined, kev)
        : family?.type === 'malware'
          ? crewFacts(w.key, family)
          : bareFacts(w.key, w.type, w.name, w.subtype, kev);
    });
    return out;
  }

  /**
   * The rows read for these keys, those missing taken from the bundled seed: only where the `entities` table
   * does not hold the merged catalogue (no import stored yet: ../knowledge/stored-catalogue.ts), and only when
   * a key the seed may hold is missing (an indicator or a technique never is; an organisation found by its
   * shape, on most pages, may be). So a worker woken for a page after a sync does not evaluate the seed for it.
   */
  private async orSeed(keys: (string | undefined)[], rows: (CatalogueEntry | undefined)[]): Promise<(CatalogueEntry | undefined)[]> {
    const asRead = () => keys.map((_, i) => rows[i]);
    if (keys.every((k, i) => !k || rows[i] || !mayBeInSeed(k))) return asRead();
    if ((await readMergeRecord(this.db))?.entities) return asRead();
    this.seedIndex ??= this.seedList().then(
      (list) => new Map(list.map((e) => [e.key, e])),
      (e: unknown) => {
        this.seedIndex = undefined;
        throw e;
      },
    );
    const seed = await this.seedIndex;
    return keys.map((k, i) => rows[i] ?? (k ? seed.get(k) : undefined));
  }
}
