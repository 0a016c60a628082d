import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { QueueEntry, RoutingAgent, RoutingGroup } from '../routing.ts';
import { WorkingHoursDto } from './group.request.ts';

export class GroupResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['least-busy', 'round-robin', 'previous-agent'] }) strategy!: string;
  @ApiPropertyOptional({ type: WorkingHoursDto, nullable: true }) workingHours!: WorkingHoursDto | null;
  @ApiProperty() handoffDefault!: boolean;
  @ApiProperty({ type: [String] }) memberIds!: string[];

  static of(group: RoutingGroup): GroupResponse {
    return { ...group };
  }
}

export class AgentResponse {
  @ApiProperty() agentId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['online', 'busy', 'away', 'offline'] }) presence!: string;
  @ApiProperty({ description: 'Offline because their console went silent, until they set a presence again' })
  presenceTimedOut!: boolean;
  @ApiProperty() capacity!: number;
  @ApiProperty({ description: 'Conversations assigned now' }) active!: number;
  @ApiProperty({ type: [String] }) groupIds!: string[];

  static of(agent: RoutingAgent): AgentResponse {
    return { ...agent };
  }
}

export class QueueEntryResponse {
  @ApiProperty() conversationId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) groupId!: string | null;
  @ApiProperty({ enum: ['waiting', 'assigned', 'overflowed', 'ended'] }) state!: string;
  @ApiProperty({ description: 'Why the bot handed off: asked, repeated-fallback, anger, flow' }) reason!: string;
  @ApiProperty() enqueuedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) agentId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) assignedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The leave-a-message ticket, if overflowed' })
  ticketId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '1 = next; only while waiting' })
  position?: number | null;
  @ApiPropertyOptional({ description: 'Seconds waited so far, or until an agent took it' }) waitedSeconds?: number;

  static of(entry: QueueEntry & { position?: number | null; waitedSeconds?: number }): QueueEntryResponse {
    return {
      conversationId: entry.conversationId,
      groupId: entry.groupId,
      state: entry.state,
      reason: entry.reason,
      enqueuedAt: entry.enqueuedAt.toISOString(),
      agentId: entry.agentId,
      assignedAt: entry.assignedAt?.toISOString() ?? null,
      ticketId: entry.ticketId,
      position: entry.position,
      waitedSeconds: entry.waitedSeconds,
    };
  }
}

export class MyRoutingResponse {
  @ApiProperty({ type: AgentResponse }) agent!: AgentResponse;
  @ApiProperty({ type: [QueueEntryResponse], description: 'The conversations assigned to me, oldest first' })
  assigned!: QueueEntryResponse[];
  @ApiProperty({
    description:
      'An online or busy agent not heard from (this route, or setting a presence) for this long is set offline: ' +
      'a client serving customers asks well within it',
  })
  presenceTimeoutSeconds!: number;
}

export class QueueStatusResponse {
  @ApiProperty({ enum: ['none', 'waiting', 'assigned', 'overflowed', 'ended'] }) state!: string;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '1 = next; only while waiting' })
  position!: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Only while waiting' })
  estimatedWaitSeconds!: number | null;
}

export class RoutingSettingsResponse {
  @ApiProperty({ type: [GroupResponse] }) groups!: GroupResponse[];
  @ApiProperty({ type: [AgentResponse] }) agents!: AgentResponse[];
}
