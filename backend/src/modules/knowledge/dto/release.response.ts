import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JobStatus } from '../../jobs/index.ts';
import type { KnowledgeItem } from '../knowledge-item.ts';
import type { ReleaseSummary, StoredRelease } from '../release.repository.ts';
import type { FieldChange, ReleaseDiff } from '../release-diff.ts';
import type { ModelRestore } from '../rollback-release.use-case.ts';
import type { StoredTraining } from '../training.repository.ts';
import { KnowledgeContentDto } from './knowledge-content.dto.ts';

export class FieldChangeResponse implements FieldChange {
  @ApiProperty({ example: 'answers.default' })
  field!: string;

  @ApiProperty({ description: 'null when the field was absent' })
  before!: unknown;

  @ApiProperty({ description: 'null when the field was removed' })
  after!: unknown;
}

export class ChangedItemResponse {
  @ApiProperty()
  id!: string;

  @ApiProperty({ type: [FieldChangeResponse] })
  changes!: FieldChangeResponse[];
}

export class ReleaseDiffResponse implements ReleaseDiff {
  @ApiProperty({ type: [String] })
  added!: string[];

  @ApiProperty({ type: [String] })
  removed!: string[];

  @ApiProperty({ type: [ChangedItemResponse] })
  changed!: ChangedItemResponse[];
}

export class TrainingResponse {
  @ApiProperty({ enum: ['zh', 'en'] })
  language!: string;

  @ApiProperty({ format: 'uuid', description: 'Follow progress at GET /api/v1/knowledge/jobs/{jobId}' })
  jobId!: string;

  @ApiProperty({ enum: ['queued', 'activated', 'refused', 'failed'] })
  state!: string;

  @ApiPropertyOptional({ nullable: true, description: 'The candidate package, inside the models directory' })
  package!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'heldOutQuestions, candidateAccuracy, liveAccuracy',
  })
  metrics!: Record<string, number>;

  @ApiPropertyOptional({ nullable: true, description: 'Why the candidate was refused or the training failed' })
  reason!: string | null;

  static of(training: StoredTraining): TrainingResponse {
    const { language, jobId, state, metrics, reason } = training;
    return { language, jobId, state, package: training.package, metrics, reason };
  }
}

export class TrainingRunResponse extends TrainingResponse {
  @ApiProperty({ example: 3 })
  releaseNumber!: number;

  @ApiProperty({ minimum: 0, maximum: 100, description: 'Of the job while queued; 100 once it finished' })
  progress!: number;

  @ApiPropertyOptional({ nullable: true, description: 'What the job is doing now' })
  progressNote!: string | null;

  @ApiProperty()
  updatedAt!: Date;

  static run(training: StoredTraining, job: JobStatus | undefined): TrainingRunResponse {
    return {
      ...TrainingResponse.of(training),
      releaseNumber: training.releaseNumber,
      progress: training.state === 'queued' ? (job?.progress ?? 0) : 100,
      progressNote: job?.note ?? null,
      updatedAt: training.updatedAt,
    };
  }
}

export class ReleaseSummaryResponse {
  @ApiProperty({ example: 2 })
  number!: number;

  @ApiProperty({ description: 'Subject id of the approver (or `system:knowledge-seed`)' })
  publishedBy!: string;

  @ApiPropertyOptional({ nullable: true })
  note!: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Set when this release restores an earlier one' })
  rollbackOf!: number | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { zh: 'kb-zh' } })
  models!: Record<string, string>;

  @ApiProperty()
  publishedAt!: Date;

  @ApiProperty({ description: 'Items in the snapshot' })
  items!: number;

  static of(release: ReleaseSummary | StoredRelease): ReleaseSummaryResponse {
    return {
      number: release.number,
      publishedBy: release.publishedBy,
      note: release.note,
      rollbackOf: release.rollbackOf,
      models: release.models as Record<string, string>,
      publishedAt: release.publishedAt,
      items: 'snapshot' in release ? release.snapshot.length : release.items,
    };
  }
}

export class ModelRestoreResponse implements ModelRestore {
  @ApiProperty({ enum: ['zh', 'en'] })
  language!: 'zh' | 'en';

  @ApiProperty()
  package!: string;

  @ApiProperty()
  restored!: boolean;

  @ApiPropertyOptional()
  error?: string;
}

export class ReleaseResponse extends ReleaseSummaryResponse {
  @ApiProperty({ type: ReleaseDiffResponse, description: 'Against the release before it' })
  diff!: ReleaseDiffResponse;

  @ApiProperty({ type: [TrainingResponse] })
  trainings!: TrainingResponse[];

  @ApiPropertyOptional({ type: [ModelRestoreResponse], description: 'On a rollback: the models activated again' })
  restoredModels?: ModelRestoreResponse[];

  static full(release: StoredRelease, trainings: StoredTraining[], restoredModels?: ModelRestore[]): ReleaseResponse {
    return {
      ...ReleaseSummaryResponse.of(release),
      diff: release.diff,
      trainings: trainings.map(TrainingResponse.of),
      ...(restoredModels ? { restoredModels } : {}),
    };
  }
}

export class KnowledgeItemResponse {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: ['faq', 'intent', 'chitchat'] })
  kind!: string;

  @ApiProperty({ enum: ['zh', 'en'] })
  language!: string;

  @ApiProperty({ type: KnowledgeContentDto })
  content!: KnowledgeContentDto;

  static of(item: KnowledgeItem): KnowledgeItemResponse {
    return { id: item.id, kind: item.kind, language: item.language, content: item.content as KnowledgeContentDto };
  }
}
