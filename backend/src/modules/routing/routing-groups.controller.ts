import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { uuidParam } from '../../common/errors/uuid-param.pipe.ts';
import { AgentIdPipe } from './dto/agent-id.pipe.ts';
import { CreateGroupRequest, UpdateGroupRequest } from './dto/group.request.ts';
import { GroupResponse } from './dto/routing.responses.ts';
import { RoutingGroups } from './routing-groups.service.ts';

/** Skill groups: supervisors and system administrators create them, pick strategy and hours, and staff them. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('api/v1/routing/groups')
export class RoutingGroupsController {
  constructor(private readonly groups: RoutingGroups) {}

  @Post()
  @RequirePermission(Permission.RoutingManage)
  @ApiCreatedResponse({ type: GroupResponse, description: 'Audited as routing.change' })
  async create(@CurrentActor() actor: Actor, @Body() request: CreateGroupRequest): Promise<GroupResponse> {
    return GroupResponse.of(await this.groups.create(actor, request));
  }

  @Get()
  @RequirePermission(Permission.ConversationsHandle)
  @ApiOkResponse({ type: [GroupResponse], description: 'Also what an agent picks a transfer target from' })
  async list(): Promise<GroupResponse[]> {
    return (await this.groups.list()).map(GroupResponse.of);
  }

  @Patch(':id')
  @RequirePermission(Permission.RoutingManage)
  @ApiOkResponse({ type: GroupResponse })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() request: UpdateGroupRequest,
  ): Promise<GroupResponse> {
    return GroupResponse.of(await this.groups.update(actor, id, request));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.RoutingManage)
  @ApiNoContentResponse({ description: '409 while conversations wait in it or are served through it' })
  async delete(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.groups.delete(actor, id);
  }

  @Put(':id/members/:agentId')
  @RequirePermission(Permission.RoutingManage)
  @ApiOkResponse({ type: GroupResponse, description: 'Idempotent' })
  async addMember(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('agentId', AgentIdPipe) agentId: string,
  ): Promise<GroupResponse> {
    return GroupResponse.of(await this.groups.addMember(actor, id, agentId));
  }

  @Delete(':id/members/:agentId')
  @RequirePermission(Permission.RoutingManage)
  @ApiOkResponse({ type: GroupResponse, description: 'Conversations already assigned stay with the agent' })
  async removeMember(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('agentId', AgentIdPipe) agentId: string,
  ): Promise<GroupResponse> {
    return GroupResponse.of(await this.groups.removeMember(actor, id, agentId));
  }
}
