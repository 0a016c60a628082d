import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor, VisitorRoute } from '../../../common/access/index.ts';
import { uuidParam } from '../../../common/errors/uuid-param.pipe.ts';
import { Conversations } from '../conversations.service.ts';
import { conversationView, HistoryResponse, SendResultResponse } from '../dto/chat-message.response.ts';
import { HistoryQuery } from '../dto/history.query.ts';
import { SendMessageRequest } from '../dto/send-message.request.ts';
import { StartConversationRequest } from '../dto/start-conversation.request.ts';

/**
 * The open REST API for a bank's app or portal, and the widget's HTTP fallback: start a conversation, send with a
 * client message id (resends are answered, not stored twice), and read what follows a seq (resume after a
 * disconnect). Replies that come later (an agent's) reach an app through signed webhooks.
 */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('api/v1/conversations')
export class ConversationsController {
  constructor(private readonly conversations: Conversations) {}

  @Post()
  @VisitorRoute()
  @ApiCreatedResponse({ type: HistoryResponse, description: 'The new conversation with the greeting' })
  async start(@Body() request: StartConversationRequest, @CurrentActor() visitor: Actor): Promise<HistoryResponse> {
    const { conversation, messages } = await this.conversations.start(visitor, request);
    return { conversation: conversationView(conversation), messages };
  }

  @Post(':id/messages')
  @VisitorRoute()
  @ApiCreatedResponse({ type: SendResultResponse, description: 'Stored; 200 instead when it was a resend' })
  async send(
    @Param('id', uuidParam('id')) id: string,
    @Body() request: SendMessageRequest,
    @CurrentActor() visitor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SendResultResponse> {
    const result = await this.conversations.send(visitor, id, request.clientMessageId, request.text);
    if (result.duplicate) reply.status(200);
    return { ...result, conversation: conversationView(result.conversation) };
  }

  @Get(':id/messages')
  @VisitorRoute()
  @HttpCode(200)
  @ApiOkResponse({ type: HistoryResponse })
  async history(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: HistoryQuery,
    @CurrentActor() visitor: Actor,
  ): Promise<HistoryResponse> {
    const { conversation, messages } = await this.conversations.history(visitor, id, query.afterSeq, query.limit);
    return { conversation: conversationView(conversation), messages };
  }
}
