import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { maskEntityValue } from '../privacy/index.ts';
import { ActivateModelRequest, ModelStatusResponse } from './dto/model-status.dto.ts';
import { ParseMessageRequest, ParseMessageResponse } from './dto/parse-message.dto.ts';
import { ModelActivation } from './model-activation.service.ts';
import { ModelRegistry } from './model-registry.ts';
import { NluService } from './nlu.service.ts';

@ApiTags('nlu')
@ApiBearerAuth()
@Controller('api/v1/nlu')
export class NluController {
  constructor(
    private readonly nlu: NluService,
    private readonly models: ModelRegistry,
    private readonly activation: ModelActivation,
  ) {}

  /** Trainers try a message against the live models. */
  @Post('parse')
  @HttpCode(200)
  @RequirePermission(Permission.ModelsTrain)
  async parse(@Body() request: ParseMessageRequest): Promise<ParseMessageResponse> {
    const understanding = await this.nlu.understand(request.text, request.language);
    return {
      ...understanding,
      entities: understanding.entities.map((entity) => ({
        type: entity.type,
        start: entity.start,
        end: entity.end,
        value: maskEntityValue(entity.type, entity.value),
        currency: entity.currency,
      })),
    };
  }

  @Get('models')
  @RequirePermission(Permission.ModelsTrain)
  list(): ModelStatusResponse[] {
    return this.models.statuses();
  }

  @Post('models/:name/activate')
  @HttpCode(200)
  @RequirePermission(Permission.ModelsActivate)
  activate(
    @CurrentActor() actor: Actor,
    @Param('name') name: string,
    @Body() request: ActivateModelRequest,
  ): Promise<ModelStatusResponse> {
    return this.activation.activate(actor, name, request.package);
  }

  @Post('models/:name/rollback')
  @HttpCode(200)
  @RequirePermission(Permission.ModelsActivate)
  rollback(@CurrentActor() actor: Actor, @Param('name') name: string): Promise<ModelStatusResponse> {
    return this.activation.rollback(actor, name);
  }
}
