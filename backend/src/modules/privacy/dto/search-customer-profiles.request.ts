import { ApiProperty } from '@nestjs/swagger';
import { IsMainlandMobile } from '../personal-data.validators.ts';

/** In the body, not the query string: URLs end up in access logs and proxies. */
export class SearchCustomerProfilesRequest {
  @ApiProperty({ example: '13812345678' })
  @IsMainlandMobile()
  phone!: string;
}
