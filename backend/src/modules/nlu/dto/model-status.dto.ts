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

/** A model slot name, as the models directory names its default packages. */
export const MODEL_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * A package folder inside the models directory, at most one level down (retraining writes `releases/kb-zh-r3`). Every
 * segment starts with a letter or digit, so `..` and absolute paths cannot leave the directory.
 */
export const PACKAGE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,99})?$/;

export class ActivateModelRequest {
  @ApiProperty({ description: 'A package folder inside the models directory', example: 'kb-zh-2026-11-27' })
  @IsString()
  @Matches(PACKAGE_PATTERN, {
    message: 'package must be a folder name inside the models directory',
  })
  package!: string;
}
