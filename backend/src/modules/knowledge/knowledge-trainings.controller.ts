import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission, RequirePermission } from '../../common/access/index.ts';
import { ListTrainingsQuery } from './dto/list-trainings.query.ts';
import { TrainingRunResponse } from './dto/release.response.ts';
import { KnowledgeReleases } from './knowledge-releases.service.ts';

/** Trainers follow the retraining that publishing starts: progress, and the candidate's scores against the live model. */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/trainings')
export class KnowledgeTrainingsController {
  constructor(private readonly releases: KnowledgeReleases) {}

  @Get()
  @RequirePermission(Permission.ModelsTrain)
  @ApiOkResponse({ type: [TrainingRunResponse], description: 'Newest release first' })
  async list(@Query() query: ListTrainingsQuery): Promise<TrainingRunResponse[]> {
    const runs = await this.releases.recentTrainings(query.limit);
    return runs.map(({ training, job }) => TrainingRunResponse.run(training, job));
  }
}
