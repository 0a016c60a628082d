import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Loads when mounted and whenever `key` (a string naming what is loaded) changes; `reload` loads again, after a change
 * the screen made itself. An answer that arrives after the key changed is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>, key: string) {
  const latest = useRef(load);
  latest.current = load;
  const [data, setData] = useState<T>();
  const [failed, setFailed] = useState(false);
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and `round` start a load; `load` is read by ref.
  useEffect(() => {
    let current = true;
    setFailed(false);
    latest.current().then(
      (loaded) => current && setData(loaded),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((previous) => previous + 1), []);
  return { data, failed, reload };
}
