import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { Trimmed } from '../../../common/validation/trimmed.ts';

export class RejectDraftRequest {
  @ApiProperty({ example: '答案中的办理时限与最新规定不符' })
  @Trimmed()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class PublishReleaseRequest {
  @ApiProperty({ type: [String], description: 'Submitted drafts to publish together, none written by the approver' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20_000)
  @IsUUID('all', { each: true })
  draftIds!: string[];

  @ApiPropertyOptional({ example: '11月挂失流程调整' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class RollbackReleaseRequest {
  @ApiPropertyOptional({ example: '新答案有误，恢复上一版' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
