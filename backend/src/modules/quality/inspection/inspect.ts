import { findForbiddenPhrases } from './checks/forbidden-phrases.ts';
import { findNegativeSentiment } from './checks/negative-sentiment.ts';
import { findPersonalDataInFull } from './checks/personal-data-in-full.ts';
import { findMissingPhrases } from './checks/required-phrases.ts';
import { findSlowFirstResponse, findSlowReplies } from './checks/response-times.ts';
import type { InspectionRuleSpec } from './inspection-rule.ts';
import type { Finding, InspectedTranscript } from './transcript.ts';

/** What one rule found in one transcript; no findings means the conversation passed it. */
export function applyRule(spec: InspectionRuleSpec, transcript: InspectedTranscript): Finding[] {
  switch (spec.kind) {
    case 'forbidden-phrases':
      return findForbiddenPhrases(spec, transcript);
    case 'required-phrases':
      return findMissingPhrases(spec, transcript);
    case 'first-response-time':
      return findSlowFirstResponse(spec, transcript);
    case 'reply-time':
      return findSlowReplies(spec, transcript);
    case 'negative-sentiment':
      return findNegativeSentiment(spec, transcript);
    case 'personal-data-in-full':
      return findPersonalDataInFull(spec, transcript);
  }
}
