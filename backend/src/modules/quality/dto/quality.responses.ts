import { ApiProperty } from '@nestjs/swagger';
import type { StoredRule, StoredScore, StoredScorecard } from '../quality.repository.ts';

export class RuleResponse {
  @ApiProperty({ example: 'forbidden-words' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  spec!: object;
  @ApiProperty({ description: 'Goes up by one with every change' })
  version!: number;
  @ApiProperty()
  updatedBy!: string;
  @ApiProperty()
  updatedAt!: string;

  static of(rule: StoredRule): RuleResponse {
    return { ...rule, updatedAt: new Date(rule.updatedAt).toISOString() };
  }
}

export class ScorecardResponse {
  @ApiProperty({ example: 'standard' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ example: [{ ruleId: 'greeting', weight: 10 }] })
  items!: Array<{ ruleId: string; weight: number }>;
  @ApiProperty()
  isDefault!: boolean;
  @ApiProperty({ description: 'Scores below this total go to the reviewers' })
  reviewBelow!: number;
  @ApiProperty({ description: 'Percent of the other scores sampled for review' })
  samplePercent!: number;
  @ApiProperty()
  version!: number;
  @ApiProperty()
  updatedBy!: string;
  @ApiProperty()
  updatedAt!: string;

  static of(scorecard: StoredScorecard): ScorecardResponse {
    return { ...scorecard, items: [...scorecard.items], updatedAt: new Date(scorecard.updatedAt).toISOString() };
  }
}

export class ScoreResponse {
  @ApiProperty()
  conversationId!: string;
  @ApiProperty()
  scorecardId!: string;
  @ApiProperty()
  scorecardVersion!: number;
  @ApiProperty({ description: 'Percent of the weight earned, one decimal' })
  total!: number;
  @ApiProperty({
    description: 'Each rule: passed, and what it found (message seq, evidence without personal data)',
    example: [{ ruleId: 'greeting', weight: 10, passed: false, findings: [{ seq: 4, evidence: '…' }] }],
  })
  items!: object[];
  @ApiProperty({ description: 'The rules as they were when scored' })
  rules!: object[];
  @ApiProperty()
  scoredAt!: string;

  static of(score: StoredScore): ScoreResponse {
    return { ...score, scoredAt: new Date(score.scoredAt).toISOString() };
  }
}
