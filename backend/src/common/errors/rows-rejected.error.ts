import { DomainError } from './domain-error.ts';
import { ErrorCode } from './error-code.ts';

export interface RowViolation {
  /** 1-based row number as a spreadsheet shows it (row 1 is the header). */
  row: number;
  /** Header of the offending column, or `*` when the row as a whole is wrong. */
  column: string;
  reason: string;
}

/** An uploaded table was refused as a whole: every bad row is listed, and nothing was imported. */
export class RowsRejectedError extends DomainError {
  constructor(readonly rows: RowViolation[]) {
    const first = rows[0];
    super(
      ErrorCode.ImportRejected,
      first
        ? `${rows.length} bad row(s), nothing imported; first: row ${first.row}, ${first.column}: ${first.reason}`
        : 'The file has no rows',
    );
  }
}
