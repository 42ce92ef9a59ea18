/** The export formats, as files: what the collection page and the options page offer to download. */
import type { SavedArticle } from '../../shared/messaging';
import { toCsv } from './csv';
import { toExportFile, toJson, type ExportFile } from './json';
import { toMarkdown } from './markdown';
import { toRis } from './ris';
import { stixBundle } from './stix';

export const EXPORT_FORMATS = ['json', 'csv', 'ris', 'markdown', 'stix'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  json: 'JSON (complete, re-importable)',
  csv: 'CSV (spreadsheet)',
  ris: 'RIS (Zotero, EndNote, Mendeley)',
  markdown: 'Markdown',
  stix: 'STIX 2.1 bundle',
};

export interface ExportedFile {
  name: string;
  type: string;
  text: string;
}

/** yyyy-mm-dd of a time, for file names. */
const day = (now: number) => new Date(now).toISOString().slice(0, 10);

export function exportArticles(format: ExportFormat, articles: readonly SavedArticle[], now = Date.now()): ExportedFile {
  const base = `incident-lens-collection-${day(now)}`;
  switch (format) {
    case 'json':
      return exportFile(toExportFile(articles, {}, now), base);
    case 'csv':
      return { name: `${base}.csv`, type: 'text/csv;charset=utf-8', text: toCsv(articles) };
    case 'ris':
      return { name: `${base}.ris`, type: 'application/x-research-info-systems;charset=utf-8', text: toRis(articles) };
    case 'markdown':
      return { name: `${base}.md`, type: 'text/markdown;charset=utf-8', text: toMarkdown(articles) };
    case 'stix':
      return {
        name: `${base}.stix.json`,
        type: 'application/stix+json;version=2.1',
        text: JSON.stringify(stixBundle(articles), null, 1) + '\n',
      };
  }
}

export function exportFile(file: ExportFile, base = `incident-lens-everything-${day(Date.parse(file.exportedAt))}`): ExportedFile {
  return { name: `${base}.json`, type: 'application/json', text: toJson(file) };
}
