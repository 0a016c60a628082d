import type { LoggerOptions } from 'pino';
import { maskLogFields } from './log-masking.ts';
import { maskPersonalDataInText } from './personal-data-scanner.ts';

/**
 * The pino options that keep personal data out of every log line: the message (and any printf arguments) through
 * `hooks.logMethod`, every string field at any depth through `formatters.log`. Spread into the logger's options by
 * common/logging/create-logger.ts; kept here so the detectors have one home that logging may import.
 */
export function personalDataMaskingOptions(): Pick<LoggerOptions, 'hooks' | 'formatters'> {
  return {
    hooks: {
      logMethod(args, method) {
        const masked: unknown[] = args.map((arg) => (typeof arg === 'string' ? maskPersonalDataInText(arg) : arg));
        // pino takes the message of an Error logged without one from the error itself, after this hook: give it
        // the masked message explicitly.
        const [first] = masked;
        if (first instanceof Error && typeof masked[1] !== 'string')
          masked.splice(1, 0, maskPersonalDataInText(first.message));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
    formatters: {
      log: (record) => maskLogFields(record) as Record<string, unknown>,
    },
  };
}
