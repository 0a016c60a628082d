import { useEffect, useRef } from 'react';

/**
 * Runs `tick` now and then every `intervalMs` until the component unmounts or `key` changes; a tick never overlaps the
 * previous one. Polling is the first step: a push channel (the console's own Socket.IO namespace) is a later one.
 */
export function usePolling(tick: () => Promise<void>, intervalMs: number, key: unknown): void {
  const latest = useRef(tick);
  latest.current = tick;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` restarts the loop; `tick` is read through a ref.
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      await latest.current().catch(() => undefined);
      if (!stopped) timer = setTimeout(run, intervalMs);
    };
    void run();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [key, intervalMs]);
}
