import { ApiProperty } from '@nestjs/swagger';
import type { MaskedCustomerProfile } from '../customer-profiles.service.ts';

/** A profile as staff see it: every personal field masked. */
export class CustomerProfileResponse {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: '张**' })
  name!: string;

  @ApiProperty({ example: '138****5678', nullable: true, type: String })
  phone!: string | null;

  @ApiProperty({ example: '110105********002X', nullable: true, type: String })
  idNumber!: string | null;

  @ApiProperty()
  createdAt!: string;

  static of(profile: MaskedCustomerProfile): CustomerProfileResponse {
    return {
      id: profile.id,
      name: profile.name,
      phone: profile.phone,
      idNumber: profile.idNumber,
      createdAt: new Date(profile.createdAt).toISOString(),
    };
  }
}
