import { useCallback, useState } from 'react';
import type { MyRouting } from '../../api/kefu-api.ts';
import { useStaff } from '../../shell/staff-context.tsx';
import { usePolling } from '../../shell/use-polling.ts';

const INTERVAL_MS = 3_000;

/** The agent's presence, load and assigned conversations, refreshed every few seconds and on demand. */
export function useMyRouting(): { routing?: MyRouting; failed: boolean; refresh(): Promise<void> } {
  const { api } = useStaff();
  const [routing, setRouting] = useState<MyRouting>();
  const [failed, setFailed] = useState(false);
  const refresh = useCallback(async () => {
    try {
      setRouting(await api.myRouting());
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [api]);
  usePolling(refresh, INTERVAL_MS, api);
  return { routing, failed, refresh };
}
