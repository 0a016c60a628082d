import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Actor, CurrentActor, Permission, RequirePermission } from '../../common/access/index.ts';
import { spreadsheetMediaTypes } from '../knowledge/index.ts';
import { ExportAnalyticsReport } from './analytics-export.use-case.ts';
import { AnalyticsReports } from './analytics-reports.service.ts';
import { AnalyticsQuery, filterOf } from './dto/analytics.query.ts';
import { AnalyticsReportResponse } from './dto/analytics-report.response.ts';

/** Service figures for supervisors: the report as JSON for the dashboards, and as CSV or Excel (audited). */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('api/v1/analytics')
export class AnalyticsController {
  constructor(
    private readonly reports: AnalyticsReports,
    private readonly exporter: ExportAnalyticsReport,
  ) {}

  @Get('report')
  @RequirePermission(Permission.AnalyticsRead)
  @ApiOkResponse({ type: AnalyticsReportResponse })
  async report(@Query() query: AnalyticsQuery): Promise<AnalyticsReportResponse> {
    return AnalyticsReportResponse.of(await this.reports.report(filterOf(query)));
  }

  /** Recorded in the audit trail as `export.report` before the file is sent. */
  @Get('export')
  @RequirePermission(Permission.AnalyticsExport)
  @ApiProduces(spreadsheetMediaTypes.xlsx, spreadsheetMediaTypes.csv)
  async export(
    @Query() query: AnalyticsQuery,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const format = query.format ?? 'xlsx';
    const filter = filterOf(query);
    const file = await this.exporter.execute(actor, filter, format);
    const day = (at: Date) => at.toISOString().slice(0, 10);
    reply
      .header(
        'content-type',
        format === 'csv' ? `${spreadsheetMediaTypes.csv}; charset=utf-8` : spreadsheetMediaTypes.xlsx,
      )
      .header(
        'content-disposition',
        `attachment; filename="kefu-analytics-${day(filter.from)}-${day(filter.to)}.${format}"`,
      );
    return file;
  }
}
