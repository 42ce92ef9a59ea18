/**
 * The full catalogue for the benchmark and the NER evaluation: the project's loader (seed + imported
 * files) when it is there; until then a plain reading of the MISP galaxy clusters, so that the matcher
 * can be measured on real names. Node only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CatalogueEntry, EntityType } from '../../lib/types';
import { seedCatalogue } from '../../lib/knowledge/seed';

export const SHARED = resolve(import.meta.dirname, '../../../shared');
export const MISP_CLUSTERS = resolve(SHARED, 'fixtures/misp-galaxy/clusters');
export const KEV = resolve(SHARED, 'fixtures/kev/known_exploited_vulnerabilities.json');

/** Seed + the given catalogue files, through lib/knowledge when it has landed. */
export async function loadCatalogue(paths: string[]): Promise<{ entries: CatalogueEntry[]; via: string }> {
  try {
    const loader = '../../lib/knowledge/load-files'; // a variable until that module lands (keeps tsc quiet)
    const mod = (await import(loader)) as { fullCatalogue?: (p: string[]) => Promise<CatalogueEntry[]> };
    if (typeof mod.fullCatalogue === 'function') return { entries: await mod.fullCatalogue(paths), via: 'lib/knowledge' };
  } catch {
    // not there yet
  }
  return { entries: [...seedCatalogue(), ...paths.flatMap(readPlainMisp)], via: 'seed + plain MISP reading' };
}

const TYPE_OF: Record<string, [EntityType, string?]> = {
  'threat-actor': ['actor'],
  'mitre-intrusion-set': ['actor'],
  ransomware: ['malware', 'ransomware'],
  tool: ['malware', 'tool'],
  'mitre-tool': ['malware', 'tool'],
  'mitre-malware': ['malware', 'malware'],
  country: ['location'],
  'mitre-attack-pattern': ['technique'],
};

function readPlainMisp(path: string): CatalogueEntry[] {
  if (!statSync(path).isDirectory()) return path.endsWith('.json') && !path.includes('kev') ? readCluster(path) : [];
  return readdirSync(path).filter((f) => f.endsWith('.json')).flatMap((f) => readCluster(join(path, f)));
}

function readCluster(file: string): CatalogueEntry[] {
  const cluster = JSON.parse(readFileSync(file, 'utf8')) as { type: string; values: { value: string; meta?: { synonyms?: string[] } }[] };
  const t = TYPE_OF[cluster.type];
  if (!t) return [];
  return cluster.values.map((v) => {
    const name = v.value.replace(/ - [A-Z]+\d+(?:\.\d+)?$/, '');
    return {
      key: `${t[0]}:${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`,
      type: t[0],
      subtype: t[1],
      name,
      aliases: v.meta?.synonyms ?? [],
      sources: [`misp:${cluster.type}`],
    };
  });
}
