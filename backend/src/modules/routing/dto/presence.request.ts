import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { type Presence, presences } from '../routing.ts';

export class PresenceRequest {
  @ApiProperty({ enum: presences, description: 'Only online agents get new conversations' })
  @IsIn(presences)
  presence!: Presence;
}

export class CapacityRequest {
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Conversations served at once; 0 takes none' })
  @IsInt()
  @Min(0)
  @Max(100)
  capacity!: number;
}
