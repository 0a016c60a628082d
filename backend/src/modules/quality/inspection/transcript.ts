export type InspectedSender = 'visitor' | 'bot' | 'agent' | 'system';
export type Sentiment = 'negative' | 'neutral' | 'positive' | 'anger';

/** One message as quality inspection reads it: decrypted text, who sent it and when. */
export interface InspectedMessage {
  seq: number;
  sender: InspectedSender;
  /** The bot's message kind (`handoff`, `answer`, …); absent for people. */
  kind?: string;
  text: string;
  /** ISO 8601. */
  sentAt: string;
  /** The customer's sentiment, read by the NLU model (customer messages only). */
  sentiment?: Sentiment;
}

/** A closed conversation in sequence order, the input of every inspection rule. */
export interface InspectedTranscript {
  conversationId: string;
  messages: readonly InspectedMessage[];
}

/** What a rule found: the message it concerns (none for a missing phrase) and evidence free of personal data. */
export interface Finding {
  seq: number | null;
  evidence: string;
}
