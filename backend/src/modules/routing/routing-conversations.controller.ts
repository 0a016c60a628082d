import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { uuidParam } from '../../common/errors/uuid-param.pipe.ts';
import { ConversationTransfer } from './conversation-transfer.use-case.ts';
import { LiveQuery } from './dto/live.query.ts';
import { QueueEntryResponse } from './dto/routing.responses.ts';
import { TransferRequest } from './dto/transfer.request.ts';
import { QueueStatus } from './queue-status.service.ts';

/** Live conversations for supervisors, transfer for whoever serves one, takeover for supervisors. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('api/v1/routing/conversations')
export class RoutingConversationsController {
  constructor(
    private readonly status: QueueStatus,
    private readonly transfers: ConversationTransfer,
  ) {}

  @Get()
  @RequirePermission(Permission.ConversationsSupervise)
  @ApiOkResponse({ type: [QueueEntryResponse], description: 'Waiting (with position) then assigned conversations' })
  async live(@Query() query: LiveQuery): Promise<QueueEntryResponse[]> {
    return (await this.status.live(query.groupId, query.limit)).map((entry) => QueueEntryResponse.of(entry));
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @RequirePermission(Permission.ConversationsHandle)
  @ApiOkResponse({ type: QueueEntryResponse, description: 'By the serving agent or a supervisor; audited' })
  async transfer(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() request: TransferRequest,
  ): Promise<QueueEntryResponse> {
    return QueueEntryResponse.of(await this.transfers.transfer(actor, id, request.target()));
  }

  @Post(':id/takeover')
  @HttpCode(200)
  @RequirePermission(Permission.ConversationsSupervise)
  @ApiOkResponse({ type: QueueEntryResponse, description: 'The supervisor now serves the conversation; audited' })
  async takeOver(
    @CurrentActor() supervisor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<QueueEntryResponse> {
    return QueueEntryResponse.of(await this.transfers.takeOver(supervisor, id));
  }
}
