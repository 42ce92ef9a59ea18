/**
 * The entity catalogue: the bundled seed, the importers of public sources and the merge that makes one
 * catalogue of them. Safe in every context (no fs, no DOM); Node-only file loading is in ./load-files.
 */
export { seedCatalogue } from './seed';
export { mergeCatalogues, mergeCataloguesWithReport, isJunkAlias, type MergeReport } from './merge';
export { importDocument, sniffFormat, type CatalogueFormat } from './import';
export { importMispGalaxy, MISP_GALAXY_TYPES, UnsupportedGalaxyError } from './importers/misp-galaxy';
export { importAttackStix } from './importers/attack-stix';
export { importKev } from './importers/kev';
export type { ImportResult } from './importers/common';
export { slug, entityKey, nameKey, cleanName, canonicalCve, splitMitreSuffix, shortDescription } from './keys';
export { placeKey, placeKeyByIso, placeKeyByName } from './places-index';
