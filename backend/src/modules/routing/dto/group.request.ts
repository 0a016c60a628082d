import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { NestedObject, NestedObjects } from '../../../common/validation/nested.ts';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { type Strategy, strategies } from '../routing.ts';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class WorkingWindowDto {
  @ApiProperty({ example: [1, 2, 3, 4, 5], description: 'ISO weekdays: 1 = Monday … 7 = Sunday' })
  @IsArray()
  @ArrayMinSize(1)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  days!: number[];

  @ApiProperty({ example: '09:00' })
  @Matches(TIME, { message: 'from must be a time HH:MM' })
  from!: string;

  @ApiProperty({ example: '18:00', description: 'Exclusive; 24:00 for the end of the day' })
  @Matches(TIME, { message: 'to must be a time HH:MM' })
  to!: string;
}

export class WorkingHoursDto {
  @ApiProperty({ example: 'Asia/Shanghai' })
  @IsString()
  timezone!: string;

  @ApiProperty({ type: [WorkingWindowDto] })
  @NestedObjects(() => WorkingWindowDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  windows!: WorkingWindowDto[];
}

export class CreateGroupRequest {
  @ApiProperty({ example: '信用卡' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiPropertyOptional({ enum: strategies, default: 'least-busy' })
  @OptionalNotNull()
  @IsIn(strategies)
  strategy: Strategy = 'least-busy';

  @ApiPropertyOptional({ type: WorkingHoursDto, nullable: true, description: 'Absent or null: always open' })
  @IsOptional()
  @NestedObject(() => WorkingHoursDto)
  workingHours: WorkingHoursDto | null = null;

  @ApiPropertyOptional({ type: Boolean, default: false, description: "Receives the bot's handoffs (one at a time)" })
  @OptionalNotNull()
  @IsBoolean()
  handoffDefault: boolean = false;
}

export class UpdateGroupRequest {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ enum: strategies })
  @OptionalNotNull()
  @IsIn(strategies)
  strategy?: Strategy;

  @ApiPropertyOptional({ type: WorkingHoursDto, nullable: true, description: 'null: always open' })
  @IsOptional()
  @NestedObject(() => WorkingHoursDto)
  workingHours?: WorkingHoursDto | null;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  handoffDefault?: boolean;
}
