import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { FieldKeyPipe } from './dto/field-key.pipe.ts';
import { TicketFieldRequest, TicketFieldResponse } from './dto/ticket-field.dto.ts';
import { TicketFields } from './ticket-fields.service.ts';

/** Custom ticket fields, defined as data: read by whoever works tickets, changed by supervisors and administrators. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/v1/tickets/fields')
export class TicketFieldsController {
  constructor(private readonly fields: TicketFields) {}

  @Get()
  @RequirePermission(Permission.TicketsHandle)
  @ApiOkResponse({ type: [TicketFieldResponse] })
  list(): Promise<TicketFieldResponse[]> {
    return this.fields.list();
  }

  @Put(':key')
  @RequirePermission(Permission.TicketsConfigure)
  @ApiOkResponse({ type: TicketFieldResponse, description: 'Created or replaced; audited' })
  define(
    @CurrentActor() actor: Actor,
    @Param('key', FieldKeyPipe) key: string,
    @Body() request: TicketFieldRequest,
  ): Promise<TicketFieldResponse> {
    return this.fields.define(actor, {
      key,
      label: request.label,
      type: request.type,
      options: request.type === 'choice' ? request.options : [],
      required: request.required,
    });
  }

  @Delete(':key')
  @HttpCode(204)
  @RequirePermission(Permission.TicketsConfigure)
  @ApiNoContentResponse({ description: 'Removed; values already on tickets stay in their history' })
  remove(@CurrentActor() actor: Actor, @Param('key', FieldKeyPipe) key: string): Promise<void> {
    return this.fields.remove(actor, key);
  }
}
