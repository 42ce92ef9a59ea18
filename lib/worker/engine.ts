import type { EntityMatch, Incident } from '../shared/types';
import type { CompiledMatcher } from './extract/matcher';
import { addOrganizations, extractEntities, extractKnownEntities, notMalware } from './extract/entities';
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
  /**
   * Read in context only the text's first `depth` characters (cut back to a sentence end): organisations,
   * people, malware and actors by shape, and incidents come from that lede; patterns (CVE ids,
   * indicators) and catalogue names still come from the whole text. What the sync reads of a feed item
   * (news puts who, what and when first); pages are read whole (no depth).
   */
  depth?: number;
}

/** What the incident stage takes of the options (not the depth, which is the engine's). */
function incidentOptions({ published, site, victimMin, title }: AnalyzeOptions) {
  return { published, site, victimMin, title };
}

/** Entities and incidents of one text: what the CLI, the worker and the tests all call. */
export function analyzeText(text: string, matcher: CompiledMatcher, opts: AnalyzeOptions = {}): Analysis {
  if (opts.depth !== undefined && text.length > opts.depth) return analyzeLede(text, matcher, opts, opts.depth);
  const entities = extractEntities(text, matcher);
  const incidents = extractIncidents(text, entities, incidentOptions(opts));
  return { entities, incidents };
}

/** Where a lede of about `depth` characters ends: after the last sentence end (or line break) within it, else at `depth`. */
export function ledeEnd(text: string, depth: number): number {
  if (text.length <= depth) return text.length;
  const head = text.slice(0, depth + 1);
  let end = -1;
  for (const m of head.matchAll(/[.!?]["'’”)\]]*(?=\s)|\n/g)) end = m.index + m[0].length;
  return end > depth / 2 ? end : depth;
}

/** analyzeText with the context stages over the lede only (AnalyzeOptions.depth). */
function analyzeLede(text: string, matcher: CompiledMatcher, opts: AnalyzeOptions, depth: number): Analysis {
  // Catalogue names the whole text uses for a person ("Kevin Beaumont" beside a malware called Kevin) go
  // everywhere, not only in the lede: the people finder is cheap, and a wrong key deep in an item is as wrong.
  const known = notMalware(text, extractKnownEntities(text, matcher));
  const end = ledeEnd(text, depth);
  const lede = text.slice(0, end);
  const inLede = addOrganizations(
    lede,
    known.filter((m) => m.end <= end),
  );
  const entities = [...inLede, ...known.filter((m) => m.end > end)];
  const incidents = extractIncidents(lede, inLede, incidentOptions(opts));
  return { entities, incidents };
}
