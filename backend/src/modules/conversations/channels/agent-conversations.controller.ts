import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../../common/access/index.ts';
import { uuidParam } from '../../../common/errors/uuid-param.pipe.ts';
import { AgentConversations } from '../agent-conversations.service.ts';
import { AgentSendResultResponse } from '../dto/agent-send-result.response.ts';
import { ConversationResponse, conversationView, HistoryResponse } from '../dto/chat-message.response.ts';
import { CloseConversationRequest } from '../dto/close-conversation.request.ts';
import { HistoryQuery } from '../dto/history.query.ts';
import { SendMessageRequest } from '../dto/send-message.request.ts';
import { TranscriptReads } from '../transcript-reads.service.ts';

/**
 * The agent's side of a conversation routing gave them: read it, reply (idempotent by client message id, pushed to
 * the customer's widget live) and close it with a disposition and a summary.
 */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('api/v1/agent/conversations')
export class AgentConversationsController {
  constructor(
    private readonly conversations: AgentConversations,
    private readonly transcripts: TranscriptReads,
  ) {}

  @Get(':id/messages')
  @RequirePermission(Permission.ConversationsHandle)
  @ApiOkResponse({ type: HistoryResponse, description: 'For the agent serving (or who served) it, or a supervisor' })
  async history(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: HistoryQuery,
    @CurrentActor() staff: Actor,
  ): Promise<HistoryResponse> {
    await this.conversations.readable(staff, id);
    const { conversation, messages } = await this.transcripts.read(staff, id, query, 'agent-console');
    return { conversation: conversationView(conversation), messages };
  }

  @Post(':id/messages')
  @RequirePermission(Permission.ConversationsHandle)
  @ApiCreatedResponse({ type: AgentSendResultResponse, description: 'Stored; 200 instead when it was a resend' })
  async reply(
    @Param('id', uuidParam('id')) id: string,
    @Body() request: SendMessageRequest,
    @CurrentActor() agent: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AgentSendResultResponse> {
    const result = await this.conversations.reply(agent, id, request.clientMessageId, request.text);
    if (result.duplicate) reply.status(200);
    return { ...result, conversation: conversationView(result.conversation) };
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequirePermission(Permission.ConversationsHandle)
  @ApiOkResponse({ type: ConversationResponse })
  async close(
    @Param('id', uuidParam('id')) id: string,
    @Body() request: CloseConversationRequest,
    @CurrentActor() agent: Actor,
  ): Promise<ConversationResponse> {
    return conversationView(await this.conversations.close(agent, id, request.disposition, request.summary));
  }
}
