import type { Violation } from '../../common/errors/request-validation.error.ts';
import type { FieldValue } from './ticket.ts';

export type FieldType = 'text' | 'number' | 'choice' | 'date';
export const fieldTypes: readonly FieldType[] = ['text', 'number', 'choice', 'date'];
export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** A custom field every ticket may carry, defined by a supervisor as data (no deployment to add one). */
export interface FieldDefinition {
  key: string;
  label: string;
  type: FieldType;
  /** The allowed values of a `choice` field. */
  options: string[];
  required: boolean;
}

/**
 * Checks values against the definitions; `complete` also demands every required field (creation). Each violation
 * names the field as `fields.<key>` and the rule it broke.
 */
export function fieldViolations(
  definitions: readonly FieldDefinition[],
  values: Record<string, unknown>,
  complete: boolean,
): Violation[] {
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  const violations: Violation[] = [];
  for (const [key, value] of Object.entries(values)) {
    const definition = byKey.get(key);
    const field = `fields.${key}`;
    if (!definition) {
      violations.push({ field, rule: 'unknownField', message: `${key} is not a defined ticket field` });
      continue;
    }
    const problem = valueProblem(definition, value);
    if (problem) violations.push({ field, rule: problem.rule, message: `${key} ${problem.message}` });
  }
  if (complete) {
    for (const definition of definitions) {
      if (definition.required && values[definition.key] === undefined) {
        violations.push({
          field: `fields.${definition.key}`,
          rule: 'required',
          message: `${definition.key} is required`,
        });
      }
    }
  }
  return violations;
}

function valueProblem(definition: FieldDefinition, value: unknown): { rule: string; message: string } | undefined {
  switch (definition.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 1000
        ? undefined
        : { rule: 'isString', message: 'must be a text of at most 1000 characters' };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : { rule: 'isNumber', message: 'must be a number' };
    case 'choice':
      return typeof value === 'string' && definition.options.includes(value)
        ? undefined
        : { rule: 'isIn', message: `must be one of ${definition.options.join(', ')}` };
    case 'date':
      return typeof value === 'string' && isCalendarDate(value)
        ? undefined
        : { rule: 'isDate', message: 'must be a date as YYYY-MM-DD' };
    default: {
      const unhandled: never = definition.type;
      throw new Error(`unknown field type ${String(unhandled)}`);
    }
  }
}

/** YYYY-MM-DD naming a real day: Date.parse takes 2026-02-30 and rolls it over to 2 March. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

export type FieldValues = Record<string, FieldValue>;
