import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';

export class AddNoteRequest {
  @ApiProperty({ example: '客户情绪较急，已承诺 24 小时内回电。', description: 'Staff only; stored encrypted' })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'text must not be blank' })
  text!: string;

  @ApiPropertyOptional({
    example: 'c-5f2b1a9e',
    description: "The draft's own id: sending it again returns the note stored the first time",
  })
  @OptionalNotNull()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'clientNoteId must be 1–64 letters, digits, _ or -' })
  clientNoteId?: string;
}
