import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/index.ts';
import { KnowledgeModule } from '../knowledge/index.ts';
import { NluModule } from '../nlu/index.ts';
import { AgentAssist } from './agent-assist.service.ts';
import { AssistController } from './assist.controller.ts';

/** Agent assist: knowledge answers and sentiment for the conversation an agent is serving. */
@Module({
  imports: [ConversationsModule, NluModule, KnowledgeModule],
  controllers: [AssistController],
  providers: [AgentAssist],
})
export class AssistModule {}
