/**
 * The user's settings, as WXT typed storage items in `storage.local` (readable by the content script,
 * the worker and the extension pages alike, and surviving the worker's death).
 *
 * Items are created on first use rather than at import: WXT runs an item's migrations as soon as it is
 * defined, and lib/ touches no browser API at import time. Each item has a fallback (what a fresh
 * install sees) and a version; a change of shape bumps the version and adds a migration that moves the
 * stored value forward.
 */
import { storage } from 'wxt/utils/storage';
import { ENTITY_TYPES, type EntityType } from './types';
import { siteListed } from './sites';

/** Which entity types are highlighted. A type missing from the record is shown. */
export type HighlightTypes = Partial<Record<EntityType, boolean>>;

/** Colours the user chose for entity types (`#rrggbb`); a type missing from the record keeps its own. */
export type HighlightColors = Partial<Record<EntityType, string>>;

/** Sites (host without "www.") where the user turned Incident Lens off. */
export type DisabledSites = string[];

/** Per site, whether the sidebar starts collapsed. */
export type SidebarCollapsed = Record<string, boolean>;

export const HIGHLIGHT_TYPES_FALLBACK: HighlightTypes = Object.fromEntries(ENTITY_TYPES.map((t) => [t, true]));

export function defineSettings() {
  return {
    /**
     * v1 kept the list of types turned on; a list cannot tell "turned off" from "did not exist yet",
     * so a type added later would have started hidden. v2 keeps a flag per type, absent meaning on.
     */
    highlightTypes: storage.defineItem<HighlightTypes>('local:highlightTypes', {
      fallback: HIGHLIGHT_TYPES_FALLBACK,
      version: 2,
      migrations: {
        2: (shownV1: unknown): HighlightTypes => {
          const shown = new Set(Array.isArray(shownV1) ? shownV1 : ENTITY_TYPES);
          return Object.fromEntries(ENTITY_TYPES.map((t) => [t, shown.has(t)]));
        },
      },
    }),
    disabledSites: storage.defineItem<DisabledSites>('local:disabledSites', { fallback: [], version: 1 }),
    highlightColors: storage.defineItem<HighlightColors>('local:highlightColors', { fallback: {}, version: 1 }),
    sidebarCollapsed: storage.defineItem<SidebarCollapsed>('local:sidebarCollapsed', { fallback: {}, version: 1 }),
  };
}

export type Settings = ReturnType<typeof defineSettings>;

let current: Settings | undefined;

/** The settings items of this context, defined on first use. */
export function settings(): Settings {
  current ??= defineSettings();
  return current;
}

export function isTypeShown(flags: HighlightTypes, type: EntityType): boolean {
  return flags[type] !== false;
}

export async function isSiteDisabled(site: string): Promise<boolean> {
  return siteListed(site, await settings().disabledSites.getValue());
}

/** Turn Incident Lens off (or back on) for a site and its subdomains. */
export async function setSiteDisabled(site: string, disabled: boolean): Promise<void> {
  const item = settings().disabledSites;
  const sites = (await item.getValue()).filter((s) => s !== site);
  await item.setValue(disabled ? [...sites, site].sort() : sites);
}

export async function isSidebarCollapsed(site: string): Promise<boolean> {
  return (await settings().sidebarCollapsed.getValue())[site] === true;
}

export async function setSidebarCollapsed(site: string, collapsed: boolean): Promise<void> {
  const item = settings().sidebarCollapsed;
  const { [site]: _old, ...rest } = await item.getValue();
  // Only collapsed sites are stored, so the record stays as small as the user's habits.
  await item.setValue(collapsed ? { ...rest, [site]: true } : rest);
}

/**
 * The site switch held in memory and kept current by storage change events: for the worker, which
 * checks it on every page's analysis request (a storage read there is milliseconds on the page's
 * critical path). It reads storage as it is made and watches from then on; a worker that is stopped
 * starts over, so nothing stale outlives it.
 */
export function watchDisabledSites(): { isDisabled(site: string): Promise<boolean>; stop(): void } {
  const item = settings().disabledSites;
  let sites: DisabledSites | undefined;
  const unwatch = item.watch((value) => {
    sites = value ?? [];
  });
  // Read at once: a worker woken by a page's request has the answer by the time the request is read.
  const reading = item.getValue();
  reading.catch(() => undefined); // awaited (and its failure met) by the first isDisabled
  return {
    async isDisabled(site) {
      if (sites === undefined) {
        const read = await reading;
        sites ??= read; // a change seen while reading is newer than what was read
      }
      return siteListed(site, sites);
    },
    stop: unwatch,
  };
}
