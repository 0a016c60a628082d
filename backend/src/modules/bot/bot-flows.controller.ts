import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { slugParam } from '../../common/errors/slug-param.pipe.ts';
import { FlowResponse } from './dto/flow.response.ts';
import { SaveFlowRequest } from './dto/save-flow.request.ts';
import { FlowNotFoundError } from './flows/flow.errors.ts';
import { FlowRepository } from './flows/flow.repository.ts';
import { FlowEditing } from './flows/flow-editing.use-case.ts';

/** Trainers' editor of the bot's flows (multi-turn forms defined as data). */
@ApiTags('bot')
@ApiBearerAuth()
@Controller('api/v1/bot/flows')
export class BotFlowsController {
  constructor(
    private readonly flows: FlowRepository,
    private readonly editing: FlowEditing,
  ) {}

  @Get()
  @RequirePermission(Permission.BotFlowsEdit)
  async list(): Promise<FlowResponse[]> {
    return (await this.flows.all()).map(FlowResponse.of);
  }

  @Get(':id')
  @RequirePermission(Permission.BotFlowsEdit)
  async get(@Param('id', slugParam('id')) id: string): Promise<FlowResponse> {
    const flow = await this.flows.byId(id);
    if (!flow) throw new FlowNotFoundError(id);
    return FlowResponse.of(flow);
  }

  /** Creates the flow, or replaces it with a new version. */
  @Put(':id')
  @RequirePermission(Permission.BotFlowsEdit)
  async save(
    @CurrentActor() actor: Actor,
    @Param('id', slugParam('id')) id: string,
    @Body() request: SaveFlowRequest,
  ): Promise<FlowResponse> {
    return FlowResponse.of(await this.editing.save(actor, id, request));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.BotFlowsEdit)
  async remove(@CurrentActor() actor: Actor, @Param('id', slugParam('id')) id: string): Promise<void> {
    await this.editing.delete(actor, id);
  }
}
