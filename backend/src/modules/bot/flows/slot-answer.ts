import type { Entity } from '@kefu/models';
import { normalizeCommand } from '../customer-commands.ts';
import type { SlotValidator } from './flow-definition.ts';

const YES = new Set([
  '是',
  '是的',
  '对',
  '对的',
  '确认',
  '确定',
  '好',
  '好的',
  '可以',
  '嗯',
  '没错',
  'yes',
  'y',
  'yeah',
  'yep',
  'ok',
  'okay',
  'sure',
  'confirm',
  'correct',
]);
const NO = new Set(['否', '不', '不是', '不对', '不用', '不要', '错了', 'no', 'n', 'nope', 'wrong']);

/**
 * The value a customer's answer gives a slot, or undefined when it does not pass the slot's validator. Answers are
 * read the way people type them: "尾号是１２３４" gives the four digits, "好的。" is a yes.
 */
export function readSlotAnswer(
  validator: SlotValidator,
  text: string,
  entities: readonly Entity[],
): string | undefined {
  switch (validator.kind) {
    case 'regex':
      return new RegExp(validator.pattern, 'u').exec(text.normalize('NFKC').trim())?.[0];
    case 'digits':
      return exactDigitRun(text, validator.length);
    case 'choice': {
      const answer = normalizeCommand(text);
      return validator.options.find((option) => normalizeCommand(option) === answer);
    }
    case 'yes-no':
      return yesOrNo(text);
    case 'entity': {
      const found = entities.find((entity) => entity.type === validator.entity);
      return found === undefined ? undefined : String(found.value);
    }
    default: {
      const unhandled: never = validator;
      throw new Error(`no reader for validator ${JSON.stringify(unhandled)}`);
    }
  }
}

export function yesOrNo(text: string): 'yes' | 'no' | undefined {
  const answer = normalizeCommand(text);
  if (YES.has(answer)) return 'yes';
  if (NO.has(answer)) return 'no';
  return undefined;
}

/** The one run of exactly `length` digits in the message (full-width digits count); none or several → undefined. */
function exactDigitRun(text: string, length: number): string | undefined {
  const runs = text.normalize('NFKC').match(/\d+/g) ?? [];
  const matching = runs.filter((run) => run.length === length);
  return runs.length === 1 && matching.length === 1 ? matching[0] : undefined;
}
