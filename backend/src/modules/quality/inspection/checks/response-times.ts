import type { InspectionRuleSpec } from '../inspection-rule.ts';
import type { Finding, InspectedMessage, InspectedTranscript } from '../transcript.ts';

type FirstResponseSpec = Extract<InspectionRuleSpec, { kind: 'first-response-time' }>;
type ReplySpec = Extract<InspectionRuleSpec, { kind: 'reply-time' }>;

const seconds = (from: InspectedMessage, to: InspectedMessage) =>
  (Date.parse(to.sentAt) - Date.parse(from.sentAt)) / 1000;

/**
 * The customer waits from the bot's handoff (or, without one, their own first message) until the agent's first
 * message; a conversation no agent joined has no first response to judge.
 */
export function findSlowFirstResponse(spec: FirstResponseSpec, transcript: InspectedTranscript): Finding[] {
  const { messages } = transcript;
  const firstAgent = messages.find((message) => message.sender === 'agent');
  const waitingFrom =
    messages.find((message) => message.sender === 'bot' && message.kind === 'handoff') ??
    messages.find((message) => message.sender === 'visitor');
  if (!firstAgent || !waitingFrom || waitingFrom.seq > firstAgent.seq) return [];
  const waited = seconds(waitingFrom, firstAgent);
  return waited > spec.maxSeconds
    ? [{ seq: firstAgent.seq, evidence: `first response after ${waited} s (limit ${spec.maxSeconds} s)` }]
    : [];
}

/**
 * Once the agent has answered, each customer message starts a wait that the agent's next message ends; the wait is
 * measured from the oldest customer message not yet answered. A wait the conversation's close cut short is not judged.
 */
export function findSlowReplies(spec: ReplySpec, transcript: InspectedTranscript): Finding[] {
  const findings: Finding[] = [];
  let serving = false;
  let waitingSince: InspectedMessage | undefined;
  for (const message of transcript.messages) {
    if (message.sender === 'visitor' && serving) waitingSince ??= message;
    if (message.sender !== 'agent') continue;
    if (waitingSince) {
      const waited = seconds(waitingSince, message);
      if (waited > spec.maxSeconds)
        findings.push({ seq: message.seq, evidence: `replied after ${waited} s (limit ${spec.maxSeconds} s)` });
    }
    serving = true;
    waitingSince = undefined;
  }
  return findings;
}
