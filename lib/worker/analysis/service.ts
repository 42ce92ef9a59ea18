/**
 * The background's analysis service. It holds the compiled matcher: built from the catalogue (bundled
 * seed + what the sync stored) once, kept as one ArrayBuffer in the database's `blobs` table, and loaded
 * from there when the worker wakes (a few typed-array views, no rebuild). Content scripts send the main
 * text of their article and get it back in two stages (what painting needs first, then the rest);
 * extension pages and tools can have the whole analysis, card facts included, in one answer.
 * Page text is analysed here and never leaves the browser.
 */
import { addOrganizations, extractEntities, extractKnownEntities } from '../extract/entities';
import { extractIncidents } from '../extract/incidents';
import { compileMatcher, loadMatcher, MATCHER_VERSION, serializeMatcher, type CompiledMatcher } from '../extract/matcher';
import { mergeCatalogues } from '../knowledge/merge';
import { seedCatalogue } from '../knowledge/seed';
import { SEED_ROWS } from '../knowledge/seed/data';
import type { IncidentLensDb } from '../db/database';
import type { CatalogueEntry, EntityMatch } from '../../shared/types';
import { bareFacts, nameFromKey, toFacts } from './facts';
import { packEntities } from '../../shared/analysis/packed';
import type { ArticleAnalysis, ArticleText, EntityFacts, FactsWanted, FirstStage, SecondStage } from '../../shared/analysis/protocol';

export const MATCHER_BLOB = 'matcher';
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
  matcherBuilt?: boolean;
}

function wallClock(): number {
  return performance.timeOrigin + performance.now();
}

function record(name: string, detail: AnalysisTimings): void {
  performance.clearMarks(name);
  performance.mark(name, { detail });
}

function loadTimings(state: MatcherState, fresh: boolean): Pick<AnalysisTimings, 'matcherLoadMs' | 'matcherBuilt'> {
  return fresh ? { matcherLoadMs: state.loadMs, matcherBuilt: state.built } : {};
}
/** First stages answered whose rest the page has not asked for yet: a few pages at most. */
const MAX_PENDING_RESTS = 16;

export interface MatcherState {
  matcher: CompiledMatcher;
  /** ms to load it from the database, or to build (and store) it when there was nothing valid stored. */
  loadMs: number;
  built: boolean;
  stamp: string;
}

export interface AnalysisServiceOptions {
  db: IncidentLensDb;
  /** The bundled catalogue; a parameter so tests can give a small one. */
  seed?: () => CatalogueEntry[];
  /** Extension version (or build id): a new build brings a new seed, so the stored matcher is stale. */
  buildId?: string;
  now?: () => number;
}

function seedRowCount(): number {
  return SEED_ROWS.reduce((n, g) => n + g.rows.length, 0);
}

/**
 * The stored matcher must be rebuilt when the seed or the synced catalogue changes. Counting rows is
 * cheap and catches additions; the sync calls `invalidateMatcher` after it rewrites entries in place.
 */
async function catalogueStamp(db: IncidentLensDb, buildId: string, seedCount: number): Promise<string> {
  // The matcher's version moves with its buffer layout and its compile rules: a build of the same
  // extension version with new rules (a developer's reload) must not load the old buffer.
  return `${MATCHER_VERSION}|${buildId}|seed:${seedCount}|db:${await db.entities.count()}`;
}

/** Drop the stored matcher: the next analysis rebuilds it. For the sync, after it changed the catalogue. */
async function invalidateMatcher(db: IncidentLensDb): Promise<void> {
  await db.blobs.delete(MATCHER_BLOB);
}

export class AnalysisService {
  private readonly db: IncidentLensDb;
  private readonly seed: () => CatalogueEntry[];
  private readonly buildId: string;
  private readonly now: () => number;
  private state?: Promise<MatcherState>;
  private seedIndex?: Map<string, CatalogueEntry>;
  /** Staged analyses answered first: what their rest is worked out from, by the id the answer gave. */
  private readonly pendingRests = new Map<string, { url: string; text: string; published?: string; known: EntityMatch[] }>();

  constructor(opts: AnalysisServiceOptions) {
    this.db = opts.db;
    this.seed = opts.seed ?? seedCatalogue;
    this.buildId = opts.buildId ?? '';
    this.now = opts.now ?? (() => performance.now());
  }

  /** The matcher, loaded once per worker life (concurrent callers share the one load). */
  matcher(): Promise<MatcherState> {
    this.state ??= this.loadOrBuild().catch((e: unknown) => {
      this.state = undefined; // a failed load must not poison every later call
      throw e;
    });
    return this.state;
  }

  /** Forget the in-memory matcher and the stored one (the catalogue changed). */
  async invalidate(): Promise<void> {
    this.state = undefined;
    await invalidateMatcher(this.db);
  }

  private async loadOrBuild(): Promise<MatcherState> {
    const t0 = this.now();
    const seedCount = this.seed === seedCatalogue ? seedRowCount() : this.seed().length;
    const stamp = await catalogueStamp(this.db, this.buildId, seedCount);
    const stored = await this.db.blobs.get(MATCHER_BLOB);
    if (stored && stored.meta?.stamp === stamp && !(stored.data instanceof Blob)) {
      try {
        const matcher = loadMatcher(stored.data);
        return { matcher, loadMs: this.now() - t0, built: false, stamp };
      } catch {
        // a damaged or foreign buffer: rebuild below
      }
    }
    return this.build(t0, stamp);
  }

  private async build(t0: number, stamp: string, yieldBetween = false): Promise<MatcherState> {
    const synced = (await this.db.entities.toArray()).map(({ aliasesLower: _drop, ...entry }) => entry);
    const merged = mergeCatalogues(this.seed(), synced);
    // A rebuild in the background lets page requests that came during the merge be answered (by the old
    // matcher) before the compile, the other long synchronous step, starts.
    if (yieldBetween) await new Promise((ok) => setTimeout(ok, 0));
    const matcher = compileMatcher(merged);
    await this.db.blobs.put({
      key: MATCHER_BLOB,
      data: serializeMatcher(matcher),
      updatedAt: Date.now(),
      meta: { stamp, terms: matcher.termCount },
    });
    return { matcher, loadMs: this.now() - t0, built: true, stamp };
  }

  /**
   * For the sync, after it changed the catalogue: build the matcher from the catalogue as it is now, store
   * it, then answer with it. Until it is stored the old matcher keeps answering (nothing is dropped first),
   * and a worker started afterwards loads the stored one instead of building it on a page's request.
   */
  async rebuild(): Promise<MatcherState> {
    const t0 = this.now();
    const seedCount = this.seed === seedCatalogue ? seedRowCount() : this.seed().length;
    const next = await this.build(t0, await catalogueStamp(this.db, this.buildId, seedCount), true);
    this.state = Promise.resolve(next);
    return next;
  }

  /** The whole analysis in one answer: every entity, the incidents and the card facts (extension pages, tools). */
  async analyze(req: ArticleText): Promise<ArticleAnalysis> {
    const receivedAt = wallClock();
    const { state, fresh } = await this.matcherFor();
    const t0 = this.now();
    const entities = extractEntities(req.text, state.matcher);
    const incidents = extractIncidents(req.text, entities, { published: req.published });
    const analyzeMs = this.now() - t0;
    const t1 = this.now();
    const facts = await this.facts(entities.map((e) => ({ key: e.key, type: e.type, name: e.name, subtype: e.subtype })));
    record(ANALYSIS_MARK, {
      url: req.url,
      receivedAt,
      answeredAt: wallClock(),
      analyzeMs,
      factsMs: this.now() - t1,
      ...loadTimings(state, fresh),
    });
    return { entities, incidents, facts };
  }

  /**
   * The reading view's first stage: what patterns and the catalogue name (the page paints them). The worker
   * keeps these entities for the second stage, asked by the answer's id, so it needs no second catalogue pass.
   */
  async firstStage(req: ArticleText): Promise<FirstStage> {
    const receivedAt = wallClock();
    const { state, fresh } = await this.matcherFor();
    const t0 = this.now();
    const entities = extractKnownEntities(req.text, state.matcher);
    const id = this.keepForRest(req, entities);
    const analyzeMs = this.now() - t0;
    const answer: FirstStage = { id, entities: packEntities(req.text, entities) };
    record(FIRST_STAGE_MARK, { url: req.url, receivedAt, answeredAt: wallClock(), analyzeMs, ...loadTimings(state, fresh) });
    return answer;
  }

  private async matcherFor(): Promise<{ state: MatcherState; fresh: boolean }> {
    const fresh = this.state === undefined;
    return { state: await this.matcher(), fresh };
  }

  private keepForRest(req: ArticleText, known: EntityMatch[]): string {
    const id = crypto.randomUUID();
    this.pendingRests.set(id, { url: req.url, text: req.text, published: req.published, known });
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
    // Worked out when the page asks (after it painted the first stage), not right after that answer: on a
    // busy machine the work would take the CPU from the page receiving and painting it.
    const entities = addOrganizations(pending.text, pending.known);
    const incidents = extractIncidents(pending.text, entities, { published: pending.published });
    return { entities: packEntities(pending.text, entities), incidents };
  }

  /** Card facts for entities: the synced catalogue first, then the bundled seed, then what the match itself says. */
  async facts(wanted: FactsWanted[]): Promise<Record<string, EntityFacts>> {
    const unique = [...new Map(wanted.map((w) => [w.key, w])).values()];
    const keys = unique.map((w) => w.key);
    const rows = await this.db.entities.bulkGet(keys);
    const cves = unique.map((w) => (w.type === 'vulnerability' ? w.name.toUpperCase() : ''));
    const kevRows = await this.db.kev.bulkGet(cves.map((c) => c || '\u0000'));
    const entries = rows.map((r, i) => r ?? this.seedEntry(keys[i]));
    const countryKeys = [...new Set(entries.flatMap((e) => (e?.country ? [e.country] : [])))];
    const countryRows = await this.db.entities.bulkGet(countryKeys);
    const countryNames = new Map(countryKeys.map((k, i) => [k, countryRows[i]?.name ?? this.seedEntry(k)?.name ?? nameFromKey(k)]));
    const out: Record<string, EntityFacts> = {};
    unique.forEach((w, i) => {
      const entry = entries[i];
      const kev = kevRows[i] ?? undefined;
      out[w.key] = entry
        ? toFacts(entry, entry.country ? countryNames.get(entry.country) : undefined, kev)
        : bareFacts(w.key, w.type, w.name, w.subtype, kev);
    });
    return out;
  }

  private seedEntry(key: string): CatalogueEntry | undefined {
    this.seedIndex ??= new Map(this.seed().map((e) => [e.key, e]));
    return this.seedIndex.get(key);
  }
}
