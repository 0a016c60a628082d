import type { Violation } from './request-validation.error.ts';

/** Deeper than any request Kefu defines (knowledge content is four levels); enough for what clients send. */
export const MAX_INPUT_DEPTH = 32;

/**
 * What no DTO rule sees, checked before class-transformer walks a request: nesting deep enough to overflow its
 * recursion (a 500 for any JSON route), and U+0000, which PostgreSQL cannot store in text (a 500 wherever a string is
 * stored). Walks iteratively, plain objects and arrays only (an uploaded file arrives as a Buffer). `root` names the
 * input itself: `body`, `query`, or a path parameter.
 */
export function inputShapeViolation(input: unknown, root: string): Violation | undefined {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value: input, path: '', depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    const field = path || root;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) {
        return { field, rule: 'noNulCharacter', message: `${field} must not contain the NUL character (U+0000)` };
      }
    } else if (isPlainContainer(value)) {
      if (depth >= MAX_INPUT_DEPTH) {
        return { field, rule: 'maxDepth', message: `${field} must not be nested more than ${MAX_INPUT_DEPTH} levels` };
      }
      for (const [key, child] of Object.entries(value)) {
        pending.push({ value: key, path: fieldPath(path, key), depth });
        pending.push({ value: child, path: fieldPath(path, key), depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** `items[2].name`, as validation errors name fields. */
export function fieldPath(parent: string, property: string): string {
  if (!parent) return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

function isPlainContainer(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
