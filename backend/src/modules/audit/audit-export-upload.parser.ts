import { Injectable, type OnModuleInit, UnsupportedMediaTypeException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { KefuConfig } from '../../common/config/kefu-config.ts';

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
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addContentTypeParser(
      EXPORT_UPLOAD_MEDIA_TYPE,
      { parseAs: 'buffer', bodyLimit: this.config.audit.verifyUploadLimitBytes },
      (request, body, done) =>
        request.routeOptions.url === VERIFY_EXPORT_PATH
          ? done(null, body)
          : done(
              new UnsupportedMediaTypeException(
                `${EXPORT_UPLOAD_MEDIA_TYPE} is accepted only by ${VERIFY_EXPORT_PATH}`,
              ),
            ),
    );
  }
}
