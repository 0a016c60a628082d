/** Who is talking to the customer right now. `queued` waits for an agent after a handoff. */
export enum ConversationState {
  Bot = 'bot',
  Queued = 'queued',
  Agent = 'agent',
  Closed = 'closed',
}

export type ConversationChannel = 'web' | 'api';
export type ConversationLanguage = 'zh' | 'en';
export type SenderKind = 'visitor' | 'bot' | 'agent' | 'system';

export interface Conversation {
  id: string;
  visitorId: string;
  visitorVerified: boolean;
  channel: ConversationChannel;
  language: ConversationLanguage;
  state: ConversationState;
  lastSeq: number;
  createdAt: string;
}

/** What the customer and the agent see of one message; links and suggestions only on bot messages. */
export interface MessageContent {
  text: string;
  itemId?: string;
  suggestions?: { id: string; question: string }[];
  links?: { title: string; url: string }[];
}

export interface ChatMessage extends MessageContent {
  conversationId: string;
  seq: number;
  /** The customer's own id for the message, echoed back so a client can match its pending sends. */
  clientMessageId?: string;
  /** For a bot or system message: the seq of the customer message it answers. */
  replyTo?: number;
  sender: SenderKind;
  kind: string;
  createdAt: string;
}

/** The result of one customer send: the stored message and everything the bot said back. */
export interface SendResult {
  message: ChatMessage;
  replies: ChatMessage[];
  /** True when the message had been stored before (a resend): nothing new was written. */
  duplicate: boolean;
  conversation: Conversation;
}

/** How an agent closed a conversation, for analytics and quality review. */
export type Disposition = 'resolved' | 'unresolved' | 'follow-up' | 'spam' | 'no-response';
export const dispositions: readonly Disposition[] = ['resolved', 'unresolved', 'follow-up', 'spam', 'no-response'];
