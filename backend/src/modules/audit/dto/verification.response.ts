import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The same four fields `kefu audit verify --json` prints, and what a status badge needs: how far, and when. */
export class VerificationResponse {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Events whose link and hash were checked' }) checked!: number;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'First sequence that is missing or does not verify',
  })
  first_bad_seq!: number | null;

  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'When ok: the last sequence of the verified chain (0 for an empty trail); null when not ok',
  })
  verified_up_to_seq!: number | null;

  @ApiProperty({ description: 'When the verification ran (ISO 8601, UTC)' }) verified_at!: string;
}
