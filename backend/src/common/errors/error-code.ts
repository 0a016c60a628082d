/** Stable machine-readable error codes; clients switch on these, so a code is never renamed or reused. */
export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  MalformedBody = 'malformed_body',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  BadRequest = 'bad_request',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  MethodNotAllowed = 'method_not_allowed',
  Conflict = 'conflict',
  /** Maker-checker: the approver is the author of a change they tried to approve. */
  SelfApproval = 'self_approval',
  /** An uploaded table (Excel, CSV) has bad rows; `rows` lists each with its column and reason. */
  ImportRejected = 'import_rejected',
  ServiceUnavailable = 'service_unavailable',
  InternalError = 'internal_error',
}

/** The single place that decides which HTTP status an error code gets. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.ValidationFailed:
    case ErrorCode.MalformedBody:
    case ErrorCode.BadRequest:
      return 400;
    case ErrorCode.Unauthenticated:
      return 401;
    case ErrorCode.Forbidden:
    case ErrorCode.SelfApproval:
      return 403;
    case ErrorCode.NotFound:
      return 404;
    case ErrorCode.MethodNotAllowed:
      return 405;
    case ErrorCode.Conflict:
      return 409;
    case ErrorCode.PayloadTooLarge:
      return 413;
    case ErrorCode.ImportRejected:
      return 422;
    case ErrorCode.UnsupportedMediaType:
      return 415;
    case ErrorCode.ServiceUnavailable:
      return 503;
    case ErrorCode.InternalError:
      return 500;
    default: {
      const unhandled: never = code;
      throw new Error(`No HTTP status for error code ${String(unhandled)}`);
    }
  }
}
