import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { type Disposition, dispositions } from '../conversation.ts';

export class CloseConversationRequest {
  @ApiProperty({ enum: dispositions, description: 'How the conversation ended, for reports and quality review' })
  @IsIn(dispositions)
  disposition!: Disposition;

  @ApiProperty({ example: '客户挂失借记卡，已告知补卡流程。', description: 'Stored encrypted like the transcript' })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'summary must not be blank' })
  summary!: string;
}
