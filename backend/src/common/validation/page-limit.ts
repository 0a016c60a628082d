import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * A list's page size from the query string: optional, a whole number from 1 to `maximum`. The field's initialiser
 * (or the service) supplies `default`, which the API description states.
 */
export function PageLimit(page: { default: number; maximum: number }): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ default: page.default, minimum: 1, maximum: page.maximum }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(page.maximum),
  );
}
