/** The model API's shapes as the console uses them (backend/src/modules/nlu/dto). */
import type { ModelStatus } from '../../../src/modules/nlu/model-status.ts';
import type { ProposalState } from '../../../src/modules/nlu/proposal-state.ts';

export type { ModelStatus, ProposalState };

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
