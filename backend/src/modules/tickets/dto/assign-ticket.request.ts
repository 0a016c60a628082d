import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, ValidateIf } from 'class-validator';

export class AssignTicketRequest {
  @ApiProperty({ nullable: true, type: String, description: 'Staff subject id; null unassigns' })
  @ValidateIf((request: AssignTicketRequest) => request.assigneeId !== null)
  @IsString()
  @Length(1, 200)
  assigneeId!: string | null;
}
