import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type Status } from '@/lib/shared/messaging';

/**
 * The background's status, asked once when the page opens (or, with `ask` false at first, once it turns
 * true) and again on `refresh()`.
 */
export function useStatus(ask = true): { status?: Status; error?: string; refresh: () => void } {
  const [status, setStatus] = useState<Status>();
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!ask) return;
    sendMessage('getStatus').then(
      (s) => {
        setStatus(s);
        setError(undefined);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [tick, ask]);
  return { status, error, refresh: () => setTick((t) => t + 1) };
}
