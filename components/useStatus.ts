import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type Status } from '@/lib/messaging';

/** The background's status, asked once when the page opens and again on `refresh()`. */
export function useStatus(): { status?: Status; error?: string; refresh: () => void } {
  const [status, setStatus] = useState<Status>();
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    sendMessage('getStatus').then(
      (s) => {
        setStatus(s);
        setError(undefined);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [tick]);
  return { status, error, refresh: () => setTick((t) => t + 1) };
}
