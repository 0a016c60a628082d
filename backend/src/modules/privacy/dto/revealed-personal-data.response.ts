import { ApiProperty } from '@nestjs/swagger';

export class RevealedPersonalDataResponse {
  @ApiProperty()
  profileId!: string;

  @ApiProperty({ enum: ['name', 'phone', 'idNumber'] })
  field!: string;

  @ApiProperty({ description: 'The value in full' })
  value!: string;
}
