/**
 * Fills a canned reply's `{variables}` with what the workspace knows. A variable it does not know (a customer's name
 * while conversations link no profile, a ticket number before a ticket exists, a misspelt name) stays in the text as
 * written and is reported, so the agent sees it and completes it, rather than a customer reading a gap.
 */
export function fillCannedVariables(
  body: string,
  values: Record<string, string | undefined>,
): { text: string; unfilled: string[] } {
  const unfilled = new Set<string>();
  const text = body.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined || value === '') {
      unfilled.add(whole);
      return whole;
    }
    return value;
  });
  return { text, unfilled: [...unfilled] };
}

/** The variables a canned reply may use (docs/conversations.md), in the order the editor offers them. */
export const cannedVariableNames = ['customerName', 'agentName', 'ticketNumber', 'date', 'time'] as const;

/**
 * What the workspace knows when an agent inserts a reply: their own name and the moment. The supervisor's preview uses
 * the same values, so it shows what an agent will see, gaps included.
 */
export function knownCannedValues(agentName: string | undefined, now: Date): Record<string, string | undefined> {
  return { agentName, date: now.toLocaleDateString(), time: now.toLocaleTimeString() };
}
