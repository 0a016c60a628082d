import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class CommentRequest {
  @ApiProperty({ description: 'Stored encrypted' })
  @IsString()
  @Length(1, 5000)
  @Matches(/\S/, { message: 'body must not be blank' })
  body!: string;
}
