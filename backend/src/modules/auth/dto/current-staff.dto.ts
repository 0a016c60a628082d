import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Permission } from '../../../common/access/permission.ts';
import type { Role } from '../../../common/access/role.ts';

export class CurrentStaffResponse {
  @ApiProperty()
  id!: string;

  @ApiPropertyOptional()
  username?: string;

  @ApiProperty({ type: [String] })
  roles!: Role[];

  @ApiProperty({ type: [String], description: 'What the roles allow: the console shows only what these permit' })
  permissions!: Permission[];
}
