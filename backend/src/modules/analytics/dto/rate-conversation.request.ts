import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';

export class RateConversationRequest {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1 very dissatisfied … 5 very satisfied' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiPropertyOptional({ maxLength: 500, description: 'Stored with personal data masked' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export class RatingResponse {
  @ApiProperty() conversationId!: string;
  @ApiProperty() rating!: number;
  @ApiProperty({ nullable: true, description: 'The comment as stored: personal data masked' })
  comment!: string | null;
  @ApiProperty() ratedAt!: string;
}
