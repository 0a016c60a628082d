import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/index.ts';
import { AuditAction, AuditOutcome, AuditTrail } from '../audit/index.ts';
import { ActivationProposalRepository, type StoredProposal } from './activation-proposal.repository.ts';
import { ModelActivation } from './model-activation.service.ts';
import { PackageNotFoundError, ProposalDecidedError, ProposalNotFoundError } from './nlu.errors.ts';
import type { ProposalState } from './proposal-state.ts';

export interface ProposeActivationCommand {
  proposer: Actor;
  model: string;
  package: string;
  note?: string;
}

/**
 * The trainer's side of maker-checker for models: proposals are written (audited in the same transaction), listed
 * and rejected here; approving one activates the package and is the ApproveActivation use case.
 */
@Injectable()
export class ActivationProposals {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly proposals: ActivationProposalRepository,
    private readonly activation: ModelActivation,
    private readonly audit: AuditTrail,
  ) {}

  async propose(command: ProposeActivationCommand): Promise<StoredProposal> {
    if (!this.activation.packageExists(command.package)) throw new PackageNotFoundError(command.package);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await this.proposals.insert(manager, {
        id,
        modelName: command.model,
        package: command.package,
        note: command.note ?? null,
        proposedBy: command.proposer.id,
        proposedByName: command.proposer.username ?? null,
      });
      await this.audit.record(
        {
          actor: command.proposer,
          action: AuditAction.ModelActivationPropose,
          outcome: AuditOutcome.Success,
          target: { type: 'model', id: command.model },
          details: { proposal: id, package: command.package },
        },
        manager,
      );
    });
    return this.get(id);
  }

  /** Anyone holding models.activate may reject, the proposer included (withdrawing their own proposal). */
  async reject(actor: Actor, id: string, reason: string): Promise<StoredProposal> {
    await this.dataSource.transaction(async (manager) => {
      const proposal = await this.proposals.byId(id, manager);
      if (!proposal) throw new ProposalNotFoundError(id);
      const decided = await this.proposals.decide(manager, id, {
        state: 'rejected',
        decidedBy: actor.id,
        note: reason,
      });
      if (!decided) throw new ProposalDecidedError(id, proposal.state);
      await this.audit.record(
        {
          actor,
          action: AuditAction.ModelActivationReject,
          outcome: AuditOutcome.Success,
          target: { type: 'model', id: proposal.modelName },
          details: { proposal: id, package: proposal.package, proposedBy: proposal.proposedBy },
        },
        manager,
      );
    });
    return this.get(id);
  }

  async get(id: string): Promise<StoredProposal> {
    const proposal = await this.proposals.byId(id);
    if (!proposal) throw new ProposalNotFoundError(id);
    return proposal;
  }

  list(state: ProposalState | undefined, limit: number): Promise<StoredProposal[]> {
    return this.proposals.list(state, limit);
  }
}
