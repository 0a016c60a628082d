import type { PublishedEntry } from '../knowledge/index.ts';
import type { Understanding } from '../nlu/index.ts';
import { decide, type PolicyInput, type PolicySettings } from './dialogue-policy.ts';

const settings: PolicySettings = {
  answerConfidence: 0.25,
  clarifyConfidence: 0.12,
  angerConfidence: 0.6,
  fallbacksBeforeHandoff: 2,
  handoffLabels: ['zh-chitchat-handoff'],
};

function entry(id: string, kind: PublishedEntry['kind'] = 'faq'): PublishedEntry {
  return {
    id,
    kind,
    language: 'zh',
    question: `${id}?`,
    answer: kind === 'intent' ? null : `${id}!`,
    links: [],
    category: 'c',
  };
}

const published = new Map(
  [
    entry('a'),
    entry('b'),
    entry('c'),
    entry('d'),
    entry('hello', 'chitchat'),
    entry('zh-chitchat-handoff', 'chitchat'),
    entry('act', 'intent'),
  ].map((each) => [each.id, each]),
);

function reading(intent: string, confidence: number, more: Partial<Understanding> = {}): Understanding {
  return {
    language: 'zh',
    intent,
    confidence,
    topK: [
      { intent, confidence },
      ...['b', 'c', 'd'].filter((id) => id !== intent).map((id) => ({ intent: id, confidence: 0.05 })),
    ],
    oos: false,
    entities: [],
    sentiment: { label: 'neutral', confidence: 0.9 },
    ...more,
  };
}

function input(understanding: Understanding, more: Partial<PolicyInput> = {}): PolicyInput {
  return { text: 'question', understanding, state: { fallbackStreak: 0 }, entries: published, ...more };
}

describe('the dialogue policy', () => {
  it('answers a confident reading with its entry', () => {
    expect(decide(input(reading('a', 0.25)), settings)).toEqual({ kind: 'answer', entry: published.get('a') });
  });

  it('offers up to three published, non-small-talk candidates in the ambiguous band', () => {
    const understanding = reading('a', 0.2);
    understanding.topK = ['hello', 'a', 'unpublished', 'b', 'c', 'd'].map((intent) => ({ intent, confidence: 0.1 }));
    const decision = decide(input(understanding), settings);
    expect(decision).toEqual({ kind: 'clarify', candidates: ['a', 'b', 'c'].map((id) => published.get(id)) });
  });

  it('falls back below the band, and on an out-of-scope reading whatever its confidence', () => {
    expect(decide(input(reading('a', 0.11)), settings)).toEqual({ kind: 'fallback' });
    expect(decide(input(reading('a', 0.9, { oos: true })), settings)).toEqual({ kind: 'fallback' });
    expect(decide(input(reading('a', 0.2, { oos: true })), settings)).toEqual({ kind: 'fallback' });
  });

  it('falls back on a confident item that is not published, or an intent with nothing to say', () => {
    expect(decide(input(reading('withdrawn', 0.9)), settings)).toEqual({ kind: 'fallback' });
    expect(decide(input(reading('act', 0.9)), settings)).toEqual({ kind: 'fallback' });
  });

  it('hands off at the configured number of fallbacks in a row', () => {
    const state = { fallbackStreak: 1 };
    expect(decide(input(reading('a', 0.05), { state }), settings)).toEqual({
      kind: 'handoff',
      reason: 'repeated-fallback',
    });
    expect(decide(input(reading('a', 0.05), { state }), { ...settings, fallbacksBeforeHandoff: 3 })).toEqual({
      kind: 'fallback',
    });
  });

  it('starts the flow bound to a confident label', () => {
    expect(decide(input(reading('a', 0.9), { flowOfBest: 'report-lost-card' }), settings)).toEqual({
      kind: 'start-flow',
      flowId: 'report-lost-card',
    });
  });

  it('hands off when asked in words or through the handoff item, before anything else', () => {
    const flow = { flowId: 'f', step: 's', language: 'zh' as const, retries: 0, slots: {} };
    expect(decide(input(reading('a', 0.9), { text: '转人工', state: { fallbackStreak: 0, flow } }), settings)).toEqual({
      kind: 'handoff',
      reason: 'asked',
    });
    expect(decide(input(reading('zh-chitchat-handoff', 0.9)), settings)).toEqual({ kind: 'handoff', reason: 'asked' });
  });

  it('hands off on anger at or above its threshold only', () => {
    const angry = (confidence: number) => reading('a', 0.9, { sentiment: { label: 'anger', confidence } });
    expect(decide(input(angry(0.6)), settings)).toEqual({ kind: 'handoff', reason: 'anger' });
    expect(decide(input(angry(0.59)), settings)).toEqual({ kind: 'answer', entry: published.get('a') });
  });

  it('lets a running flow take the message, unless the customer cancels', () => {
    const flow = { flowId: 'f', step: 's', language: 'zh' as const, retries: 0, slots: {} };
    const state = { fallbackStreak: 0, flow };
    expect(decide(input(reading('a', 0.9), { state, text: '1234' }), settings)).toEqual({
      kind: 'continue-flow',
      progress: flow,
    });
    expect(decide(input(reading('a', 0.9), { state, text: '取消' }), settings)).toEqual({ kind: 'cancel-flow' });
  });
});
