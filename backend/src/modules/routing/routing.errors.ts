import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

export class GroupNotFoundError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.NotFound, `groupId: skill group ${id} does not exist`);
  }
}

export class GroupNameTakenError extends DomainError {
  constructor(name: string) {
    super(ErrorCode.Conflict, `name: a skill group called ${name} already exists`);
  }
}

/** Deleting a group would strand the customers it is serving or who wait in it. */
export class GroupInUseError extends DomainError {
  constructor(id: string, conversations: number) {
    super(
      ErrorCode.Conflict,
      `groupId: skill group ${id} still has ${conversations} waiting or assigned conversation(s)`,
    );
  }
}

export class AgentNotFoundError extends DomainError {
  constructor(agentId: string) {
    super(
      ErrorCode.NotFound,
      `agentId: agent ${agentId} is not known to routing (they set a presence or join a group first)`,
    );
  }
}

export class MemberNotFoundError extends DomainError {
  constructor(groupId: string, agentId: string) {
    super(ErrorCode.NotFound, `agentId: agent ${agentId} is not a member of skill group ${groupId}`);
  }
}

/** A transfer to an agent who cannot take one more conversation now. */
export class AgentUnavailableError extends DomainError {
  constructor(agentId: string, why: string) {
    super(ErrorCode.Conflict, `agentId: agent ${agentId} cannot take the conversation: ${why}`);
  }
}

export class NotInRoutingError extends DomainError {
  constructor(conversationId: string) {
    super(ErrorCode.Conflict, `conversationId: conversation ${conversationId} has not been handed to a person`);
  }
}

/** Only the agent serving a conversation, or a supervisor, moves it. */
export class NotYourConversationError extends DomainError {
  constructor(conversationId: string) {
    super(ErrorCode.Forbidden, `conversationId: conversation ${conversationId} is not assigned to you`);
  }
}
