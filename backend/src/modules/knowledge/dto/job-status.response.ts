import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JobStatus } from '../../jobs/index.ts';

export class JobStatusResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'knowledge.retrain' })
  queue!: string;

  @ApiProperty({ enum: ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] })
  state!: string;

  @ApiProperty({ minimum: 0, maximum: 100 })
  progress!: number;

  @ApiPropertyOptional({ nullable: true })
  note!: string | null;

  @ApiPropertyOptional({ description: 'What the job produced (for retraining: state, package, metrics, reason)' })
  output!: unknown;

  @ApiPropertyOptional({ nullable: true })
  error!: string | null;

  static of(status: JobStatus): JobStatusResponse {
    return { ...status };
  }
}
