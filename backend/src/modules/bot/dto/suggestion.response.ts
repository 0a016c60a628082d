import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class NearestItemResponse {
  @ApiProperty({ example: 'zh-card-lost-debit' })
  id!: string;

  @ApiPropertyOptional({ description: 'Its published question, when it is published' })
  question?: string;

  @ApiProperty({ description: 'NLU confidence of the representative question for this item' })
  confidence!: number;
}

export class SuggestionResponse {
  @ApiProperty({ description: 'The most typical question of the group (personal data masked)' })
  representative!: string;

  @ApiProperty({ description: 'How many unanswered questions the group holds' })
  count!: number;

  @ApiProperty({ description: 'Up to five distinct questions of the group, most typical first' })
  examples!: string[];

  @ApiPropertyOptional({ type: NearestItemResponse })
  nearestItem?: NearestItemResponse;
}
