import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class AddNoteRequest {
  @ApiProperty({ example: '客户情绪较急，已承诺 24 小时内回电。', description: 'Staff only; stored encrypted' })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'text must not be blank' })
  text!: string;
}
