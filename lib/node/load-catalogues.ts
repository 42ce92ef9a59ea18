/**
 * Node only (uses fs; never import it from extension code): reads catalogue files from disk — what the
 * CLI's `--catalogue PATH`, the benchmark and the evaluation use in place of the extension's sync.
 *
 * Each path is a file or a folder (its *.json files, not recursive). The format is sniffed from the JSON:
 * a MISP galaxy cluster file has `type` and `values`; a STIX bundle has `type: "bundle"` (or is an array of
 * STIX objects); the KEV catalogue has `catalogVersion` and `vulnerabilities`.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogueEntry } from '../shared/types';
import type { ImportResult } from '../worker/knowledge/importers/common';
import { UnsupportedGalaxyError } from '../worker/knowledge/importers/misp-galaxy';
import { importDocument, sniffFormat, type CatalogueFormat } from '../worker/knowledge/import';
import { mergeCatalogues } from '../worker/knowledge/merge';
import { seedCatalogue } from '../worker/knowledge/seed';

export { sniffFormat } from '../worker/knowledge/import';

export interface LoadedFile extends ImportResult {
  path: string;
  format: CatalogueFormat;
}

export class CatalogueFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

async function filesOf(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw new CatalogueFileError(path, `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  if (!names.length) throw new CatalogueFileError(path, 'folder holds no .json files');
  return names.map((n) => join(path, n));
}

/** Read, sniff and import one file. Throws CatalogueFileError with a reason a user can act on. */
async function loadCatalogueFile(path: string, { inFolder = false } = {}): Promise<LoadedFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CatalogueFileError(path, `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CatalogueFileError(path, `not valid JSON (${(e as Error).message})`);
  }
  const format = sniffFormat(json);
  if (!format) {
    // A folder of MISP clusters may hold other JSON (a schema, a galaxy definition): skip those quietly.
    if (inFolder) return undefined;
    throw new CatalogueFileError(
      path,
      'unknown catalogue format (expected a MISP galaxy cluster file, an ATT&CK STIX bundle or the CISA KEV JSON)',
    );
  }
  try {
    return { path, format, ...importDocument(json, format) };
  } catch (e) {
    if (e instanceof UnsupportedGalaxyError && inFolder) return undefined;
    throw new CatalogueFileError(path, (e as Error).message);
  }
}

/** Every file under the given paths, imported, with per-file counts. */
export async function loadCatalogueReports(paths: string[]): Promise<LoadedFile[]> {
  const out: LoadedFile[] = [];
  for (const p of paths) {
    const files = await filesOf(p);
    const inFolder = files.length !== 1 || files[0] !== p;
    for (const f of files) {
      const loaded = await loadCatalogueFile(f, { inFolder });
      if (loaded) out.push(loaded);
    }
  }
  return out;
}

/** The entries imported from the given files and folders (not merged, not with the seed). */
export async function loadCatalogueFiles(paths: string[]): Promise<CatalogueEntry[]> {
  return (await loadCatalogueReports(paths)).flatMap((r) => r.entries);
}

/** The seed plus everything the given files hold, merged into one catalogue. */
export async function fullCatalogue(paths: string[]): Promise<CatalogueEntry[]> {
  const imported = await loadCatalogueReports(paths);
  return mergeCatalogues(seedCatalogue(), ...imported.map((r) => r.entries));
}
