import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { uuidParam } from '../../common/errors/uuid-param.pipe.ts';
import { AgentAssist } from './agent-assist.service.ts';
import { AssistResponse } from './dto/assist.response.ts';

/** Agent assist for the console: suggested knowledge answers and the customer's mood, for the live conversation. */
@ApiTags('assist')
@ApiBearerAuth()
@Controller('api/v1/assist/conversations')
export class AssistController {
  constructor(private readonly assist: AgentAssist) {}

  @Get(':id')
  @RequirePermission(Permission.ConversationsHandle)
  @ApiOkResponse({
    type: AssistResponse,
    description: "Top three published answers for the customer's last message; for its agent or a supervisor",
  })
  async suggest(@Param('id', uuidParam('id')) id: string, @CurrentActor() staff: Actor): Promise<AssistResponse> {
    return AssistResponse.of(await this.assist.suggest(staff, id));
  }
}
