import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Permission, RequirePermission } from '../../common/access/index.ts';
import { uuidParam } from '../../common/errors/uuid-param.pipe.ts';
import { ScoreResponse } from './dto/quality.responses.ts';
import { ScoreConversationRequest } from './dto/score-conversation.request.ts';
import { ScorecardNotFoundError } from './quality.errors.ts';
import { QualityRepository } from './quality.repository.ts';
import { QualityScoring } from './quality-scoring.service.ts';

/** The scores of closed conversations, for quality reviewers. */
@ApiTags('quality')
@ApiBearerAuth()
@Controller('api/v1/quality/conversations/:id/scores')
export class QualityScoresController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: QualityRepository,
    private readonly scoring: QualityScoring,
  ) {}

  @Get()
  @RequirePermission(Permission.QualityReview)
  async list(@Param('id', uuidParam('id')) id: string): Promise<ScoreResponse[]> {
    return (await this.repository.scoresOf(id)).map(ScoreResponse.of);
  }

  /** Scores (again) now: with another scorecard, or after the rules changed. */
  @Post()
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
}
