import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { uuidParam } from '../../common/errors/uuid-param.pipe.ts';
import { AssignTicketRequest } from './dto/assign-ticket.request.ts';
import { CommentRequest } from './dto/comment.request.ts';
import { CreateTicketRequest } from './dto/create-ticket.request.ts';
import { EditTicketRequest } from './dto/edit-ticket.request.ts';
import { ListTicketsQuery, SlaWarningsQuery } from './dto/list-tickets.query.ts';
import { TicketCommentResponse, TicketEventResponse, TicketResponse } from './dto/ticket.response.ts';
import { TicketStatusRequest } from './dto/ticket-status.request.ts';
import { TranscriptQuery, TranscriptResponse } from './dto/transcript.dto.ts';
import { Tickets } from './tickets.service.ts';

/** Tickets (工单): create, list, change with history, comment; SLA warnings for the supervisor's board. */
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/v1/tickets')
export class TicketsController {
  constructor(private readonly tickets: Tickets) {}

  @Post()
  @RequirePermission(Permission.TicketsHandle)
  @ApiCreatedResponse({ type: TicketResponse })
  async create(@CurrentActor() actor: Actor, @Body() request: CreateTicketRequest): Promise<TicketResponse> {
    return TicketResponse.of(await this.tickets.create(actor, request));
  }

  @Get()
  @RequirePermission(Permission.TicketsHandle)
  @ApiOkResponse({ type: [TicketResponse], description: 'Newest first' })
  async list(@Query() query: ListTicketsQuery): Promise<TicketResponse[]> {
    return (await this.tickets.list(query)).map((ticket) => TicketResponse.of(ticket));
  }

  @Get('sla-warnings')
  @RequirePermission(Permission.TicketsHandle)
  @ApiOkResponse({
    type: [TicketResponse],
    description: 'Unresolved, breached or due within the window; soonest first',
  })
  async slaWarnings(@Query() query: SlaWarningsQuery): Promise<TicketResponse[]> {
    return (await this.tickets.slaWarnings(query.withinMinutes, query.limit)).map((ticket) =>
      TicketResponse.of(ticket),
    );
  }

  @Get(':id')
  @RequirePermission(Permission.TicketsHandle)
  @ApiOkResponse({ type: TicketResponse })
  async get(@Param('id', uuidParam('id')) id: string): Promise<TicketResponse> {
    return TicketResponse.of(await this.tickets.get(id));
  }

  @Patch(':id')
  @RequirePermission(Permission.TicketsHandle)
  @ApiOkResponse({ type: TicketResponse })
  async edit(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() request: EditTicketRequest,
  ): Promise<TicketResponse> {
    return TicketResponse.of(await this.tickets.edit(actor, id, request));
  }

  @Post(':id/status')
  @HttpCode(200)
  @RequirePermission(Permission.TicketsHandle)
  @ApiOkResponse({ type: TicketResponse, description: '400 validation_failed (rule ticketWorkflow) if not allowed' })
  async transition(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() request: TicketStatusRequest,
  ): Promise<TicketResponse> {
    return TicketResponse.of(await this.tickets.transition(actor, id, request.status));
  }

  @Put(':id/assignee')
  @RequirePermission(Permission.TicketsHandle)
  @ApiOkResponse({ type: TicketResponse })
  async assign(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() request: AssignTicketRequest,
  ): Promise<TicketResponse> {
    return TicketResponse.of(await this.tickets.assign(actor, id, request.assigneeId));
  }

  @Post(':id/comments')
  @RequirePermission(Permission.TicketsHandle)
  @ApiCreatedResponse({ type: TicketCommentResponse })
  async comment(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() request: CommentRequest,
  ): Promise<TicketCommentResponse> {
    return TicketCommentResponse.of(await this.tickets.comment(actor, id, request.body));
  }

  @Get(':id/comments')
  @RequirePermission(Permission.TicketsHandle)
  @ApiOkResponse({ type: [TicketCommentResponse], description: 'Oldest first' })
  async comments(@Param('id', uuidParam('id')) id: string): Promise<TicketCommentResponse[]> {
    return (await this.tickets.comments(id)).map(TicketCommentResponse.of);
  }

  @Get(':id/history')
  @RequirePermission(Permission.TicketsHandle)
  @ApiOkResponse({ type: [TicketEventResponse], description: 'Every change, oldest first' })
  async history(@Param('id', uuidParam('id')) id: string): Promise<TicketEventResponse[]> {
    return (await this.tickets.history(id)).map(TicketEventResponse.of);
  }

  @Get(':id/conversation')
  @RequirePermission(Permission.TicketsHandle)
  @ApiOkResponse({ type: TranscriptResponse, description: 'For the assignee, the author or a supervisor' })
  async transcript(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Query() query: TranscriptQuery,
  ): Promise<TranscriptResponse> {
    const { conversation, messages } = await this.tickets.transcript(actor, id, query);
    return { conversationId: conversation.id, state: conversation.state, messages };
  }
}
