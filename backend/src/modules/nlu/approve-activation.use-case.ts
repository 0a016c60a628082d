import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/access/index.ts';
import { ActivationProposalRepository, type StoredProposal } from './activation-proposal.repository.ts';
import { ModelActivation } from './model-activation.service.ts';
import type { ModelStatus } from './model-status.ts';
import { ProposalDecidedError, ProposalNotFoundError, SelfActivationError } from './nlu.errors.ts';

/**
 * A second person approves a trainer's proposal: the package is verified and loaded, then one transaction marks the
 * proposal approved, records `model.activate` (with who proposed it) and the active package for every replica; only
 * then does the new version answer. If any of it fails, the proposal stays pending and the old version serves.
 */
@Injectable()
export class ApproveActivation {
  constructor(
    private readonly proposals: ActivationProposalRepository,
    private readonly activation: ModelActivation,
  ) {}

  async execute(approver: Actor, id: string): Promise<{ proposal: StoredProposal; model: ModelStatus }> {
    const proposal = await this.proposals.byId(id);
    if (!proposal) throw new ProposalNotFoundError(id);
    // Who proposed never changes, so this check needs no lock; the state is checked again inside the transaction.
    if (proposal.proposedBy === approver.id) throw new SelfActivationError(id);
    if (proposal.state !== 'pending') throw new ProposalDecidedError(id, proposal.state);
    const model = await this.activation.activate(approver, proposal.modelName, proposal.package, {
      details: { proposal: id, proposedBy: proposal.proposedBy },
      alongside: async (manager) => {
        const decided = await this.proposals.decide(manager, id, {
          state: 'approved',
          decidedBy: approver.id,
          note: null,
        });
        if (!decided) throw new ProposalDecidedError(id, 'decided');
      },
    });
    return { proposal: (await this.proposals.byId(id)) as StoredProposal, model };
  }
}
