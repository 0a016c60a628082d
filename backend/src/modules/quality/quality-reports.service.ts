import { Injectable } from '@nestjs/common';
import { RoutingGroups } from '../routing/index.ts';
import { type QualityFigures, QualityReportRepository } from './quality-report.repository.ts';

/** A team's (skill group's) figures; a team whose members have no score in the period shows zero conversations. */
export interface TeamQualityFigures {
  teamId: string;
  name: string;
  memberIds: string[];
  conversations: number;
  averageTotal: number | null;
  failures: Record<string, number>;
}

export interface ReportPeriod {
  scorecardId: string;
  from: Date;
  to: Date;
}

/**
 * Quality figures per agent and per team over a period, counting the total that stands after review and appeal.
 * Teams are routing's skill groups with their members as they are now: an agent who changes teams takes their past
 * scores along, which is what a team leader asks ("how are the people I lead doing").
 */
@Injectable()
export class QualityReports {
  constructor(
    private readonly repository: QualityReportRepository,
    private readonly groups: RoutingGroups,
  ) {}

  byAgent(period: ReportPeriod): Promise<QualityFigures[]> {
    return this.repository.byAgent(period.scorecardId, period.from, period.to);
  }

  async byTeam(period: ReportPeriod): Promise<TeamQualityFigures[]> {
    const teams = await this.groups.list();
    const rows = await this.repository.byTeam(period.scorecardId, period.from, period.to, teams);
    const figures = new Map(rows.map((row) => [row.key, row]));
    return teams.map((team) => {
      const found = figures.get(team.id);
      return {
        teamId: team.id,
        name: team.name,
        memberIds: team.memberIds,
        conversations: found?.conversations ?? 0,
        averageTotal: found?.averageTotal ?? null,
        failures: found?.failures ?? {},
      };
    });
  }
}
