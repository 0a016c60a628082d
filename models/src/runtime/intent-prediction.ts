export interface ScoredIntent {
  intent: string;
  confidence: number;
}

/** The answer for one message. When `oos` is true the bot should say "I don't know" (or hand over). */
export interface IntentPrediction {
  /** Best intent even when rejected, for review queues; act on it only when `oos` is false. */
  intent: string;
  confidence: number;
  topK: ScoredIntent[];
  oos: boolean;
  /** Share of the message's features seen in training. */
  coverage: number;
}
