/** How the extension's pages write dates and tags, and read tags typed by the user. */
import { parseTags } from '@/lib/shared/tags';

/** Tags as typed in a text field ("APT28, espionage") to a list (lib/shared/tags.ts). */
export { parseTags };

/** A short local date ("Mar 12, 2026") for an ISO date or date-time; undefined when there is none. */
export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  return new Date(t).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
