/** The content script's side of an on-demand run (see entrypoints/background/inject.ts). */
import { FORCE_FLAG } from '@/lib/shared/sites';

/** True once after the worker injected this script on demand. */
export function takeForcedFlag(): boolean {
  const scope = globalThis as Record<string, unknown>;
  const forced = scope[FORCE_FLAG] === true;
  delete scope[FORCE_FLAG];
  return forced;
}
