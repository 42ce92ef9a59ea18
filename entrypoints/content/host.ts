/** Names shared by the content script and the code that injects it on demand. */

/** Tag name of the sidebar's shadow host: the only element Incident Lens adds to a page. */
export const SIDEBAR_HOST = 'incident-lens-sidebar';

/** Set in the content script's world just before an on-demand injection, read once by `main()`. */
export const FORCE_FLAG = '__incidentLensForced';

export function takeForcedFlag(): boolean {
  const scope = globalThis as Record<string, unknown>;
  const forced = scope[FORCE_FLAG] === true;
  delete scope[FORCE_FLAG];
  return forced;
}
