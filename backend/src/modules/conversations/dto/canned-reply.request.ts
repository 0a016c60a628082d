import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';

export class CannedReplyRequest {
  @ApiProperty({ example: '挂失指引' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'title must not be blank' })
  title!: string;

  @ApiProperty({
    example: '{customerName}您好，我是{agentName}，您的工单号是 {ticketNumber}。',
    description: 'Variables in braces are filled in by the console: customerName, agentName, ticketNumber, date, time',
  })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'body must not be blank' })
  body!: string;

  @ApiPropertyOptional({ nullable: true, description: 'A routing skill group; absent or null: for everyone' })
  @IsOptional()
  @IsUUID()
  groupId?: string | null;
}

export class CannedReplyQuery {
  @ApiPropertyOptional({ description: "The global replies and this group's; absent: every reply" })
  @OptionalNotNull()
  @IsUUID()
  groupId?: string;
}
