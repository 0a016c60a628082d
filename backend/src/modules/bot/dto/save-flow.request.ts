import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsObject, IsString, Matches } from 'class-validator';

export class SaveFlowRequest {
  @ApiProperty({
    description: 'Knowledge item ids (NLU labels) that start the flow when recognised with confidence',
    example: ['zh-card-lost-debit', 'en-card-lost-debit'],
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[a-z0-9][a-z0-9-]{1,99}$/, { each: true, message: 'each trigger must be a knowledge item id' })
  triggers!: string[];

  @ApiProperty({ description: 'A disabled flow starts for nobody; conversations already in it finish' })
  @IsBoolean()
  enabled!: boolean;

  @ApiProperty({
    description: 'Slots, confirmation, action and messages (docs/bot.md); checked in full, field by field',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  definition!: Record<string, unknown>;
}
