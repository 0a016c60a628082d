import type { Entity } from '@kefu/models';
import { parseFlowDefinition, type SlotValidator } from './flow-definition.ts';
import { continueFlow, type FlowProgress, type FlowStep, startFlow } from './flow-progress.ts';
import { lostCardFlow } from './lost-card-flow.ts';
import { readSlotAnswer } from './slot-answer.ts';

const idNumber: Entity = {
  type: 'id_number',
  text: '11010519491231002X',
  start: 0,
  end: 18,
  value: '11010519491231002X',
};

function answer(progress: FlowProgress, text: string, entities: Entity[] = []): FlowStep {
  return continueFlow(lostCardFlow, progress, { text, entities });
}

function progressOf(step: FlowStep): FlowProgress {
  if (step.kind !== 'ask' && step.kind !== 'execute') throw new Error(`expected the flow to go on, got ${step.kind}`);
  return step.progress;
}

describe('the lost-card flow as data', () => {
  it('asks for the ID number, then the last four digits, then reads the request back with the ID masked', () => {
    const started = startFlow(lostCardFlow, 'zh');
    expect(started).toMatchObject({
      kind: 'ask',
      text: expect.stringContaining('身份证'),
      progress: { step: 'idNumber' },
    });
    const afterId = answer(progressOf(started), '11010519491231002X', [idNumber]);
    expect(afterId).toMatchObject({ kind: 'ask', progress: { step: 'cardLast4', retries: 0 } });
    const confirming = answer(progressOf(afterId), '尾号是１２３４');
    expect(confirming).toMatchObject({
      kind: 'ask',
      text: expect.stringContaining('尾号1234'),
      progress: { step: 'confirm' },
    });
    expect(answer(progressOf(confirming), '是的')).toEqual({
      kind: 'execute',
      progress: {
        flowId: 'report-lost-card',
        step: 'confirm',
        language: 'zh',
        retries: 0,
        slots: { idNumber: '11010519491231002X', cardLast4: '1234' },
      },
    });
  });

  it('asks again after an invalid answer and gives up after the allowed retries', () => {
    let progress = progressOf(startFlow(lostCardFlow, 'zh'));
    for (let retry = 1; retry <= 2; retry++) {
      const step = answer(progress, '123456');
      expect(step).toMatchObject({
        kind: 'ask',
        text: expect.stringContaining('校验未通过'),
        progress: { retries: retry },
      });
      progress = progressOf(step);
    }
    expect(answer(progress, '123456')).toMatchObject({ kind: 'give-up' });
  });

  it('ends without a call when the customer says no at the confirmation', () => {
    const confirming: FlowProgress = {
      flowId: 'report-lost-card',
      step: 'confirm',
      language: 'zh',
      retries: 0,
      slots: { cardLast4: '1234' },
    };
    expect(answer(confirming, '不')).toEqual({ kind: 'declined', text: expect.stringContaining('未为您挂失') });
    expect(answer(confirming, '也许吧')).toMatchObject({ kind: 'ask', progress: { retries: 1 } });
  });
});

describe('slot validators', () => {
  it.each<[SlotValidator, string, string | undefined]>([
    [{ kind: 'digits', length: 4 } as const, '卡号后四位是１２３４。', '1234'],
    [{ kind: 'digits', length: 4 } as const, '12345', undefined],
    [{ kind: 'digits', length: 4 } as const, '1234 5678', undefined],
    [{ kind: 'regex', pattern: '^[A-Z]{2}\\d{6}$' } as const, 'AB123456', 'AB123456'],
    [{ kind: 'regex', pattern: '^[A-Z]{2}\\d{6}$' } as const, 'AB12345', undefined],
    [{ kind: 'choice', options: ['借记卡', '信用卡'] } as const, '信用卡。', '信用卡'],
    [{ kind: 'choice', options: ['借记卡', '信用卡'] } as const, '存折', undefined],
    [{ kind: 'yes-no' } as const, 'Yes!', 'yes'],
    [{ kind: 'yes-no' } as const, '不是', 'no'],
    [{ kind: 'entity', entity: 'id_number' } as const, '11010519491231002X', '11010519491231002X'],
  ])('%j reads %s as %s', (validator, text, expected) => {
    const entities = text === idNumber.text ? [idNumber] : [];
    expect(readSlotAnswer(validator, text, entities)).toBe(expected);
  });
});

describe('saving a flow definition', () => {
  it('names a placeholder that refers to no slot', () => {
    const definition = {
      ...lostCardFlow.definition,
      confirmation: { ...lostCardFlow.definition.confirmation, en: 'Block the card ending in {cardLast5}?' },
    };
    expect(() => parseFlowDefinition(definition, ['card-service'])).toThrow(
      expect.objectContaining({
        violations: [{ field: 'definition.confirmation.en', rule: 'custom', message: '{cardLast5} names no slot' }],
      }),
    );
  });

  it('accepts the flow Kefu ships, with its endpoint allowed', () => {
    expect(parseFlowDefinition(lostCardFlow.definition, ['card-service'])).toEqual(lostCardFlow.definition);
  });
});
