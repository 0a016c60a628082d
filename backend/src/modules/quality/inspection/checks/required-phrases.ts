import type { InspectionRuleSpec } from '../inspection-rule.ts';
import { firstPhraseIn } from '../phrase-match.ts';
import type { Finding, InspectedTranscript } from '../transcript.ts';

type Spec = Extract<InspectionRuleSpec, { kind: 'required-phrases' }>;

/**
 * A finding when the agent's first, last or any message lacks every phrase. A conversation the agent never wrote in
 * owes nothing; with `whenMentioned`, neither does one where no one mentioned the topic.
 */
export function findMissingPhrases(spec: Spec, transcript: InspectedTranscript): Finding[] {
  const agentMessages = transcript.messages.filter((message) => message.sender === 'agent');
  if (agentMessages.length === 0) return [];
  if (
    spec.whenMentioned &&
    !transcript.messages.some((message) => firstPhraseIn(message.text, spec.whenMentioned ?? []))
  )
    return [];
  const inScope =
    spec.in === 'first-agent-message'
      ? agentMessages.slice(0, 1)
      : spec.in === 'last-agent-message'
        ? agentMessages.slice(-1)
        : agentMessages;
  if (inScope.some((message) => firstPhraseIn(message.text, spec.phrases))) return [];
  const where = spec.in === 'any-agent-message' ? null : (inScope[0]?.seq ?? null);
  return [{ seq: where, evidence: `none of "${spec.phrases.join('" / "')}" in the ${describe(spec.in)}` }];
}

function describe(scope: Spec['in']): string {
  return scope === 'first-agent-message'
    ? "agent's first message"
    : scope === 'last-agent-message'
      ? "agent's last message"
      : "agent's messages";
}
