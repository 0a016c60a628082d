import { ApiProperty } from '@nestjs/swagger';
import type { QualityFigures } from '../quality-report.repository.ts';
import type { TeamQualityFigures } from '../quality-reports.service.ts';

const failuresExample = { greeting: 3, 'forbidden-words': 1 };

export class AgentReportRow {
  @ApiProperty({ description: "The agent's subject id" })
  agentId!: string;
  @ApiProperty({ description: 'Conversations scored in the period that the agent served' })
  conversations!: number;
  @ApiProperty({ description: 'Mean of the totals that stand (decision, else review, else automatic), one decimal' })
  averageTotal!: number;
  @ApiProperty({ description: 'Per rule id: how many of those conversations failed it', example: failuresExample })
  failures!: Record<string, number>;

  static of(figures: QualityFigures): AgentReportRow {
    return {
      agentId: figures.key,
      conversations: figures.conversations,
      averageTotal: figures.averageTotal,
      failures: figures.failures,
    };
  }
}

export class TeamReportRow {
  @ApiProperty({ description: "The routing skill group's id" })
  teamId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ description: 'Its members now' })
  memberIds!: string[];
  @ApiProperty({ description: 'Conversations scored in the period that one of its members served' })
  conversations!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Null when nothing was scored' })
  averageTotal!: number | null;
  @ApiProperty({ example: failuresExample })
  failures!: Record<string, number>;

  static of(figures: TeamQualityFigures): TeamReportRow {
    return { ...figures, memberIds: [...figures.memberIds] };
  }
}
