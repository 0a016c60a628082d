import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

export interface RawBodyUpload {
  mediaTypes: string | string[];
  /** A file is larger than the 1 MiB that is right for every JSON route. */
  bodyLimit: number;
  /** The one route that reads these bodies; any other answers 415 for them. Every route when absent. */
  onlyFor?: string;
}

/**
 * Lets Fastify accept a file as the raw request body (a Buffer, never re-encoded: an export's signature covers its
 * exact bytes), with a size limit of its own. The app otherwise speaks JSON; modules that take files register here
 * while they initialise.
 */
export function acceptRawBodies(adapterHost: HttpAdapterHost, upload: RawBodyUpload): void {
  const fastify = adapterHost.httpAdapter.getInstance<FastifyInstance>();
  fastify.addContentTypeParser(
    upload.mediaTypes,
    { parseAs: 'buffer', bodyLimit: upload.bodyLimit },
    (request, body, done) =>
      upload.onlyFor === undefined || request.routeOptions.url === upload.onlyFor
        ? done(null, body)
        : done(
            new UnsupportedMediaTypeException(
              `${[upload.mediaTypes].flat().join(', ')} is accepted only by ${upload.onlyFor}`,
            ),
          ),
  );
}
