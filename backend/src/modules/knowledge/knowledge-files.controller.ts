import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';
import { ImportQuery, ImportResponse } from './dto/import.query.ts';
import { KnowledgeImport } from './knowledge-import.use-case.ts';
import { KnowledgeSpreadsheets } from './knowledge-spreadsheets.service.ts';
import { type SpreadsheetFormat, spreadsheetMediaTypes } from './spreadsheet-format.ts';

class NotASpreadsheetError extends DomainError {
  constructor() {
    super(
      ErrorCode.UnsupportedMediaType,
      `content-type: send the file as ${spreadsheetMediaTypes.xlsx} or ${spreadsheetMediaTypes.csv}`,
    );
  }
}

/** Bulk import and export in Excel (.xlsx) and CSV, with a downloadable template. */
@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('api/v1/knowledge')
export class KnowledgeFilesController {
  constructor(
    private readonly spreadsheets: KnowledgeSpreadsheets,
    private readonly importer: KnowledgeImport,
  ) {}

  @Get('template.xlsx')
  @RequirePermission(Permission.KnowledgeRead)
  @ApiProduces(spreadsheetMediaTypes.xlsx)
  async templateXlsx(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.send(reply, 'xlsx', 'kefu-knowledge-template', await this.spreadsheets.template('xlsx'));
  }

  @Get('template.csv')
  @RequirePermission(Permission.KnowledgeRead)
  @ApiProduces(spreadsheetMediaTypes.csv)
  async templateCsv(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.send(reply, 'csv', 'kefu-knowledge-template', await this.spreadsheets.template('csv'));
  }

  @Get('export.xlsx')
  @RequirePermission(Permission.KnowledgeRead)
  @ApiProduces(spreadsheetMediaTypes.xlsx)
  async exportXlsx(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.send(reply, 'xlsx', 'kefu-knowledge', await this.spreadsheets.export('xlsx'));
  }

  @Get('export.csv')
  @RequirePermission(Permission.KnowledgeRead)
  @ApiProduces(spreadsheetMediaTypes.csv)
  async exportCsv(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.send(reply, 'csv', 'kefu-knowledge', await this.spreadsheets.export('csv'));
  }

  @Post('import')
  @HttpCode(201)
  @RequirePermission(Permission.KnowledgeEdit)
  @ApiConsumes(spreadsheetMediaTypes.xlsx, spreadsheetMediaTypes.csv)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: ImportResponse, description: '422 import_rejected lists every bad row; nothing is stored' })
  async import(
    @CurrentActor() actor: Actor,
    @Headers('content-type') contentType: string | undefined,
    @Body() file: Buffer,
    @Query() query: ImportQuery,
  ): Promise<ImportResponse> {
    const format = formatOf(contentType);
    if (!format || !Buffer.isBuffer(file)) throw new NotASpreadsheetError();
    return this.importer.execute({ actor, format, file, submit: query.submit });
  }

  private send(reply: FastifyReply, format: SpreadsheetFormat, name: string, file: Buffer): Buffer {
    reply
      .header(
        'content-type',
        format === 'csv' ? `${spreadsheetMediaTypes.csv}; charset=utf-8` : spreadsheetMediaTypes.xlsx,
      )
      .header('content-disposition', `attachment; filename="${name}.${format}"`);
    return file;
  }
}

function formatOf(contentType: string | undefined): SpreadsheetFormat | undefined {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  return (Object.keys(spreadsheetMediaTypes) as SpreadsheetFormat[]).find(
    (f) => spreadsheetMediaTypes[f] === mediaType,
  );
}
