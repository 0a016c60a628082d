import type { InspectionRuleSpec } from '../inspection-rule.ts';
import type { Finding, InspectedTranscript } from '../transcript.ts';

type Spec = Extract<InspectionRuleSpec, { kind: 'negative-sentiment' }>;

/** Fires when at least `atLeast` customer messages read as negative or angry; one finding per such message. */
export function findNegativeSentiment(spec: Spec, transcript: InspectedTranscript): Finding[] {
  const negative = transcript.messages.filter(
    (message) => message.sender === 'visitor' && (message.sentiment === 'negative' || message.sentiment === 'anger'),
  );
  if (negative.length < (spec.atLeast ?? 1)) return [];
  return negative.map((message) => ({ seq: message.seq, evidence: `customer sentiment: ${message.sentiment}` }));
}
