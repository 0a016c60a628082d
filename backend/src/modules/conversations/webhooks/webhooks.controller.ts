import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../../common/access/index.ts';
import { uuidParam } from '../../../common/errors/uuid-param.pipe.ts';
import { CreateWebhookRequest } from '../dto/create-webhook.request.ts';
import { CreatedWebhookResponse, WebhookResponse } from '../dto/webhook.response.ts';
import { WebhookSubscriptions } from './webhook-subscriptions.service.ts';

/** Webhook subscriptions are integration configuration: the system administrator's, audited as config changes. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(private readonly subscriptions: WebhookSubscriptions) {}

  @Post()
  @RequirePermission(Permission.SystemConfigure)
  @ApiCreatedResponse({ type: CreatedWebhookResponse })
  create(@Body() request: CreateWebhookRequest, @CurrentActor() actor: Actor): Promise<CreatedWebhookResponse> {
    return this.subscriptions.create(actor, request);
  }

  @Get()
  @RequirePermission(Permission.SystemConfigure)
  @ApiOkResponse({ type: [WebhookResponse] })
  list(): Promise<WebhookResponse[]> {
    return this.subscriptions.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.SystemConfigure)
  @ApiNoContentResponse({ description: 'Disabled; deliveries already queued are skipped' })
  async disable(@Param('id', uuidParam('id')) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.subscriptions.disable(actor, id);
  }
}
