import pino, { type Logger } from 'pino';
import { currentRequestId } from './request-context.ts';

/**
 * JSON lines on standard output. Every line written while a request is served carries its `requestId`. Credentials
 * and personal data that may sit in headers are redacted before anything is written.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'kefu' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
  });
}
