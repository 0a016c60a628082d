import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The same four fields `kefu audit verify --json` prints. */
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
}
