import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { Trimmed } from '../../../common/validation/trimmed.ts';
import { DataClass } from '../data-class.ts';

export class PlaceLegalHoldRequest {
  @ApiProperty({ enum: DataClass })
  @IsEnum(DataClass)
  dataClass!: DataClass;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One customer profile (with dataClass customer-profiles only); omitted: the whole class',
  })
  @OptionalNotNull()
  // Stored in the canonical lower case, so that it is compared with the profile's id as the database writes it.
  @Transform(({ value }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsUUID()
  subjectId?: string;

  @ApiProperty({ description: 'The case or order behind the hold' })
  @Trimmed()
  @IsString()
  @MinLength(10)
  @MaxLength(500)
  reason!: string;
}
