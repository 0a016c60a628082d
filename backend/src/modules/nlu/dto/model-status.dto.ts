import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class ModelStatusResponse {
  @ApiProperty({ example: 'kb-zh' })
  name!: string;

  @ApiProperty()
  version!: string;

  @ApiProperty({ example: 'faq' })
  task!: string;

  @ApiPropertyOptional({ description: 'The version a rollback returns to' })
  previousVersion?: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } })
  metrics!: Record<string, number>;
}

export class ActivateModelRequest {
  @ApiProperty({ description: 'A package folder inside the models directory', example: 'kb-zh-2026-11-27' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, {
    message: 'package must be a folder name inside the models directory',
  })
  package!: string;
}
