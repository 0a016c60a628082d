import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { AgentPresence } from './agent-presence.service.ts';
import { AgentIdPipe } from './dto/agent-id.pipe.ts';
import { CapacityRequest, PresenceRequest } from './dto/presence.request.ts';
import {
  AgentResponse,
  GroupResponse,
  MyRoutingResponse,
  QueueEntryResponse,
  RoutingSettingsResponse,
} from './dto/routing.responses.ts';
import { RoutingGroups } from './routing-groups.service.ts';

/** Agents' presence (their own) and capacity (a supervisor's decision); the managers' view of all of routing. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('api/v1/routing')
export class RoutingAgentsController {
  constructor(
    private readonly presence: AgentPresence,
    private readonly groups: RoutingGroups,
  ) {}

  @Get('settings')
  @RequirePermission(Permission.RoutingManage)
  @ApiOkResponse({ type: RoutingSettingsResponse, description: 'Every group and every agent routing knows' })
  async settings(): Promise<RoutingSettingsResponse> {
    const [groups, agents] = await Promise.all([this.groups.list(), this.presence.list()]);
    return { groups: groups.map(GroupResponse.of), agents: agents.map(AgentResponse.of) };
  }

  @Get('me')
  @RequirePermission(Permission.ConversationsHandle)
  @ApiOkResponse({ type: MyRoutingResponse })
  async me(@CurrentActor() agent: Actor): Promise<MyRoutingResponse> {
    const mine = await this.presence.me(agent);
    return {
      agent: AgentResponse.of(mine.agent),
      assigned: mine.assigned.map((entry) => QueueEntryResponse.of(entry)),
      presenceTimeoutSeconds: mine.presenceTimeoutSeconds,
    };
  }

  @Put('me/presence')
  @RequirePermission(Permission.ConversationsHandle)
  @ApiOkResponse({ type: AgentResponse })
  async setPresence(@CurrentActor() agent: Actor, @Body() request: PresenceRequest): Promise<AgentResponse> {
    return AgentResponse.of(await this.presence.setPresence(agent, request.presence));
  }

  @Get('agents')
  @RequirePermission(Permission.ConversationsHandle)
  @ApiOkResponse({ type: [AgentResponse], description: 'Everyone routing knows, with presence and load' })
  async list(): Promise<AgentResponse[]> {
    return (await this.presence.list()).map(AgentResponse.of);
  }

  @Put('agents/:agentId/capacity')
  @RequirePermission(Permission.RoutingManage)
  @ApiOkResponse({ type: AgentResponse, description: 'Audited as routing.change' })
  async setCapacity(
    @CurrentActor() actor: Actor,
    @Param('agentId', AgentIdPipe) agentId: string,
    @Body() request: CapacityRequest,
  ): Promise<AgentResponse> {
    return AgentResponse.of(await this.presence.setCapacity(actor, agentId, request.capacity));
  }
}
