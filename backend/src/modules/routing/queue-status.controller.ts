import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, VisitorRoute } from '../../common/access/index.ts';
import { uuidParam } from '../../common/errors/uuid-param.pipe.ts';
import { QueueStatusResponse } from './dto/routing.responses.ts';
import { QueueStatus } from './queue-status.service.ts';

/** What the widget polls while its customer waits for a person: place in the queue and estimated wait. */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('api/v1/conversations')
export class QueueStatusController {
  constructor(private readonly status: QueueStatus) {}

  @Get(':id/queue')
  @VisitorRoute()
  @ApiOkResponse({ type: QueueStatusResponse })
  forVisitor(@Param('id', uuidParam('id')) id: string, @CurrentActor() visitor: Actor): Promise<QueueStatusResponse> {
    return this.status.forVisitor(visitor, id);
  }
}
