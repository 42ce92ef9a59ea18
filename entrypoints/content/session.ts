/**
 * One reading of one article: from its analysis to its highlights, its sidebar, its card facts, its related
 * incidents and its saved state. A new article (single-page navigation, a re-read after the text changed)
 * is a new session; the old one is aborted, and every answer it was waiting for dies with its signal: no
 * generation counters, no "is this still the article?" checks scattered through the code.
 */
import type { ArticleInfo } from '@/lib/page/detect';
import { sendMessage } from '@/lib/shared/messaging';
import type { Painter } from '@/lib/page/highlight';
import type { EntityMatch, Incident } from '@/lib/shared/types';
import type { ReadingAnalysis } from '@/components/sidebar/ReadingSidebar';
import type { StagedAnalysis, WholeAnalysis } from './analysis-client';
import type { ViewState } from './view-state';

/** How long the sidebar waits for the first analysis before it shows without it. */
const SIDEBAR_WAIT_MS = 150;
/** How long, after painting the first stage, the sidebar waits for the rest before it shows without it. */
const REST_WAIT_MS = 150;
/** Most entities asked about at once (card facts, related incidents): the guard's limit. */
const MAX_KEYS = 2000;

/** What a session needs of the reading view around it. */
export interface SessionHost {
  readonly painter: Painter<EntityMatch>;
  /** The view's state; undefined once the view stopped. */
  state(): ViewState | undefined;
  update(patch: Partial<ViewState>): void;
  /** The sidebar is built and shown (or at least built). */
  hasUi(): boolean;
  mountUi(): Promise<void>;
  rerender(): void;
  setTimeout(fn: () => void, ms: number): void;
}

export class ReadingSession {
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;

  constructor(
    private readonly host: SessionHost,
    readonly info: ArticleInfo,
    private readonly analysis: StagedAnalysis,
  ) {}

  abort(): void {
    this.controller.abort();
  }

  get url(): string {
    return this.analysis.article.url;
  }

  /** The host's update, only while this session is the current one. */
  private update(patch: Partial<ViewState>): void {
    if (!this.signal.aborted) this.host.update(patch);
  }

  /** Resolves after `ms` (the host's timer, so it dies with the content script). */
  private wait(ms: number): Promise<void> {
    return new Promise((done) => this.host.setTimeout(done, ms));
  }

  async run(): Promise<void> {
    const { host, info } = this;
    const savedRow = sendMessage('getSavedArticle', { url: this.url });
    void savedRow.then(
      (row) => this.update({ saved: row ? { tags: row.tags, note: row.note, savedAt: row.savedAt } : null }),
      () => this.update({ saved: null }),
    );
    // Highlights first. Mounting the sidebar is main-thread work (styles, a render) that would hold the
    // answer's delivery back, so it waits for the answer, unless the analysis is slow (a worker waking up,
    // a matcher being built): then the sidebar shows that it is reading meanwhile.
    const settled = this.analysis.first.then(
      () => false,
      () => false,
    );
    const slow = await Promise.race([settled, this.wait(SIDEBAR_WAIT_MS).then(() => true)]);
    if (this.signal.aborted) return;
    if (slow) await host.mountUi();
    let first: EntityMatch[];
    try {
      first = await this.analysis.first;
    } catch {
      if (this.signal.aborted) return;
      await host.mountUi();
      this.update({ analysis: 'error', related: 'error' });
      return;
    }
    if (this.signal.aborted) return;
    performance.mark('il:analysed');
    const painted = host.painter.paint(info, first, []);
    performance.mark('il:painted', { detail: { ranges: painted.ranges, entities: first.length } });
    // Asked for at once: the worker works on the rest while the browser puts the highlights on screen.
    const rest = this.analysis.rest();
    rest.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    // The sidebar waits a little for the rest, so that it is built once, whole; the wait is also the task
    // boundary that lets the highlights reach the screen before the sidebar is built.
    const early = await Promise.race([rest.catch(() => undefined), this.wait(REST_WAIT_MS).then(() => undefined)]);
    if (this.signal.aborted) return;
    let analysis: ReadingAnalysis = { entities: first, incidents: [], facts: {} };
    if (early) {
      this.paintWhole(early);
      analysis = { ...analysis, ...early };
    }
    performance.mark('il:mounting');
    this.update({ analysis });
    if (host.hasUi()) host.rerender();
    else await host.mountUi();
    performance.mark('il:rendered');
    const all = early ? early.entities : await this.paintRest(rest);
    if (all === undefined) return;
    await this.askAbout(all);
  }

  private paintWhole(whole: WholeAnalysis): void {
    const painted = this.host.painter.paint(this.info, whole.entities, spansOf(whole.incidents));
    performance.mark('il:all-painted', {
      detail: { ranges: painted.ranges, entities: whole.entities.length, incidents: whole.incidents.length },
    });
  }

  /**
   * Paints the whole analysis over the first stage when it comes after the sidebar was built, and tells the
   * sidebar. The entities of the article as they now stand; undefined when the session is over.
   */
  private async paintRest(asked: Promise<WholeAnalysis>): Promise<EntityMatch[] | undefined> {
    let whole: WholeAnalysis | undefined;
    try {
      whole = await asked;
    } catch {
      whole = undefined; // the first stage stays painted; the sidebar lists no incidents
    }
    const a = this.host.state()?.analysis;
    if (this.signal.aborted || !a || a === 'error') return undefined;
    if (!whole) return a.entities;
    this.paintWhole(whole);
    this.update({ analysis: { ...a, ...whole } });
    return whole.entities;
  }

  /** Card facts and related incidents, asked with the whole entity list (shared victims count most). */
  private async askAbout(entities: EntityMatch[]): Promise<void> {
    const wanted = [...new Map(entities.map((e) => [e.key, { key: e.key, type: e.type, name: e.name, subtype: e.subtype }])).values()];
    void sendMessage('entityFacts', { entities: wanted.slice(0, MAX_KEYS) }).then(
      (facts) => {
        const a = this.host.state()?.analysis;
        if (a && a !== 'error') this.update({ analysis: { ...a, facts } });
      },
      () => undefined, // cards then show what the match itself knows
    );
    try {
      const related = await sendMessage('relatedIncidents', {
        entityKeys: wanted.map((w) => w.key).slice(0, MAX_KEYS),
        publishedAt: this.info.published,
        url: this.url,
      });
      this.update({ related });
    } catch {
      this.update({ related: 'error' });
    }
    // The sidebar is now whole: `npm start`'s screenshot and the tests wait for this mark.
    performance.mark('il:related');
  }
}

/** The spans of text that report the incidents, tinted under the entity highlights. */
export function spansOf(incidents: Incident[]): { start: number; end: number }[] {
  return incidents.flatMap((i) => i.spans);
}
