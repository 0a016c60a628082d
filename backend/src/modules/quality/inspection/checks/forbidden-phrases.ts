import type { InspectionRuleSpec } from '../inspection-rule.ts';
import { firstPhraseIn } from '../phrase-match.ts';
import type { Finding, InspectedTranscript } from '../transcript.ts';

type Spec = Extract<InspectionRuleSpec, { kind: 'forbidden-phrases' }>;

/** One finding per message that contains a forbidden phrase; the evidence is the phrase, not the message. */
export function findForbiddenPhrases(spec: Spec, transcript: InspectedTranscript): Finding[] {
  const senders = spec.senders ?? ['agent'];
  const findings: Finding[] = [];
  for (const message of transcript.messages) {
    if (!senders.includes(message.sender)) continue;
    const phrase = firstPhraseIn(message.text, spec.phrases);
    if (phrase) findings.push({ seq: message.seq, evidence: `said "${phrase}"` });
  }
  return findings;
}
