import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

export class ImportQuery {
  @ApiPropertyOptional({ default: false, description: 'Submit the drafts for approval at once' })
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  submit = false;
}

export class ImportResponse {
  @ApiPropertyOptional({ type: [String], description: 'The drafts created, in row order' })
  draftIds!: string[];
}
