/**
 * The popup's search as you type: asks the worker a moment after the last keystroke, and drops answers to
 * queries that are no longer the one in the box (a slow answer never replaces a newer one). While the
 * worker is still building its index, asks again every half second so the results and progress fill in.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/shared/messaging';
import type { SearchAnswer } from '@/lib/worker/search/protocol';

export const SEARCH_DEBOUNCE_MS = 80;
const BUILDING_POLL_MS = 500;

export function useSearch(query: string): { answer?: SearchAnswer; error?: string; pending: boolean } {
  const [answer, setAnswer] = useState<SearchAnswer>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    const q = query.trim();
    if (!q) {
      setAnswer(undefined);
      setPending(false);
      return;
    }
    setPending(true);
    let timer: ReturnType<typeof setTimeout>;
    const ask = () => {
      sendMessage('search', { query: q.slice(0, 200) }).then(
        (a) => {
          if (ticket !== latest.current) return; // a newer query is in the box
          setAnswer(a);
          setError(undefined);
          setPending(false);
          if (a.progress.state === 'building' || a.progress.state === 'loading') timer = setTimeout(ask, BUILDING_POLL_MS);
        },
        (e: unknown) => {
          if (ticket !== latest.current) return;
          setError(e instanceof Error ? e.message : String(e));
          setPending(false);
        },
      );
    };
    timer = setTimeout(ask, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  return { answer, error, pending };
}
