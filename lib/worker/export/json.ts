/**
 * The complete export: every saved article whole (text, entities, incidents, tags, note, times), and, for
 * "export everything", the settings and the user's sources. Versioned, so that a later Incident Lens can
 * read it and an earlier one can say it cannot. `lib/worker/export/import.ts` reads it back.
 */
import type { SavedArticle } from '../../shared/messaging';
import type { SourceRow } from '../db/schema';

export const EXPORT_FORMAT = 'incident-lens-export';
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO date-time. */
  exportedAt: string;
  articles: SavedArticle[];
  /** `storage.local` as it was (export everything only). */
  settings?: Record<string, unknown>;
  /** The sources table (export everything only). */
  sources?: SourceRow[];
}

export function toExportFile(
  articles: readonly SavedArticle[],
  extra: { settings?: Record<string, unknown>; sources?: readonly SourceRow[] } = {},
  now = Date.now(),
): ExportFile {
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    articles: [...articles],
  };
  if (extra.settings) file.settings = extra.settings;
  if (extra.sources) file.sources = [...extra.sources];
  return file;
}

export function toJson(file: ExportFile): string {
  return JSON.stringify(file, null, 1) + '\n';
}
