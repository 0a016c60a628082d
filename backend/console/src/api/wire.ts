/**
 * A backend type as the console receives it in JSON: dates arrive as ISO 8601 strings. The console reads the
 * backend's vocabulary files (plain types, no decorators) through this instead of restating them, so a renamed field
 * or a new state breaks the console's build rather than a screen.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer E)[]
    ? Wire<E>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
