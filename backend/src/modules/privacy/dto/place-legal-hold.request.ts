import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { DataClass } from '../data-class.ts';

export class PlaceLegalHoldRequest {
  @ApiProperty({ enum: DataClass })
  @IsEnum(DataClass)
  dataClass!: DataClass;

  @ApiPropertyOptional({ description: 'One subject (a customer profile id); omitted: the whole class' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subjectId?: string;

  @ApiProperty({ description: 'The case or order behind the hold' })
  @IsString()
  @MinLength(10)
  @MaxLength(500)
  reason!: string;
}
