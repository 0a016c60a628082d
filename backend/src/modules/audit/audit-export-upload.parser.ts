import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { acceptRawBodies } from '../../common/http/raw-body-parser.ts';

/** The one route that reads an uploaded export file. */
export const VERIFY_EXPORT_PATH = '/api/v1/audit/verify-export';

/** An export uploaded byte for byte: its signature covers the exact bytes, so the body is never re-encoded. */
export const EXPORT_UPLOAD_MEDIA_TYPE = 'application/octet-stream';

/**
 * Lets Fastify accept an export file (JSON Lines or CSV) as the raw request body, with its own size limit: a signed
 * range is larger than the 1 MiB that is right for JSON routes. Every other route still refuses the media type.
 */
@Injectable()
export class AuditExportUploadParser implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: KefuConfig,
  ) {}

  onModuleInit(): void {
    acceptRawBodies(this.adapterHost, {
      mediaTypes: EXPORT_UPLOAD_MEDIA_TYPE,
      bodyLimit: this.config.audit.verifyUploadLimitBytes,
      onlyFor: VERIFY_EXPORT_PATH,
    });
  }
}
