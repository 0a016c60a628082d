import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { Trimmed } from '../../../common/validation/trimmed.ts';
import { IsMainlandMobile, IsResidentIdNumber } from '../personal-data.validators.ts';

export class CreateCustomerProfileRequest {
  @ApiProperty({ example: '张伟明' })
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @OptionalNotNull()
  @IsMainlandMobile()
  phone?: string;

  @ApiPropertyOptional({ example: '11010519491231002X' })
  @OptionalNotNull()
  @IsResidentIdNumber()
  idNumber?: string;
}
