import { z } from 'zod';
import { RequestValidationError, type Violation } from '../../../common/errors/request-validation.error.ts';

/**
 * The shape of a flow as trainers write it (docs/bot.md has the lost-card example). It is data, not code, so it is
 * validated here when it is saved — including that its endpoint is on the operator's allow-list — and trusted when
 * it runs.
 */
const text = z.string().trim().min(1).max(500);

/** One text per language; `{slot}` placeholders are filled from the flow's slots. */
const localized = z.strictObject({ zh: text, en: text });

/** `{slotName}` in a confirmation or message. */
export const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

const slotName = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, { message: 'must be a letter followed by letters or digits' });

const validator = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('regex'),
    pattern: z.string().min(1).max(200).refine(compiles, { message: 'must be a valid regular expression' }),
  }),
  z.strictObject({ kind: z.literal('digits'), length: z.number().int().min(1).max(32) }),
  z.strictObject({ kind: z.literal('choice'), options: z.array(text).min(2).max(20) }),
  z.strictObject({ kind: z.literal('yes-no') }),
  z.strictObject({
    kind: z.literal('entity'),
    entity: z.enum(['amount', 'date', 'card_number', 'account_number', 'id_number', 'phone', 'email']),
  }),
]);

const slot = z.strictObject({
  name: slotName,
  prompt: localized,
  /** Said before the prompt again when an answer does not pass the validator; a generic line when absent. */
  retryPrompt: localized.optional(),
  validator,
  /** Answers that fail validation before the flow gives up and hands off. */
  maxRetries: z.number().int().min(0).max(5).default(2),
  /** Personal data (an ID number): encrypted while the flow runs, masked in readings and messages. */
  personal: z.boolean().default(false),
});

const action = z.strictObject({
  /** A name from KEFU_BOT_ENDPOINTS; the URL stays with the operator. */
  endpoint: z.string().min(1).max(63),
  method: z.enum(['POST', 'PUT']),
  path: z.string().regex(/^\/[A-Za-z0-9/_.-]*$/, { message: 'must be an absolute path without query or host' }),
  timeoutMs: z.number().int().min(100).max(30_000),
  /** Further attempts after a timeout, a network error or a 5xx answer, with doubling back-off. */
  retries: z.number().int().min(0).max(5),
});

export const flowDefinitionSchema = z
  .strictObject({
    slots: z.array(slot).min(1).max(20),
    /** Read back before the call; the customer answers yes or no. */
    confirmation: localized,
    action,
    messages: z.strictObject({
      success: localized,
      /** The endpoint answered 4xx: it understood and refused (no such card). */
      rejected: localized,
      /** Timeouts or errors on every attempt; the conversation is handed to a person. */
      failure: localized,
      /** The customer said no at the confirmation. */
      declined: localized,
    }),
  })
  .superRefine((definition, context) => {
    const names = definition.slots.map((each) => each.name);
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index)
        context.addIssue({ code: 'custom', path: ['slots', index, 'name'], message: `slot ${name} is defined twice` });
    });
    // A placeholder naming no slot would reach the customer as "{cardLast4}".
    const texts: [string[], LocalizedText][] = [
      [['confirmation'], definition.confirmation],
      ...Object.entries(definition.messages).map(([outcome, text]): [string[], LocalizedText] => [
        ['messages', outcome],
        text,
      ]),
    ];
    for (const [path, text] of texts)
      for (const language of ['zh', 'en'] as const)
        for (const [, name] of text[language].matchAll(PLACEHOLDER))
          if (!names.includes(name as string))
            context.addIssue({ code: 'custom', path: [...path, language], message: `{${name}} names no slot` });
  });

export type FlowDefinition = z.infer<typeof flowDefinitionSchema>;
export type FlowSlot = FlowDefinition['slots'][number];
export type SlotValidator = FlowSlot['validator'];
export type FlowAction = FlowDefinition['action'];
export type LocalizedText = z.infer<typeof localized>;

/** A flow as stored: the definition plus what it answers to. */
export interface Flow {
  id: string;
  version: number;
  /** Knowledge item ids (NLU labels) that start the flow when answered with confidence. */
  triggers: string[];
  enabled: boolean;
  definition: FlowDefinition;
}

/**
 * Parses a definition a trainer submitted. Every problem is reported with its path (`definition.action.endpoint`)
 * and rule, like any other invalid request; an endpoint outside the allow-list is one of those problems.
 */
export function parseFlowDefinition(input: unknown, allowedEndpoints: readonly string[]): FlowDefinition {
  const result = flowDefinitionSchema.safeParse(input);
  const violations: Violation[] = result.success
    ? []
    : result.error.issues.map((issue) => ({
        field: ['definition', ...issue.path].map(String).join('.'),
        rule: issue.code,
        message: issue.message,
      }));
  if (result.success && !allowedEndpoints.includes(result.data.action.endpoint)) {
    violations.push({
      field: 'definition.action.endpoint',
      rule: 'allowListedEndpoint',
      message: `endpoint ${result.data.action.endpoint} is not in KEFU_BOT_ENDPOINTS (allowed: ${allowedEndpoints.join(', ') || 'none'})`,
    });
  }
  if (violations.length > 0 || !result.success) throw new RequestValidationError(violations);
  return result.data;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
