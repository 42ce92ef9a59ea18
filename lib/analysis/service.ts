/**
 * The background's analysis service. It holds the compiled matcher: built from the catalogue (bundled
 * seed + what the sync stored) once, kept as one ArrayBuffer in the database's `blobs` table, and loaded
 * from there when the worker wakes (a few typed-array views, no rebuild). Content scripts send the main
 * text of their article; the answer is entities, incidents and the card facts of every entity found.
 * Page text is analysed here and never leaves the browser.
 */
import { extractEntities } from '../extract/entities';
import { extractIncidents } from '../extract/incidents';
import { compileMatcher, loadMatcher, serializeMatcher, type CompiledMatcher } from '../extract/matcher';
import { mergeCatalogues } from '../knowledge/merge';
import { seedCatalogue } from '../knowledge/seed';
import { SEED_ROWS } from '../knowledge/seed/data';
import type { IncidentLensDb } from '../db/database';
import type { CatalogueEntry, EntityMatch, Incident } from '../types';
import { bareFacts, nameFromKey, toFacts } from './facts';
import { packEntities } from './packed';
import type { AnalyzeRequest, AnalyzeResult, EntityFacts, FactsWanted } from './protocol';

export const MATCHER_BLOB = 'matcher';
/** Incidents computed after an entities-first answer, kept until the page asks: a few pages at most. */
const MAX_PENDING_INCIDENTS = 16;
/** Bump when the matcher's buffer layout or what goes into it changes. */
const MATCHER_FORMAT = 1;

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
  return `${MATCHER_FORMAT}|${buildId}|seed:${seedCount}|db:${await db.entities.count()}`;
}

/** Drop the stored matcher: the next analysis rebuilds it. For the sync, after it changed the catalogue. */
export async function invalidateMatcher(db: IncidentLensDb): Promise<void> {
  await db.blobs.delete(MATCHER_BLOB);
}

export class AnalysisService {
  private readonly db: IncidentLensDb;
  private readonly seed: () => CatalogueEntry[];
  private readonly buildId: string;
  private readonly now: () => number;
  private state?: Promise<MatcherState>;
  private seedIndex?: Map<string, CatalogueEntry>;
  /** Entities-first answers: their incidents, by the id the answer gave, with the page they belong to. */
  private readonly pendingIncidents = new Map<string, { url: string; text: string; published?: string; entities: EntityMatch[] }>();

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
    const synced = (await this.db.entities.toArray()).map(({ aliasesLower: _drop, ...entry }) => entry);
    const matcher = compileMatcher(mergeCatalogues(this.seed(), synced));
    await this.db.blobs.put({
      key: MATCHER_BLOB,
      data: serializeMatcher(matcher),
      updatedAt: Date.now(),
      meta: { stamp, terms: matcher.termCount },
    });
    return { matcher, loadMs: this.now() - t0, built: true, stamp };
  }

  async analyze(req: AnalyzeRequest): Promise<AnalyzeResult> {
    const receivedAt = performance.timeOrigin + performance.now();
    const fresh = this.state === undefined;
    const state = await this.matcher();
    const t0 = this.now();
    const entities = extractEntities(req.text, state.matcher);
    // Entities first: the page paints them, then asks for the incidents by id; the worker keeps these
    // entities meanwhile, so the incidents need no second extraction.
    const later = req.incidents === false;
    const incidents = later ? [] : extractIncidents(req.text, entities, { published: req.published });
    const incidentsId = later ? this.incidentsLater(req, entities) : undefined;
    const analyzeMs = this.now() - t0;
    const t1 = this.now();
    const facts =
      req.facts === false ? {} : await this.facts(entities.map((e) => ({ key: e.key, type: e.type, name: e.name, subtype: e.subtype })));
    const timings: AnalyzeResult['timings'] = { analyzeMs, factsMs: this.now() - t1 };
    if (fresh) {
      timings.matcherLoadMs = state.loadMs;
      timings.matcherBuilt = state.built;
    }
    const packed = req.packed ? packEntities(req.text, entities) : undefined;
    timings.receivedAt = receivedAt;
    timings.answeredAt = performance.timeOrigin + performance.now();
    const result: AnalyzeResult = packed ? { entities: [], packed, incidents, facts, timings } : { entities, incidents, facts, timings };
    if (incidentsId) result.incidentsId = incidentsId;
    return result;
  }

  private incidentsLater(req: AnalyzeRequest, entities: EntityMatch[]): string {
    const id = crypto.randomUUID();
    this.pendingIncidents.set(id, { url: req.url, text: req.text, published: req.published, entities });
    // Pages that never ask (closed before the answer came) must not keep their text here for good.
    for (const old of this.pendingIncidents.keys()) {
      if (this.pendingIncidents.size <= MAX_PENDING_INCIDENTS) break;
      this.pendingIncidents.delete(old);
    }
    return id;
  }

  /**
   * The incidents of an entities-first answer, once: null when this worker does not have them (it was
   * stopped and started since, or the id is not of this page), and the page asks for the whole analysis.
   */
  async incidents(url: string, id: string): Promise<Incident[] | null> {
    const pending = this.pendingIncidents.get(id);
    if (!pending || pending.url !== url) return null;
    this.pendingIncidents.delete(id);
    // Worked out when the page asks (after it painted the entities), not right after the entities'
    // answer: on a busy machine that work would take the CPU from the page receiving and painting them.
    return extractIncidents(pending.text, pending.entities, { published: pending.published });
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
