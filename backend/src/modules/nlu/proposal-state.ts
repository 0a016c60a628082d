/** A proposal to serve another model version waits for a second person, who approves or rejects it. */
export type ProposalState = 'pending' | 'approved' | 'rejected';
export const proposalStates: readonly ProposalState[] = ['pending', 'approved', 'rejected'];
