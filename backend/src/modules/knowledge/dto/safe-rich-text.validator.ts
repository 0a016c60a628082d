import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Answers are shown in the web widget and returned by the open API, so they must never carry markup or script: the
 * stored form is plain text with light markdown, and HTML tags or script/data URLs are refused (not stripped), so an
 * editor sees exactly what customers will see. Links go in `links`, where each URL is checked to be http(s).
 */
const UNSAFE = /<\s*\/?\s*[a-z!?][^>]*>|(?:javascript|vbscript|data)\s*:/i;

export function isSafeRichText(value: unknown): boolean {
  return typeof value === 'string' && !UNSAFE.test(value);
}

export function IsSafeRichText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSafeRichText',
      validator: {
        validate: isSafeRichText,
        defaultMessage: (args) =>
          `${args?.property ?? 'text'} must be plain text with light markdown: no HTML tags, no javascript:, vbscript: or data: URLs`,
      },
    },
    options,
  );
}
