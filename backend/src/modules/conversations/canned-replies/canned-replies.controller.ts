import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../../common/access/index.ts';
import { uuidParam } from '../../../common/errors/uuid-param.pipe.ts';
import { CannedReplyQuery, CannedReplyRequest } from '../dto/canned-reply.request.ts';
import { CannedReplyResponse } from '../dto/canned-reply.response.ts';
import { CannedReplies } from './canned-replies.service.ts';

/** Canned replies (快捷回复): read by whoever answers customers, kept by supervisors. */
@ApiTags('conversations')
@ApiBearerAuth()
@Controller('api/v1/canned-replies')
export class CannedRepliesController {
  constructor(private readonly replies: CannedReplies) {}

  @Get()
  @RequirePermission(Permission.ConversationsHandle)
  @ApiOkResponse({ type: [CannedReplyResponse], description: 'Global first, then by title' })
  async list(@Query() query: CannedReplyQuery): Promise<CannedReplyResponse[]> {
    return (await this.replies.list(query.groupId)).map(CannedReplyResponse.of);
  }

  @Post()
  @RequirePermission(Permission.CannedRepliesManage)
  @ApiCreatedResponse({ type: CannedReplyResponse })
  async create(@CurrentActor() actor: Actor, @Body() request: CannedReplyRequest): Promise<CannedReplyResponse> {
    return CannedReplyResponse.of(await this.replies.create(actor, draftOf(request)));
  }

  @Put(':id')
  @RequirePermission(Permission.CannedRepliesManage)
  @ApiOkResponse({ type: CannedReplyResponse })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() request: CannedReplyRequest,
  ): Promise<CannedReplyResponse> {
    return CannedReplyResponse.of(await this.replies.update(actor, id, draftOf(request)));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission(Permission.CannedRepliesManage)
  @ApiNoContentResponse()
  async delete(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<void> {
    await this.replies.delete(actor, id);
  }
}

function draftOf(request: CannedReplyRequest) {
  return { title: request.title.trim(), body: request.body, groupId: request.groupId ?? null };
}
