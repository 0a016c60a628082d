import { randomUUID } from 'node:crypto';
import type { ErrorBody } from '../../../common/errors/error-body.ts';
import { toErrorBody } from '../../../common/errors/to-error-body.ts';

export type Acknowledgement<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

/** Socket events answer through their acknowledgement, with the same error body (and codes) as the REST API. */
export async function acknowledge<T extends object>(work: () => Promise<T>): Promise<Acknowledgement<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    return { ok: false, error: toErrorBody(error, randomUUID()) };
  }
}
