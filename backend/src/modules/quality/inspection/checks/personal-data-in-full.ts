import { detectPersonalData, maskIdentifier } from '../../../../common/personal-data/index.ts';
import type { InspectionRuleSpec } from '../inspection-rule.ts';
import type { Finding, InspectedTranscript } from '../transcript.ts';

type Spec = Extract<InspectionRuleSpec, { kind: 'personal-data-in-full' }>;

/**
 * An agent who types a customer's ID card, bank card or phone number in full exposes it to everyone who reads the
 * transcript; the finding names the kind and shows the value masked, never in full.
 */
export function findPersonalDataInFull(spec: Spec, transcript: InspectedTranscript): Finding[] {
  const findings: Finding[] = [];
  for (const message of transcript.messages) {
    if (message.sender !== 'agent') continue;
    for (const match of detectPersonalData(message.text)) {
      if (spec.kinds && !spec.kinds.includes(match.kind)) continue;
      findings.push({ seq: message.seq, evidence: `${match.kind} in full: ${maskIdentifier(match.kind, match.text)}` });
    }
  }
  return findings;
}
