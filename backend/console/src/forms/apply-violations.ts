import type { FormInstance } from 'antd';
import { ApiError } from '../api/kefu-api.ts';

export type NamePath = (string | number)[];

/**
 * Shows the API's refusal on the form: each violation under the field it names (`items.0.ruleId` → the first item's
 * rule), through `place`, which maps the API's field path to the form's (or undefined when the form has no such
 * field). Answers what could not be placed, for an alert above the form.
 */
export function applyViolations(
  form: FormInstance,
  error: unknown,
  place: (path: NamePath) => NamePath | undefined,
): string | undefined {
  if (!(error instanceof ApiError) || error.violations.length === 0) return (error as Error).message;
  const unplaced: string[] = [];
  const errors = new Map<string, { name: NamePath; errors: string[] }>();
  for (const violation of error.violations) {
    const path = violation.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const name = place(path);
    const text = `${violation.field}: ${violation.message} (${violation.rule})`;
    if (!name) {
      unplaced.push(text);
      continue;
    }
    const key = JSON.stringify(name);
    errors.set(key, { name, errors: [...(errors.get(key)?.errors ?? []), text] });
  }
  form.setFields([...errors.values()]);
  return unplaced.length > 0 ? unplaced.join('; ') : undefined;
}
