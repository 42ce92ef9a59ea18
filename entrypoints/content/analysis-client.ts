/**
 * The reading view's side of the staged analysis, behind one call. `analyseArticle` sends the text at once
 * (the worker works while the page does its own work) and answers with:
 * - `first`: what painting needs (what patterns and the catalogue name);
 * - `rest()`: everything (every entity, the organisations found by sentence shape too, and the incidents),
 *   asked for when called: the caller calls it after painting the first stage, so that the worker's work on
 *   the rest does not take the CPU from the page while it paints.
 * A worker stopped in between has forgotten the first stage: the client then asks for both again. With a
 * signal, answers that come after it aborted reject with its reason (stale answers die with the reading).
 */
import type { ArticleText } from '@/lib/shared/analysis/protocol';
import { unpackEntities } from '@/lib/shared/analysis/packed';
import type { BackgroundProtocol } from '@/lib/shared/messaging';
import { sendMessage } from '@/lib/shared/messaging';
import type { EntityMatch, Incident } from '@/lib/shared/types';

export interface WholeAnalysis {
  entities: EntityMatch[];
  incidents: Incident[];
}

export interface StagedAnalysis {
  readonly article: ArticleText;
  /** What painting needs first. */
  readonly first: Promise<EntityMatch[]>;
  /** Everything; asked for on the first call (later calls share it). */
  rest(): Promise<WholeAnalysis>;
}

/** The messages the client sends: the protocol's own sender by default, a stand-in in tests. */
export type AnalysisSender = <K extends 'analyzeFirstStage' | 'analyzeSecondStage'>(
  type: K,
  data: Parameters<BackgroundProtocol[K]>[0],
) => Promise<ReturnType<BackgroundProtocol[K]>>;

const send: AnalysisSender = (type, data) => sendMessage(type, data as never) as never;

/** Rejects with the signal's reason once it aborts, whatever the promise does later. */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  return p.then((v) => {
    signal.throwIfAborted();
    return v;
  });
}

export function analyseArticle(article: ArticleText, opts: { signal?: AbortSignal; sender?: AnalysisSender } = {}): StagedAnalysis {
  const sender = opts.sender ?? send;
  const { signal } = opts;
  performance.mark('il:sent');
  const firstAnswer = sender('analyzeFirstStage', article);
  const first = untilAborted(
    firstAnswer.then(({ entities }) => {
      performance.mark('il:answer');
      // Packed matches are offsets into the text this view sent.
      return unpackEntities(article.text, entities);
    }),
    signal,
  );
  // Awaited by the caller, perhaps later: not an unhandled rejection meanwhile.
  first.catch(() => undefined);
  let rest: Promise<WholeAnalysis> | undefined;
  const askRest = async (): Promise<WholeAnalysis> => {
    const { id } = await firstAnswer;
    const second =
      (await sender('analyzeSecondStage', { url: article.url, id })) ??
      (await sender('analyzeSecondStage', { url: article.url, id: (await sender('analyzeFirstStage', article)).id }));
    if (!second) throw new Error('The worker lost the article twice');
    return { entities: unpackEntities(article.text, second.entities), incidents: second.incidents };
  };
  return {
    article,
    first,
    rest() {
      rest ??= untilAborted(askRest(), signal);
      return rest;
    },
  };
}
