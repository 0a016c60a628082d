/** The model API's shapes as the console uses them (backend/src/modules/nlu/dto). */

export interface ModelStatus {
  name: string;
  version: string;
  task: string;
  previousVersion?: string;
  metrics: Record<string, number>;
}

export type ProposalState = 'pending' | 'approved' | 'rejected';

export interface ActivationProposal {
  id: string;
  model: string;
  package: string;
  note: string | null;
  proposedBy: string;
  proposedByName: string | null;
  state: ProposalState;
  decidedBy: string | null;
  decisionNote: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** POST /api/v1/nlu/activation-proposals/{id}/approve: the proposal, now approved, and the model as it serves. */
export interface ApprovedActivation extends ActivationProposal {
  serving: ModelStatus;
}
