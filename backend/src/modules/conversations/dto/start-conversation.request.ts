import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ConversationChannel, ConversationLanguage } from '../conversation.ts';

export class StartConversationRequest {
  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh', description: 'Language of greetings and notices' })
  @IsOptional()
  @IsIn(['zh', 'en'])
  language: ConversationLanguage = 'zh';

  @ApiPropertyOptional({ enum: ['web', 'api'], default: 'api', description: 'The widget says web; a bank app, api' })
  @IsOptional()
  @IsIn(['web', 'api'])
  channel: ConversationChannel = 'api';
}
