/**
 * The collection as the page shows it: the rows the filter keeps (through the database's indexes) and the
 * facets of all rows, both live (Dexie liveQuery), so that a save from the popup or a sidebar shows up here
 * without a reload.
 */
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { getDb, queryCollection } from '@/lib/worker/db';
import { facets, type CollectionFilter } from '@/lib/shared/collection/filter';
import type { SavedArticle } from '@/lib/shared/messaging';

export type Facets = ReturnType<typeof facets>;

function useLive<T>(query: () => Promise<T>, deps: unknown[]): { value?: T; error?: string } {
  const [state, setState] = useState<{ value?: T; error?: string }>({});
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ value }),
      error: (e: unknown) => setState({ error: e instanceof Error ? e.message : String(e) }),
    });
    return () => sub.unsubscribe();
  }, deps);
  return state;
}

export function useCollection(filter: CollectionFilter): { rows?: SavedArticle[]; facets?: Facets; total?: number; error?: string } {
  const rows = useLive(() => queryCollection(getDb(), filter), [JSON.stringify(filter)]);
  const all = useLive(async () => {
    const every = await getDb().collection.toArray();
    return { facets: facets(every), total: every.length };
  }, []);
  return { rows: rows.value, facets: all.value?.facets, total: all.value?.total, error: rows.error ?? all.error };
}
