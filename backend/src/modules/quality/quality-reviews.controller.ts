import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { slugParam } from '../../common/errors/slug-param.pipe.ts';
import { uuidParam } from '../../common/errors/uuid-param.pipe.ts';
import {
  AppealRequest,
  DecideAppealRequest,
  RequestReviewRequest,
  ReviewQuery,
  SubmitReviewRequest,
} from './dto/review.requests.ts';
import { type QualityReview, QualityReviewRepository } from './quality-review.repository.ts';
import { QualityReviews } from './quality-reviews.service.ts';

/** Reviewers' queue and reviews (复核), agents' appeals (申诉) and their decisions. */
@ApiTags('quality')
@ApiBearerAuth()
@Controller('api/v1/quality')
export class QualityReviewsController {
  constructor(
    private readonly reviews: QualityReviews,
    private readonly repository: QualityReviewRepository,
  ) {}

  @Get('reviews')
  @RequirePermission(Permission.QualityReview)
  list(@Query() query: ReviewQuery): Promise<QualityReview[]> {
    return this.repository.inState(query.state ?? 'pending', query.limit ?? 50);
  }

  /** Puts a score in the reviewers' queue by hand. */
  @Post('reviews')
  @HttpCode(201)
  @RequirePermission(Permission.QualityReview)
  request(@Body() request: RequestReviewRequest): Promise<QualityReview> {
    return this.reviews.request(request);
  }

  @Post('reviews/:conversationId/:scorecardId/review')
  @HttpCode(200)
  @RequirePermission(Permission.QualityReview)
  review(
    @CurrentActor() actor: Actor,
    @Param('conversationId', uuidParam('conversationId')) conversationId: string,
    @Param('scorecardId', slugParam('scorecardId')) scorecardId: string,
    @Body() request: SubmitReviewRequest,
  ): Promise<QualityReview> {
    return this.reviews.review(actor, { conversationId, scorecardId }, request);
  }

  /** The agent who served the conversation disputes the review. */
  @Post('reviews/:conversationId/:scorecardId/appeal')
  @HttpCode(200)
  @RequirePermission(Permission.ConversationsHandle)
  appeal(
    @CurrentActor() actor: Actor,
    @Param('conversationId', uuidParam('conversationId')) conversationId: string,
    @Param('scorecardId', slugParam('scorecardId')) scorecardId: string,
    @Body() request: AppealRequest,
  ): Promise<QualityReview> {
    return this.reviews.appeal(actor, { conversationId, scorecardId }, request.reason);
  }

  @Post('reviews/:conversationId/:scorecardId/decision')
  @HttpCode(200)
  @RequirePermission(Permission.QualityReview)
  decide(
    @CurrentActor() actor: Actor,
    @Param('conversationId', uuidParam('conversationId')) conversationId: string,
    @Param('scorecardId', slugParam('scorecardId')) scorecardId: string,
    @Body() request: DecideAppealRequest,
  ): Promise<QualityReview> {
    return this.reviews.decide(actor, { conversationId, scorecardId }, request);
  }

  /** An agent's own scores, newest first, each with its review and appeal. */
  @Get('my-scores')
  @RequirePermission(Permission.ConversationsHandle)
  myScores(@CurrentActor() actor: Actor) {
    return this.repository.scoresOfAgent(actor.id, 100);
  }
}
