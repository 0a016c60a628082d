import pino, { type DestinationStream, type Logger } from 'pino';
import { personalDataMaskingOptions } from '../personal-data/personal-data-log-hooks.ts';
import { currentRequestId } from './request-context.ts';

/**
 * JSON lines on standard output. Every line written while a request is served carries its `requestId`. Credentials
 * and personal data that may sit in headers are redacted before anything is written, and identifiers the detectors of
 * common/personal-data find in the message or any field (ID, card and mobile numbers, e-mail) are masked.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    ...personalDataMaskingOptions(),
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
  };
  // `destination` lets tests capture the exact lines an operator would see; unset, standard output.
  return destination ? pino(options, destination) : pino(options);
}
