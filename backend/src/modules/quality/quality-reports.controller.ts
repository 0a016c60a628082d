import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Permission, RequirePermission } from '../../common/access/index.ts';
import { QualityReportQuery } from './dto/report.query.ts';
import { AgentReportRow, TeamReportRow } from './dto/report.responses.ts';
import { QualityReports, type ReportPeriod } from './quality-reports.service.ts';

/** Quality figures over a period, per agent and per team, with the total that stands after review and appeal. */
@ApiTags('quality')
@ApiBearerAuth()
@Controller('api/v1/quality/reports')
export class QualityReportsController {
  constructor(private readonly reports: QualityReports) {}

  @Get('agents')
  @RequirePermission(Permission.QualityReview)
  async byAgent(@Query() query: QualityReportQuery): Promise<AgentReportRow[]> {
    return (await this.reports.byAgent(period(query))).map(AgentReportRow.of);
  }

  /** Per routing skill group; every group is listed, those without scores with zero conversations. */
  @Get('teams')
  @RequirePermission(Permission.QualityReview)
  async byTeam(@Query() query: QualityReportQuery): Promise<TeamReportRow[]> {
    return (await this.reports.byTeam(period(query))).map(TeamReportRow.of);
  }
}

function period(query: QualityReportQuery): ReportPeriod {
  return { scorecardId: query.scorecardId, from: new Date(query.from), to: new Date(query.to) };
}
