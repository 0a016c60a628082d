import { ApiProperty } from '@nestjs/swagger';
import type { LegalHold } from '../legal-hold.repository.ts';

export class LegalHoldResponse {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  dataClass!: string;

  @ApiProperty({ nullable: true, type: String })
  subjectId!: string | null;

  @ApiProperty()
  reason!: string;

  @ApiProperty()
  placedAt!: string;

  @ApiProperty({ nullable: true, type: String })
  releasedAt!: string | null;

  static of(hold: LegalHold): LegalHoldResponse {
    return {
      id: hold.id,
      dataClass: hold.dataClass,
      subjectId: hold.subjectId,
      reason: hold.reason,
      placedAt: new Date(hold.placedAt).toISOString(),
      releasedAt: hold.releasedAt ? new Date(hold.releasedAt).toISOString() : null,
    };
  }
}
