import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/access/index.ts';
import { AuditAction, AuditOutcome, AuditTrail } from '../audit/index.ts';
import { type SpreadsheetFormat, writeTable } from '../knowledge/index.ts';
import type { AnalyticsFilter } from './analytics-filter.ts';
import { AnalyticsReports } from './analytics-reports.service.ts';
import { reportTable } from './report-table.ts';

/**
 * An analytics report as a CSV or Excel file. The figures are read and the `export.report` record written in one
 * transaction: if the record cannot be written, nothing is handed out (fail-closed), and what the record describes
 * is exactly the snapshot that was exported.
 */
@Injectable()
export class ExportAnalyticsReport {
  constructor(
    private readonly reports: AnalyticsReports,
    private readonly audit: AuditTrail,
  ) {}

  async execute(actor: Actor, filter: AnalyticsFilter, format: SpreadsheetFormat): Promise<Buffer> {
    const report = await this.audit.runAudited(
      {
        actor,
        action: AuditAction.ExportReport,
        outcome: AuditOutcome.Success,
        target: { type: 'analytics-report', id: `${filter.from.toISOString()}/${filter.to.toISOString()}` },
        details: {
          format,
          channel: filter.channel ?? null,
          groupId: filter.groupId ?? null,
          timeZone: filter.timeZone,
        },
      },
      (manager) => this.reports.report(filter, manager),
    );
    return writeTable(format, reportTable(report), 'analytics');
  }
}
