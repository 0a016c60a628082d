import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditRecord } from '../audit-entry.ts';

/** One event as auditors see it; personal data in `details` is already a keyed hash. */
export class AuditEventResponse {
  @ApiProperty() seq!: number;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() actorKind!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty({ type: [String] }) actorRoles!: string[];
  @ApiProperty() action!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) targetType!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) targetId!: string | null;
  @ApiProperty() outcome!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) sourceAddress!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) requestId!: string | null;
  @ApiProperty({ type: Object }) details!: Record<string, unknown>;
  @ApiProperty() prevHash!: string;
  @ApiProperty() rowHash!: string;

  static of(record: AuditRecord): AuditEventResponse {
    return {
      seq: record.seq,
      occurredAt: record.occurredAt,
      actorKind: record.actorKind,
      actorId: record.actorId,
      actorRoles: record.actorRoles,
      action: record.action,
      targetType: record.targetType,
      targetId: record.targetId,
      outcome: record.outcome,
      sourceAddress: record.sourceAddress,
      requestId: record.requestId,
      details: record.details,
      prevHash: record.prevHash,
      rowHash: record.rowHash,
    };
  }
}
