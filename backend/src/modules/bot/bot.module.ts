import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.ts';
import { CryptoModule } from '../crypto/index.ts';
import { KnowledgeModule } from '../knowledge/index.ts';
import { NluModule } from '../nlu/index.ts';
import { ObservabilityModule } from '../observability/index.ts';
import { BotEngine } from './bot-engine.service.ts';
import { BotFlowsController } from './bot-flows.controller.ts';
import { BotUnansweredController } from './bot-unanswered.controller.ts';
import { DialogueStateRepository } from './dialogue-state.repository.ts';
import { DialogueStateStore } from './dialogue-state.store.ts';
import { BankEndpointClient } from './flows/bank-endpoint.client.ts';
import { FlowRepository } from './flows/flow.repository.ts';
import { FlowCatalog } from './flows/flow-catalog.service.ts';
import { FlowEditing } from './flows/flow-editing.use-case.ts';
import { FlowTurns } from './flows/flow-turns.service.ts';
import { KnowledgeSuggestions } from './unanswered/knowledge-suggestions.service.ts';
import { UnansweredQuestionRepository } from './unanswered/unanswered-question.repository.ts';

/** The dialogue policy: answers, clarifications, flows, chit-chat, fallbacks and handoff decisions. */
@Module({
  imports: [AuditModule, NluModule, KnowledgeModule, CryptoModule, ObservabilityModule],
  controllers: [BotFlowsController, BotUnansweredController],
  providers: [
    BotEngine,
    DialogueStateRepository,
    DialogueStateStore,
    FlowRepository,
    FlowCatalog,
    FlowEditing,
    FlowTurns,
    BankEndpointClient,
    UnansweredQuestionRepository,
    KnowledgeSuggestions,
  ],
  exports: [BotEngine],
})
export class BotModule {}
