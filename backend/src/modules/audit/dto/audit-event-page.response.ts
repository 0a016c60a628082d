import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AuditEventResponse } from './audit-event.response.ts';

export class AuditEventPageResponse {
  @ApiProperty({ type: [AuditEventResponse] }) items!: AuditEventResponse[];

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Pass as afterSeq for the next page; null at the end',
  })
  nextAfterSeq!: number | null;
}
