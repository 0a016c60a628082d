import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import type { ConversationChannel, ConversationLanguage } from '../conversation.ts';

export class StartConversationRequest {
  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh', description: 'Language of greetings and notices' })
  @OptionalNotNull()
  @IsIn(['zh', 'en'])
  language: ConversationLanguage = 'zh';

  @ApiPropertyOptional({ enum: ['web', 'api'], default: 'api', description: 'The widget says web; a bank app, api' })
  @OptionalNotNull()
  @IsIn(['web', 'api'])
  channel: ConversationChannel = 'api';
}
