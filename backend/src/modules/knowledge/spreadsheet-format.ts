/** The spreadsheet files knowledge (and analytics) are imported from and exported to, and their media types. */
export type SpreadsheetFormat = 'xlsx' | 'csv';

export const spreadsheetMediaTypes: Record<SpreadsheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};
