import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Length } from 'class-validator';

export class SaveRuleRequest {
  @ApiProperty({ example: '服务禁用语' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({
    description: 'The rule: `kind` and its parameters (docs/quality.md); checked in full, field by field',
    type: 'object',
    additionalProperties: true,
    example: { kind: 'forbidden-phrases', phrases: ['不知道', '你自己看'] },
  })
  @IsObject()
  spec!: Record<string, unknown>;
}
