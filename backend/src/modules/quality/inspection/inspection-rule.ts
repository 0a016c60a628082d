import { z } from 'zod';
import { RequestValidationError } from '../../../common/errors/request-validation.error.ts';

const phrases = z.array(z.string().trim().min(1).max(200)).min(1).max(200);
const senders = z.array(z.enum(['visitor', 'bot', 'agent', 'system'])).min(1);
const limitSeconds = z.number().int().min(1).max(86_400);

/**
 * The kinds of inspection rule (质检规则), each with its parameters. Rules are data: supervisors define them through the
 * API and scorecards weigh them, so adding a rule to a bank's scorecard needs no release.
 */
export const inspectionRuleSpecSchema = z.discriminatedUnion('kind', [
  /** Any of the phrases in a message of the given senders (agents by default): 禁用语. */
  z.strictObject({ kind: z.literal('forbidden-phrases'), phrases, senders: senders.optional() }),
  /**
   * One of the phrases must appear in the agent's first, last or any message: greeting, closing, or — with
   * `whenMentioned` — a disclosure owed only when the conversation mentions a topic (理财 → "理财非存款，投资需谨慎").
   */
  z.strictObject({
    kind: z.literal('required-phrases'),
    phrases,
    in: z.enum(['first-agent-message', 'last-agent-message', 'any-agent-message']),
    whenMentioned: phrases.optional(),
  }),
  /** From the handoff (or the customer's first message) to the agent's first message. */
  z.strictObject({ kind: z.literal('first-response-time'), maxSeconds: limitSeconds }),
  /** From a customer message to the agent's next message, once the agent is serving. */
  z.strictObject({ kind: z.literal('reply-time'), maxSeconds: limitSeconds }),
  /** Customer messages read as negative or angry, at least `atLeast` of them (default 1). */
  z.strictObject({ kind: z.literal('negative-sentiment'), atLeast: z.number().int().min(1).max(100).optional() }),
  /** An agent typed an ID card, bank card, phone number or e-mail address in full (of `kinds`, default all). */
  z.strictObject({
    kind: z.literal('personal-data-in-full'),
    kinds: z
      .array(z.enum(['resident-id', 'bank-card', 'mobile', 'email']))
      .min(1)
      .optional(),
  }),
]);

export type InspectionRuleSpec = z.infer<typeof inspectionRuleSpecSchema>;
export type InspectionRuleKind = InspectionRuleSpec['kind'];

export interface InspectionRule {
  id: string;
  name: string;
  spec: InspectionRuleSpec;
}

/** Checks a rule a supervisor submitted; every problem is reported with its path (`spec.maxSeconds`) and rule. */
export function parseInspectionRuleSpec(input: unknown): InspectionRuleSpec {
  const result = inspectionRuleSpecSchema.safeParse(input);
  if (result.success) return result.data;
  throw new RequestValidationError(
    result.error.issues.map((issue) => ({
      field: ['spec', ...issue.path].map(String).join('.'),
      rule: issue.code,
      message: issue.message,
    })),
  );
}
