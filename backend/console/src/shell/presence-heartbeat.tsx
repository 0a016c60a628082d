import { useState } from 'react';
import { useStaff } from './staff-context.tsx';
import { usePolling } from './use-polling.ts';

/** Until the first answer says what the server's timeout is. */
const FIRST_INTERVAL_MS = 30_000;

/**
 * Tells routing the console is open, on every screen: an online or busy agent not heard from for the server's
 * presence timeout (KEFU_ROUTING_PRESENCE_TIMEOUT_SECONDS) is set offline, so an agent working tickets or the
 * knowledge base must not look gone. Asks four times per timeout, at most every 30 s (the workspace asks more often
 * anyway). The shell renders it only for staff who serve customers; it renders nothing.
 */
export function PresenceHeartbeat(): null {
  const { api } = useStaff();
  const [intervalMs, setIntervalMs] = useState(FIRST_INTERVAL_MS);
  usePolling(
    async () => {
      const { presenceTimeoutSeconds } = await api.myRouting();
      setIntervalMs(Math.min(FIRST_INTERVAL_MS, (presenceTimeoutSeconds * 1000) / 4));
    },
    intervalMs,
    api,
  );
  return null;
}
