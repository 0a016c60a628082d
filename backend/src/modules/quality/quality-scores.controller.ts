import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { uuidParam } from '../../common/errors/uuid-param.pipe.ts';
import { conversationView, HistoryResponse, TranscriptReads } from '../conversations/index.ts';
import { ScoreResponse } from './dto/quality.responses.ts';
import { ScoreConversationRequest } from './dto/score-conversation.request.ts';
import { ConversationNotScoredError, ScorecardNotFoundError } from './quality.errors.ts';
import { QualityRepository } from './quality.repository.ts';
import { QualityScoring } from './quality-scoring.service.ts';

/** A reviewer reads this many messages at most; agents' conversations are far shorter. */
const TRANSCRIPT_LIMIT = 1000;

/** The scores of closed conversations and their transcripts, for quality reviewers. */
@ApiTags('quality')
@ApiBearerAuth()
@Controller('api/v1/quality/conversations/:id')
export class QualityScoresController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: QualityRepository,
    private readonly scoring: QualityScoring,
    private readonly transcripts: TranscriptReads,
  ) {}

  @Get('scores')
  @RequirePermission(Permission.QualityReview)
  async list(@Param('id', uuidParam('id')) id: string): Promise<ScoreResponse[]> {
    return (await this.repository.scoresOf(id)).map(ScoreResponse.of);
  }

  /** Scores (again) now: with another scorecard, or after the rules changed. */
  @Post('scores')
  @HttpCode(201)
  @RequirePermission(Permission.QualityReview)
  async score(
    @Param('id', uuidParam('id')) id: string,
    @Body() request: ScoreConversationRequest,
  ): Promise<ScoreResponse> {
    const score = await this.dataSource.transaction((manager) => this.scoring.score(manager, id, request.scorecardId));
    if (!score) throw new ScorecardNotFoundError('marked as default');
    return ScoreResponse.of(score);
  }

  /**
   * What the reviewer judges: the transcript of a scored conversation, personal data masked as on every screen. Only
   * scored conversations: quality review is no way to read conversations at large. Each reading is audited.
   */
  @Get('transcript')
  @RequirePermission(Permission.QualityReview)
  async transcript(
    @Param('id', uuidParam('id')) id: string,
    @CurrentActor() reviewer: Actor,
  ): Promise<HistoryResponse> {
    if ((await this.repository.scoresOf(id)).length === 0) throw new ConversationNotScoredError(id);
    const page = { afterSeq: 0, limit: TRANSCRIPT_LIMIT };
    const { conversation, messages } = await this.transcripts.read(reviewer, id, page, 'quality-review');
    return { conversation: conversationView(conversation), messages };
  }
}
