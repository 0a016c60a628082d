import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { spreadsheetMediaTypes } from './spreadsheet-files.ts';

/**
 * Lets Fastify accept an Excel or CSV file as a raw request body (the app otherwise speaks JSON), with its own size
 * limit: a 5,000-row workbook is larger than the 1 MiB that is right for every JSON route. Only the import route
 * reads these media types.
 */
@Injectable()
export class SpreadsheetUploadParser implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: KefuConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addContentTypeParser(
      Object.values(spreadsheetMediaTypes),
      { parseAs: 'buffer', bodyLimit: this.config.knowledge.importLimitBytes },
      (_request, body, done) => done(null, body),
    );
  }
}
