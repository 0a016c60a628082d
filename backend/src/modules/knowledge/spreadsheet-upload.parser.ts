import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { acceptRawBodies } from '../../common/http/raw-body-parser.ts';
import { spreadsheetMediaTypes } from './spreadsheet-format.ts';

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
    acceptRawBodies(this.adapterHost, {
      mediaTypes: Object.values(spreadsheetMediaTypes),
      bodyLimit: this.config.knowledge.importLimitBytes,
    });
  }
}
