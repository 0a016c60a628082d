import { maskPersonalDataInText } from './personal-data-scanner.ts';

const MAX_DEPTH = 8;

/**
 * A copy of a log record's fields with personal data masked in every string, at any depth (PIPL Art. 51: logs are
 * read by operators who have no business seeing customers' identifiers). Errors become the `{type, message, stack}`
 * shape pino's own serializer gives them, masked too. Plain objects and arrays are walked; values deeper than MAX_DEPTH
 * are dropped, not logged raw.
 */
export function maskLogFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalDataInText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[depth limit]';
  if (value instanceof Error)
    return {
      type: value.name,
      message: maskPersonalDataInText(value.message),
      stack: value.stack === undefined ? undefined : maskPersonalDataInText(value.stack),
    };
  if (Array.isArray(value)) return value.map((item) => maskLogFields(item, depth + 1));
  // Class instances (a Buffer, a Date, a framework's request object) are left to pino's serializers: walking them
  // would call getters and copy internals into the log.
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = maskLogFields(item, depth + 1);
  return out;
}
