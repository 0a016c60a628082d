import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsJWT, MaxLength } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';

export class CreateVisitorTokenRequest {
  @ApiPropertyOptional({ description: "A JWT signed by the bank's portal vouching for a signed-in customer" })
  @OptionalNotNull()
  @IsJWT()
  @MaxLength(8192)
  assertion?: string;
}

export class VisitorTokenResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer …` from the widget' })
  token!: string;

  @ApiProperty({ example: 'anonymous:0b7c…' })
  visitorId!: string;

  @ApiProperty({ example: '2026-11-27T05:30:00.000Z' })
  expiresAt!: string;

  @ApiProperty({ description: "Whether the bank's portal vouched for this customer" })
  verified!: boolean;
}
