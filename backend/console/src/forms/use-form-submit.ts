import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { applyViolations, type NamePath } from './apply-violations.ts';

export interface Submission<T> {
  busy: boolean;
  /** The refusal no field took, for an alert above the form. */
  error: string | undefined;
  submit(values: T): Promise<void>;
  clearError(): void;
}

/**
 * The submit of a form: sends, then `onDone`; a refusal goes onto the fields it names (through `place`) and
 * the rest into `error` for an alert. `send` answers false when it decided itself not to send (a field it checked),
 * else what `onDone` is given.
 */
export function useFormSubmit<T, R = unknown>(
  form: FormInstance,
  send: (values: T) => Promise<R | false>,
  place: (path: NamePath) => NamePath | undefined,
  onDone: (result: R) => void,
): Submission<T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // Stable, so a dialog can clear the last refusal in an effect when it opens.
  const clearError = useCallback(() => setError(undefined), []);
  async function submit(values: T): Promise<void> {
    setBusy(true);
    setError(undefined);
    try {
      const result = await send(values);
      if (result !== false) onDone(result);
    } catch (failure) {
      setError(applyViolations(form, failure, place));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, submit, clearError };
}

/** `place` for a form whose fields carry the API's top-level names; nested paths land on their top-level field. */
export function topLevel(...fields: string[]): (path: NamePath) => NamePath | undefined {
  return ([field]) => (fields.includes(String(field)) ? [String(field)] : undefined);
}
