import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsMainlandMobile, IsResidentIdNumber } from '../personal-data.validators.ts';

export class CreateCustomerProfileRequest {
  @ApiProperty({ example: '张伟明' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @IsMainlandMobile()
  phone?: string;

  @ApiPropertyOptional({ example: '11010519491231002X' })
  @IsOptional()
  @IsResidentIdNumber()
  idNumber?: string;
}
