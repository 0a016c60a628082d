import { ApiProperty } from '@nestjs/swagger';
import type { ErasureResult } from '../customer-erasure.use-case.ts';

export class ErasureResponse {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  erasedAt!: string;

  @ApiProperty({ type: [String], description: 'Data keys destroyed (crypto-shredding)' })
  destroyedKeyIds!: string[];

  static of(result: ErasureResult): ErasureResponse {
    return {
      id: result.id,
      erasedAt: new Date(result.erasedAt).toISOString(),
      destroyedKeyIds: result.destroyedKeyIds,
    };
  }
}
