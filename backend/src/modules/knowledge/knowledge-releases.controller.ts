import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { intParam } from '../../common/errors/int-param.pipe.ts';
import { uuidParam } from '../../common/errors/uuid-param.pipe.ts';
import { PublishReleaseRequest, RollbackReleaseRequest } from './dto/decision.request.ts';
import { JobStatusResponse } from './dto/job-status.response.ts';
import { ListItemsQuery } from './dto/list-items.query.ts';
import { KnowledgeItemResponse, ReleaseResponse, ReleaseSummaryResponse } from './dto/release.response.ts';
import { KnowledgeReleases } from './knowledge-releases.service.ts';
import { PublishRelease } from './publish-release.use-case.ts';
import { RollbackRelease } from './rollback-release.use-case.ts';

/** Approvers publish and roll back; both sides read releases, their diffs, the published items and retraining. */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge')
export class KnowledgeReleasesController {
  constructor(
    private readonly releases: KnowledgeReleases,
    private readonly publishRelease: PublishRelease,
    private readonly rollbackRelease: RollbackRelease,
  ) {}

  @Post('releases')
  @RequirePermission(Permission.KnowledgeApprove)
  @ApiCreatedResponse({ type: ReleaseResponse, description: 'Refused with 403 self_approval if you wrote a draft' })
  async publish(@CurrentActor() actor: Actor, @Body() request: PublishReleaseRequest): Promise<ReleaseResponse> {
    const release = await this.publishRelease.execute({
      approver: actor,
      draftIds: request.draftIds,
      note: request.note,
    });
    return ReleaseResponse.full(release, await this.releases.trainingsOf(release.number));
  }

  @Get('releases')
  @RequirePermission(Permission.KnowledgeRead)
  @ApiOkResponse({ type: [ReleaseSummaryResponse] })
  async list(): Promise<ReleaseSummaryResponse[]> {
    return (await this.releases.list(200)).map(ReleaseSummaryResponse.of);
  }

  @Get('releases/:number')
  @RequirePermission(Permission.KnowledgeRead)
  @ApiOkResponse({ type: ReleaseResponse })
  async get(@Param('number', intParam('number')) number: number): Promise<ReleaseResponse> {
    const { release, trainings } = await this.releases.get(number);
    return ReleaseResponse.full(release, trainings);
  }

  @Post('releases/:number/rollback')
  @RequirePermission(Permission.KnowledgeApprove)
  @ApiCreatedResponse({ type: ReleaseResponse, description: 'A new release equal to release {number}' })
  async rollback(
    @CurrentActor() actor: Actor,
    @Param('number', intParam('number')) number: number,
    @Body() request: RollbackReleaseRequest,
  ): Promise<ReleaseResponse> {
    const { release, models } = await this.rollbackRelease.execute(actor, number, request.note);
    return ReleaseResponse.full(release, [], models);
  }

  @Get('items')
  @RequirePermission(Permission.KnowledgeRead)
  @ApiOkResponse({ type: [KnowledgeItemResponse], description: 'The items of the current release' })
  async items(@Query() query: ListItemsQuery): Promise<KnowledgeItemResponse[]> {
    return (await this.releases.publishedItems(query)).map(KnowledgeItemResponse.of);
  }

  @Get('items/:id')
  @RequirePermission(Permission.KnowledgeRead)
  @ApiOkResponse({ type: KnowledgeItemResponse })
  async item(@Param('id') id: string): Promise<KnowledgeItemResponse> {
    return KnowledgeItemResponse.of(await this.releases.publishedItem(id));
  }

  @Get('jobs/:id')
  @RequirePermission(Permission.KnowledgeRead)
  @ApiOkResponse({ type: JobStatusResponse, description: 'Progress of a retraining job' })
  async job(@Param('id', uuidParam('id')) id: string): Promise<JobStatusResponse> {
    return JobStatusResponse.of(await this.releases.job(id));
  }
}
