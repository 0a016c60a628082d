import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Trimmed } from '../../../common/validation/trimmed.ts';
import type { ProfileField } from '../profile-field.ts';

export const REVEAL_REASON_MIN_LENGTH = 10;

export class RevealPersonalDataRequest {
  @ApiProperty()
  @IsUUID()
  profileId!: string;

  @ApiProperty({ enum: ['name', 'phone', 'idNumber'] })
  @IsIn(['name', 'phone', 'idNumber'])
  field!: ProfileField;

  @ApiProperty({
    description: `Why the full value is needed (at least ${REVEAL_REASON_MIN_LENGTH} characters); kept in the audit trail`,
    example: '客户来电要求核对身份证号以办理挂失',
  })
  @Trimmed()
  @IsString()
  @MinLength(REVEAL_REASON_MIN_LENGTH)
  @MaxLength(500)
  reason!: string;
}
