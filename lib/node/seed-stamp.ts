/**
 * The bundler's `define` of the bundled seed's stamp (lib/worker/knowledge/seed/stamp.ts), worked out from the
 * rows as the extension (wxt.config.ts) or the unit tests (vitest.config.ts) are built: a woken worker
 * then checks its stored matcher without evaluating the seed's data.
 */
import { SEED_ROWS } from '../worker/knowledge/seed/data';
import { seedStampOf } from '../worker/knowledge/seed/stamp';

export function seedStampDefine(): Record<string, string> {
  return { __IL_SEED_STAMP__: JSON.stringify(seedStampOf(SEED_ROWS)) };
}
