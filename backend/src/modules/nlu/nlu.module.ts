import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.ts';
import { ObservabilityModule } from '../observability/index.ts';
import { ActivationProposalRepository } from './activation-proposal.repository.ts';
import { ActivationProposalsController } from './activation-proposals.controller.ts';
import { ActivationProposals } from './activation-proposals.service.ts';
import { ActiveModelRepository } from './active-model.repository.ts';
import { ActiveModelFollower } from './active-model-follower.ts';
import { ApproveActivation } from './approve-activation.use-case.ts';
import { ModelActivation } from './model-activation.service.ts';
import { ModelRegistry } from './model-registry.ts';
import { NluController } from './nlu.controller.ts';
import { NluService } from './nlu.service.ts';

@Module({
  imports: [ObservabilityModule, AuditModule],
  controllers: [NluController, ActivationProposalsController],
  providers: [
    ModelRegistry,
    NluService,
    ModelActivation,
    ActiveModelRepository,
    ActiveModelFollower,
    ActivationProposalRepository,
    ActivationProposals,
    ApproveActivation,
  ],
  exports: [NluService, ModelRegistry, ModelActivation],
})
export class NluModule {}
