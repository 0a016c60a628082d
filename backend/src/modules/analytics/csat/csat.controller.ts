import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor, VisitorRoute } from '../../../common/access/index.ts';
import { uuidParam } from '../../../common/errors/uuid-param.pipe.ts';
import { RateConversationRequest, RatingResponse } from '../dto/rate-conversation.request.ts';
import { ConversationRating } from './rate-conversation.use-case.ts';

/** The widget's post-chat survey (CSAT): the visitor rates their closed conversation 1–5, with an optional comment. */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('api/v1/conversations/:id/rating')
export class CsatController {
  constructor(private readonly rating: ConversationRating) {}

  @Post()
  @VisitorRoute()
  @ApiCreatedResponse({ type: RatingResponse, description: 'Stored; 200 when the same rating had been stored before' })
  async rate(
    @Param('id', uuidParam('id')) id: string,
    @Body() request: RateConversationRequest,
    @CurrentActor() visitor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RatingResponse> {
    const { stored, duplicate } = await this.rating.rate(visitor, { conversationId: id, ...request });
    if (duplicate) reply.status(200);
    return {
      conversationId: stored.conversationId,
      rating: stored.rating,
      comment: stored.maskedComment,
      ratedAt: stored.ratedAt.toISOString(),
    };
  }
}
