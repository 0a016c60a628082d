import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export const MAX_MESSAGE_LENGTH = 2000;

export class SendMessageRequest {
  @ApiProperty({
    example: 'c-7f3a9d',
    description: "The client's own id for this message: a resend with the same id is answered, not stored twice",
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'clientMessageId must be 1–64 letters, digits, _ or -' })
  clientMessageId!: string;

  @ApiProperty({ example: '借记卡丢了怎么挂失？' })
  @IsString()
  @Length(1, MAX_MESSAGE_LENGTH)
  @Matches(/\S/, { message: 'text must not be blank' })
  text!: string;
}
