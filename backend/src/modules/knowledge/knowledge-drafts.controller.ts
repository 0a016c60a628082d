import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { uuidParam } from '../../common/errors/uuid-param.pipe.ts';
import { CreateDraftRequest } from './dto/create-draft.request.ts';
import { RejectDraftRequest } from './dto/decision.request.ts';
import { DraftResponse } from './dto/draft.response.ts';
import { ListDraftsQuery } from './dto/list-drafts.query.ts';
import { ReleaseDiffResponse } from './dto/release.response.ts';
import { UpdateDraftRequest } from './dto/update-draft.request.ts';
import { KnowledgeDrafts } from './knowledge-drafts.service.ts';
import type { KnowledgeKind, KnowledgeLanguage } from './knowledge-item.ts';

/** Editors write and submit drafts; approvers read and reject them (publishing is on the releases controller). */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge/drafts')
export class KnowledgeDraftsController {
  constructor(private readonly drafts: KnowledgeDrafts) {}

  @Post()
  @RequirePermission(Permission.KnowledgeEdit)
  @ApiCreatedResponse({ type: DraftResponse, description: 'Stored (committed) before this answer is sent' })
  async create(@CurrentActor() actor: Actor, @Body() request: CreateDraftRequest): Promise<DraftResponse> {
    const draft = await this.drafts.create(actor, {
      itemId: request.itemId,
      action: request.action,
      identity:
        request.action === 'upsert'
          ? { kind: request.kind as KnowledgeKind, language: request.language as KnowledgeLanguage }
          : undefined,
      content: request.content,
    });
    return DraftResponse.of(draft);
  }

  @Get()
  @RequirePermission(Permission.KnowledgeRead)
  @ApiOkResponse({ type: [DraftResponse] })
  async list(@Query() query: ListDraftsQuery): Promise<DraftResponse[]> {
    return (await this.drafts.list(query.state, query.limit)).map(DraftResponse.of);
  }

  @Get(':id')
  @RequirePermission(Permission.KnowledgeRead)
  @ApiOkResponse({ type: DraftResponse })
  async get(@Param('id', uuidParam('id')) id: string): Promise<DraftResponse> {
    return DraftResponse.of(await this.drafts.get(id));
  }

  @Get(':id/diff')
  @RequirePermission(Permission.KnowledgeRead)
  @ApiOkResponse({ type: ReleaseDiffResponse, description: 'What publishing this draft would change, field by field' })
  diff(@Param('id', uuidParam('id')) id: string): Promise<ReleaseDiffResponse> {
    return this.drafts.diff(id);
  }

  @Put(':id')
  @RequirePermission(Permission.KnowledgeEdit)
  @ApiOkResponse({ type: DraftResponse })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() request: UpdateDraftRequest,
  ): Promise<DraftResponse> {
    return DraftResponse.of(await this.drafts.update(actor, id, request.content));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission(Permission.KnowledgeEdit)
  @ApiOkResponse({ type: DraftResponse })
  async submit(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<DraftResponse> {
    return DraftResponse.of(await this.drafts.submit(actor, id));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission(Permission.KnowledgeApprove)
  @ApiOkResponse({ type: DraftResponse })
  async reject(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() request: RejectDraftRequest,
  ): Promise<DraftResponse> {
    return DraftResponse.of(await this.drafts.reject(actor, id, request.reason));
  }
}
