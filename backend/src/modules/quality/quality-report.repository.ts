import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** One row of a report: how many conversations were scored, the mean total and which rules failed how often. */
export interface QualityFigures {
  /** The agent's subject id or the team's (skill group's) id. */
  key: string;
  conversations: number;
  averageTotal: number;
  failures: Record<string, number>;
}

/** A team as the report needs it: routing's skill group and its members now. */
export interface ReportTeam {
  id: string;
  memberIds: readonly string[];
}

/** The total that counts: the appeal's decision, else the reviewer's, else the automatic score. */
const EFFECTIVE_TOTAL = 'coalesce(r.final_total, r.reviewed_total, s.total)';

/**
 * The figures over `scored` (one row per key and conversation: key, total, items), where `scored` is built from the
 * scores with one scorecard scored in [$2, $3), joined by `join` to whatever they are reported by.
 */
function figuresSql(key: string, join: string, ctes = ''): string {
  return `WITH ${ctes} scored AS (
      SELECT ${key} AS key, s.conversation_id, ${EFFECTIVE_TOTAL} AS total, s.items
      FROM quality_scores s
      LEFT JOIN quality_reviews r ON r.conversation_id = s.conversation_id AND r.scorecard_id = s.scorecard_id
      ${join}
      WHERE s.scorecard_id = $1 AND s.scored_at >= $2 AND s.scored_at < $3)
    SELECT key, count(*)::int AS conversations, round(avg(total), 1)::float8 AS "averageTotal",
      coalesce((SELECT jsonb_object_agg(rule_id, n) FROM (
        SELECT item->>'ruleId' AS rule_id, count(*)::int AS n FROM scored inner_scored
          CROSS JOIN LATERAL jsonb_array_elements(inner_scored.items) AS item
        WHERE inner_scored.key = scored.key AND (item->>'passed')::boolean = false
        GROUP BY 1) failed), '{}'::jsonb) AS failures
    FROM scored GROUP BY key ORDER BY key`;
}

/** The only code that knows the SQL of the quality reports. */
@Injectable()
export class QualityReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Per agent who served the conversation (a conversation two agents served counts for both). */
  byAgent(scorecardId: string, from: Date, to: Date): Promise<QualityFigures[]> {
    return this.dataSource.query(figuresSql('agent.id', 'CROSS JOIN LATERAL unnest(s.agent_ids) AS agent(id)'), [
      scorecardId,
      from,
      to,
    ]);
  }

  /**
   * Per team, counting each conversation once for every team one of whose members served it. Teams come in as
   * arguments: their membership is routing's data, and this module reads it through routing's service, not its tables.
   */
  byTeam(scorecardId: string, from: Date, to: Date, teams: readonly ReportTeam[]): Promise<QualityFigures[]> {
    const members = teams.flatMap((team) => team.memberIds.map((agentId) => [team.id, agentId] as const));
    return this.dataSource.query(
      figuresSql(
        'team.id',
        'JOIN team ON s.agent_ids && team.agent_ids',
        `team AS (SELECT team_id AS id, array_agg(agent_id) AS agent_ids
           FROM unnest($4::text[], $5::text[]) AS member(team_id, agent_id) GROUP BY team_id),`,
      ),
      [scorecardId, from, to, members.map(([teamId]) => teamId), members.map(([, agentId]) => agentId)],
    );
  }
}
