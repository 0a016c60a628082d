import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import { RequestValidationError } from '../../../common/errors/request-validation.error.ts';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import type { TransferTarget } from '../conversation-transfer.use-case.ts';

/** Exactly one of agentId and groupId. */
export class TransferRequest {
  @ApiPropertyOptional({ description: 'Hand the conversation to this agent (online or busy, with room)' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 200)
  agentId?: string;

  @ApiPropertyOptional({ description: "Put the conversation back in this group's queue" })
  @OptionalNotNull()
  @IsUUID()
  groupId?: string;

  target(): TransferTarget {
    if (this.agentId !== undefined && this.groupId === undefined) return { agentId: this.agentId };
    if (this.groupId !== undefined && this.agentId === undefined) return { groupId: this.groupId };
    throw new RequestValidationError([
      { field: 'agentId', rule: 'exactlyOne', message: 'give exactly one of agentId and groupId' },
    ]);
  }
}
