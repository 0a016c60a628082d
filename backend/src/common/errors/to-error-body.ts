import { HttpException } from '@nestjs/common';
import { DomainError } from './domain-error.ts';
import type { ErrorBody } from './error-body.ts';
import { ErrorCode, httpStatusOf } from './error-code.ts';
import { RequestValidationError } from './request-validation.error.ts';
import { RowsRejectedError } from './rows-rejected.error.ts';

/** Fastify's own request errors (body parsing, size, media type), matched by their documented codes. */
const fastifyErrorCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ErrorCode.MalformedBody,
  FST_ERR_CTP_EMPTY_JSON_BODY: ErrorCode.MalformedBody,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ErrorCode.BadRequest,
  FST_ERR_CTP_BODY_TOO_LARGE: ErrorCode.PayloadTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ErrorCode.UnsupportedMediaType,
};

const codeByStatus: Record<number, ErrorCode> = {
  400: ErrorCode.BadRequest,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.MethodNotAllowed,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  503: ErrorCode.ServiceUnavailable,
};

/** Turns anything thrown while serving a request into the documented error body. */
export function toErrorBody(exception: unknown, requestId: string): ErrorBody {
  if (exception instanceof RequestValidationError) {
    return { ...bodyFor(exception.code, exception.message, requestId), violations: exception.violations };
  }
  if (exception instanceof RowsRejectedError) {
    return { ...bodyFor(exception.code, exception.message, requestId), rows: exception.rows };
  }
  if (exception instanceof DomainError) return bodyFor(exception.code, exception.message, requestId);
  // Nest wraps Fastify's parsing errors in an HttpException and keeps the original as its cause.
  const fastifyCode = fastifyErrorCode(exception) ?? fastifyErrorCode((exception as { cause?: unknown })?.cause);
  if (fastifyCode) return bodyFor(fastifyCode, fastifyMessage(fastifyCode), requestId);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = codeByStatus[status];
    if (code) return bodyFor(code, messageOf(exception), requestId);
  }
  return bodyFor(
    ErrorCode.InternalError,
    'An internal error occurred; quote the request id to the operator',
    requestId,
  );
}

function bodyFor(code: ErrorCode, message: string, requestId: string): ErrorBody {
  return { statusCode: httpStatusOf(code), error: code, message, requestId };
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}

function fastifyErrorCode(exception: unknown): ErrorCode | undefined {
  const code = (exception as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? fastifyErrorCodes[code] : undefined;
}

function fastifyMessage(code: ErrorCode): string {
  switch (code) {
    case ErrorCode.MalformedBody:
      return 'body: the request body is not valid JSON';
    case ErrorCode.PayloadTooLarge:
      return 'body: the request body is larger than the configured limit';
    case ErrorCode.UnsupportedMediaType:
      return 'content-type: this media type is not accepted here';
    default:
      return 'The request is malformed';
  }
}
