import { Transform } from 'class-transformer';

/**
 * White space around a text is removed before its other rules run, so that a reason or comment of spaces fails its
 * length rule instead of passing it: an audited reason must say something.
 */
export function Trimmed(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
}
