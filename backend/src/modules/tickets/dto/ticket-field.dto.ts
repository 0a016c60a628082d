import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, Length, ValidateIf } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { type FieldType, fieldTypes } from '../ticket-field.ts';

/** The definition of one custom field; its key is in the path. */
export class TicketFieldRequest {
  @ApiProperty({ example: '卡片类型' })
  @IsString()
  @Length(1, 100)
  label!: string;

  @ApiProperty({ enum: fieldTypes })
  @IsIn(fieldTypes)
  type!: FieldType;

  @ApiPropertyOptional({ type: [String], description: 'Required for choice: the allowed values' })
  @ValidateIf((request: TicketFieldRequest) => request.type === 'choice')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  options: string[] = [];

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Every new ticket must carry a value' })
  @OptionalNotNull()
  @IsBoolean()
  required: boolean = false;
}

export class TicketFieldResponse extends TicketFieldRequest {
  @ApiProperty() key!: string;
}
