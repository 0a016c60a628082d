import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { slugParam } from '../../common/errors/slug-param.pipe.ts';
import { RuleResponse, ScorecardResponse } from './dto/quality.responses.ts';
import { SaveRuleRequest } from './dto/save-rule.request.ts';
import { SaveScorecardRequest } from './dto/save-scorecard.request.ts';
import { QualityRepository } from './quality.repository.ts';
import { QualitySettings } from './quality-settings.use-case.ts';

/** Supervisors' inspection rules (质检规则) and scorecards (评分卡). */
@ApiTags('quality')
@ApiBearerAuth()
@Controller('api/v1/quality')
export class QualitySettingsController {
  constructor(
    private readonly repository: QualityRepository,
    private readonly settings: QualitySettings,
  ) {}

  @Get('rules')
  @RequirePermission(Permission.QualityConfigure)
  async rules(): Promise<RuleResponse[]> {
    return (await this.repository.rules()).map(RuleResponse.of);
  }

  /** Creates the rule, or replaces it with a new version; scores already made keep the version they used. */
  @Put('rules/:id')
  @RequirePermission(Permission.QualityConfigure)
  async saveRule(
    @CurrentActor() actor: Actor,
    @Param('id', slugParam('id')) id: string,
    @Body() request: SaveRuleRequest,
  ): Promise<RuleResponse> {
    return RuleResponse.of(await this.settings.saveRule(actor, id, request));
  }

  @Delete('rules/:id')
  @HttpCode(204)
  @RequirePermission(Permission.QualityConfigure)
  async deleteRule(@CurrentActor() actor: Actor, @Param('id', slugParam('id')) id: string): Promise<void> {
    await this.settings.deleteRule(actor, id);
  }

  @Get('scorecards')
  @RequirePermission(Permission.QualityConfigure)
  async scorecards(): Promise<ScorecardResponse[]> {
    return (await this.repository.scorecards()).map(ScorecardResponse.of);
  }

  @Put('scorecards/:id')
  @RequirePermission(Permission.QualityConfigure)
  async saveScorecard(
    @CurrentActor() actor: Actor,
    @Param('id', slugParam('id')) id: string,
    @Body() request: SaveScorecardRequest,
  ): Promise<ScorecardResponse> {
    return ScorecardResponse.of(await this.settings.saveScorecard(actor, id, request));
  }
}
