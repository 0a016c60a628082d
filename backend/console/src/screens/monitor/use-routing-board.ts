import { useState } from 'react';
import type { QueueEntry, RoutingAgent, RoutingGroup } from '../../api/kefu-api.ts';
import { useStaff } from '../../shell/staff-context.tsx';
import { usePolling } from '../../shell/use-polling.ts';

export interface RoutingBoard {
  conversations: QueueEntry[];
  agents: RoutingAgent[];
  groups: RoutingGroup[];
}

/** The live board, the agents and the groups, asked again every `intervalMs` (all three without personal data). */
export function useRoutingBoard(intervalMs: number): { board?: RoutingBoard; failed: boolean; refresh(): void } {
  const { api } = useStaff();
  const [board, setBoard] = useState<RoutingBoard>();
  const [failed, setFailed] = useState(false);
  const [round, setRound] = useState(0);
  usePolling(
    async () => {
      try {
        const [conversations, agents, groups] = await Promise.all([
          api.liveConversations(),
          api.routingAgents(),
          api.routingGroups(),
        ]);
        setBoard({ conversations, agents, groups });
        setFailed(false);
      } catch (error) {
        setFailed(true);
        throw error;
      }
    },
    intervalMs,
    `${round}`,
  );
  return { board, failed, refresh: () => setRound((value) => value + 1) };
}
