import type { EntityMatch, Incident } from '../shared/types';
import type { CompiledMatcher } from './extract/matcher';
import { extractEntities } from './extract/entities';
import { extractIncidents } from './extract/incidents';

export interface Analysis {
  entities: EntityMatch[];
  incidents: Incident[];
}

export interface AnalyzeOptions {
  /** The article's publication date (ISO), to resolve relative dates. */
  published?: string;
  /** The page's address or site name (the publisher, never the victim). */
  site?: string;
  /** See IncidentOptions.victimMin. */
  victimMin?: number;
  /** The page's headline (see IncidentOptions.title). */
  title?: string;
}

/** Entities and incidents of one text: what the CLI, the worker and the tests all call. */
export function analyzeText(text: string, matcher: CompiledMatcher, opts: AnalyzeOptions = {}): Analysis {
  const entities = extractEntities(text, matcher);
  const incidents = extractIncidents(text, entities, {
    published: opts.published,
    site: opts.site,
    victimMin: opts.victimMin,
    title: opts.title,
  });
  return { entities, incidents };
}
