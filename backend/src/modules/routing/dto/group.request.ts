import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
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
  ValidateNested,
} from 'class-validator';
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
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => WorkingWindowDto)
  windows!: WorkingWindowDto[];
}

export class CreateGroupRequest {
  @ApiProperty({ example: '信用卡' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiPropertyOptional({ enum: strategies, default: 'least-busy' })
  @IsOptional()
  @IsIn(strategies)
  strategy: Strategy = 'least-busy';

  @ApiPropertyOptional({ type: WorkingHoursDto, nullable: true, description: 'Absent or null: always open' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkingHoursDto)
  workingHours: WorkingHoursDto | null = null;

  @ApiPropertyOptional({ type: Boolean, default: false, description: "Receives the bot's handoffs (one at a time)" })
  @IsOptional()
  @IsBoolean()
  handoffDefault: boolean = false;
}

export class UpdateGroupRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ enum: strategies })
  @IsOptional()
  @IsIn(strategies)
  strategy?: Strategy;

  @ApiPropertyOptional({ type: WorkingHoursDto, nullable: true, description: 'null: always open' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkingHoursDto)
  workingHours?: WorkingHoursDto | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  handoffDefault?: boolean;
}
