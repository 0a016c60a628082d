import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Trimmed } from '../../../common/validation/trimmed.ts';

export class EraseCustomerRequest {
  @ApiProperty({ description: 'Why (e.g. the ticket of the customer’s PIPL Art. 47 request); kept in the audit trail' })
  @Trimmed()
  @IsString()
  @MinLength(10)
  @MaxLength(500)
  reason!: string;
}
