import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What `kefu audit verify-export --json` prints, and whether this installation's key signed the file. */
export class ExportVerificationResponse {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Events in the file whose order and links (and HMAC) were checked' }) checked!: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) first_bad_seq!: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Id of the key the file is signed with' })
  key_id!: string | null;

  @ApiProperty({ description: 'Whether every row’s HMAC was recomputed (always, online)' }) hmac_checked!: boolean;

  @ApiProperty({ description: 'The file is signed by this installation’s signing key, current or retired' })
  signed_by_this_installation!: boolean;
}
