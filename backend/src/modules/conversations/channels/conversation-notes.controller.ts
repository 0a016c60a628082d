import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../../common/access/index.ts';
import { uuidParam } from '../../../common/errors/uuid-param.pipe.ts';
import { ConversationNotes } from '../conversation-notes.service.ts';
import { AddNoteRequest } from '../dto/add-note.request.ts';
import { ConversationNoteResponse } from '../dto/conversation-note.response.ts';

/** Internal notes: staff write them about a conversation for each other; the customer never sees one. */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('api/v1/agent/conversations')
export class ConversationNotesController {
  constructor(private readonly notes: ConversationNotes) {}

  @Get(':id/notes')
  @RequirePermission(Permission.ConversationsHandle)
  @ApiOkResponse({
    type: [ConversationNoteResponse],
    description: 'Oldest first; for whoever may read the transcript (the agent serving or who served it, supervisors)',
  })
  async list(
    @Param('id', uuidParam('id')) id: string,
    @CurrentActor() staff: Actor,
  ): Promise<ConversationNoteResponse[]> {
    return (await this.notes.list(staff, id)).map(ConversationNoteResponse.of);
  }

  @Post(':id/notes')
  @RequirePermission(Permission.ConversationsHandle)
  @ApiCreatedResponse({
    type: ConversationNoteResponse,
    description: 'Same access as the transcript; never shown to the customer',
  })
  async add(
    @Param('id', uuidParam('id')) id: string,
    @Body() request: AddNoteRequest,
    @CurrentActor() staff: Actor,
  ): Promise<ConversationNoteResponse> {
    return ConversationNoteResponse.of(await this.notes.add(staff, id, request.text, request.clientNoteId));
  }
}
