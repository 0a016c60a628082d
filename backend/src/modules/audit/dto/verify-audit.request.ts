import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';

export class VerifyAuditRequest {
  @ApiPropertyOptional({
    description: 'Start here; the row before it is trusted as the anchor. Default: everything online',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  fromSeq?: number;
}
