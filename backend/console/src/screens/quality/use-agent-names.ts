import { useCallback, useEffect, useState } from 'react';
import { useStaff } from '../../shell/staff-context.tsx';

/**
 * Agents' display names by subject id, from routing. Scores and reviews carry ids only (no personal data in quality
 * records); an id routing does not know is shown shortened rather than failing the screen.
 */
export function useAgentNames(): (agentId: string | null) => string {
  const { api } = useStaff();
  const [names, setNames] = useState(new Map<string, string>());
  useEffect(() => {
    api.routingAgents().then(
      (agents) => setNames(new Map(agents.map((agent) => [agent.agentId, agent.displayName]))),
      () => undefined,
    );
  }, [api]);
  return useCallback((agentId) => (agentId ? (names.get(agentId) ?? agentId.slice(0, 8)) : '—'), [names]);
}
