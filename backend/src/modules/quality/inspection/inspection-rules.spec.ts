import { randomUUID } from 'node:crypto';
import { inSample } from '../quality-reviews.service.ts';
import { applyRule } from './inspect.ts';
import type { InspectionRule, InspectionRuleSpec } from './inspection-rule.ts';
import { scoreTranscript } from './scorecard.ts';
import type { InspectedMessage, InspectedTranscript, Sentiment } from './transcript.ts';

type Line = [sender: InspectedMessage['sender'], text: string, atSecond: number, extra?: string];

/** A transcript from lines; `extra` is the bot's message kind, or the customer's sentiment. */
function transcript(...lines: Line[]): InspectedTranscript {
  const start = Date.parse('2026-11-02T09:00:00.000Z');
  return {
    conversationId: 'c-1',
    messages: lines.map(([sender, text, at, extra], i) => ({
      seq: i + 1,
      sender,
      text,
      sentAt: new Date(start + at * 1000).toISOString(),
      ...(sender === 'bot' && extra ? { kind: extra } : {}),
      ...(sender === 'visitor' && extra ? { sentiment: extra as Sentiment } : {}),
    })),
  };
}

const firedAt = (spec: InspectionRuleSpec, t: InspectedTranscript) => applyRule(spec, t).map((f) => f.seq);

const polite = transcript(
  ['visitor', '我的卡被吞了', 0],
  ['bot', '正在为您转接人工客服', 1, 'handoff'],
  ['agent', '您好，很高兴为您服务，请问有什么可以帮您？', 20],
  ['visitor', '卡被ATM吞了怎么办', 30],
  ['agent', '请携带身份证到网点领取', 40],
  ['agent', '感谢您的来电，祝您生活愉快', 60],
);

describe('forbidden phrases', () => {
  const spec: InspectionRuleSpec = { kind: 'forbidden-phrases', phrases: ['不知道', '你自己看'] };

  it('fires on each agent message that says one, also in full-width or spaced spelling', () => {
    const rude = transcript(
      ['visitor', '怎么办理？', 0],
      ['agent', '我不知道', 5],
      ['agent', '您好', 6],
      ['agent', '你 自 己 看', 7],
    );
    expect(firedAt(spec, rude)).toEqual([2, 4]);
    expect(applyRule(spec, rude)[0]?.evidence).toBe('said "不知道"');
  });

  it('ignores the customer saying it, and a polite conversation', () => {
    expect(firedAt(spec, transcript(['visitor', '我不知道密码', 0], ['agent', '您好', 5]))).toEqual([]);
    expect(firedAt(spec, polite)).toEqual([]);
  });

  it('matches Latin phrases regardless of case and width, as whole words', () => {
    const latin: InspectionRuleSpec = { kind: 'forbidden-phrases', phrases: ['whatever', 'hi'] };
    expect(firedAt(latin, transcript(['agent', 'ＷＨＡＴＥＶＥＲ you say', 0]))).toEqual([1]);
    expect(firedAt(latin, transcript(['agent', 'Hi!', 0], ['agent', 'this and whatevers', 1]))).toEqual([1]);
  });
});

describe('required phrases', () => {
  const greeting: InspectionRuleSpec = { kind: 'required-phrases', phrases: ['您好'], in: 'first-agent-message' };
  const closing: InspectionRuleSpec = {
    kind: 'required-phrases',
    phrases: ['感谢您的来电', '祝您生活愉快'],
    in: 'last-agent-message',
  };
  const disclosure: InspectionRuleSpec = {
    kind: 'required-phrases',
    phrases: ['理财非存款，投资需谨慎'],
    in: 'any-agent-message',
    whenMentioned: ['理财', '基金'],
  };

  it('fires when the greeting is missing from the first agent message only', () => {
    const late = transcript(['visitor', '在吗', 0], ['agent', '请说', 5], ['agent', '您好', 6]);
    expect(firedAt(greeting, late)).toEqual([2]);
    expect(firedAt(greeting, polite)).toEqual([]);
  });

  it('fires when the closing is missing from the last agent message', () => {
    const abrupt = transcript(['visitor', '谢谢', 0], ['agent', '祝您生活愉快', 5], ['agent', '再见', 9]);
    expect(firedAt(closing, abrupt)).toEqual([3]);
    expect(firedAt(closing, polite)).toEqual([]);
  });

  it('owes the risk disclosure only when investment products come up', () => {
    const sales = transcript(['visitor', '有什么理财产品推荐？', 0], ['agent', '这款收益很高', 5]);
    expect(firedAt(disclosure, sales)).toEqual([null]);
    const disclosed = transcript(
      ['visitor', '有什么理财产品推荐？', 0],
      ['agent', '这款产品年化3%。理财非存款, 投资需谨慎。', 5],
    );
    expect(firedAt(disclosure, disclosed)).toEqual([]);
    expect(firedAt(disclosure, polite)).toEqual([]);
  });

  it('asks nothing of a conversation no agent joined', () => {
    expect(firedAt(greeting, transcript(['visitor', '你好', 0], ['bot', '您好！', 1]))).toEqual([]);
  });
});

describe('response times', () => {
  const firstResponse: InspectionRuleSpec = { kind: 'first-response-time', maxSeconds: 30 };
  const replies: InspectionRuleSpec = { kind: 'reply-time', maxSeconds: 15 };

  it('measures the first response from the handoff', () => {
    expect(firedAt(firstResponse, polite)).toEqual([]);
    const slow = transcript(['visitor', '转人工', 0], ['bot', '正在转接', 100, 'handoff'], ['agent', '您好', 131]);
    expect(applyRule(firstResponse, slow)).toEqual([{ seq: 3, evidence: 'first response after 31 s (limit 30 s)' }]);
    const withoutHandoff = transcript(['visitor', '在吗', 0], ['agent', '您好', 31]);
    expect(firedAt(firstResponse, withoutHandoff)).toEqual([2]);
  });

  it('measures each reply from the oldest unanswered customer message', () => {
    const uneven = transcript(
      ['visitor', '在吗', 0],
      ['agent', '您好', 5],
      ['visitor', '我想问', 10],
      ['visitor', '信用卡额度', 20],
      ['agent', '好的', 26],
      ['visitor', '多少', 30],
      ['agent', '五万', 44],
      ['visitor', '谢谢', 50],
    );
    // 26 − 10 = 16 s > 15 s; 44 − 30 = 14 s; the last wait was cut short by the close.
    expect(firedAt(replies, uneven)).toEqual([5]);
    expect(firedAt(replies, polite)).toEqual([]);
  });
});

describe('negative sentiment', () => {
  it('fires on negative or angry customer messages, from the configured count on', () => {
    const upset = transcript(
      ['visitor', '太慢了', 0, 'negative'],
      ['agent', '抱歉', 5],
      ['visitor', '气死我了', 9, 'anger'],
      ['visitor', '好吧', 12, 'neutral'],
    );
    expect(firedAt({ kind: 'negative-sentiment' }, upset)).toEqual([1, 3]);
    expect(firedAt({ kind: 'negative-sentiment', atLeast: 3 }, upset)).toEqual([]);
    expect(firedAt({ kind: 'negative-sentiment' }, polite)).toEqual([]);
  });
});

describe('personal data typed in full', () => {
  const spec: InspectionRuleSpec = { kind: 'personal-data-in-full' };

  it('fires on an agent message with a full number and shows it masked', () => {
    const leaky = transcript(
      ['visitor', '我的卡号是6222020200112233446', 0],
      ['agent', '您的卡号6222020200112233446已挂失', 5],
      ['agent', '尾号3446的卡已挂失', 6],
    );
    const findings = applyRule(spec, leaky);
    expect(findings.map((f) => f.seq)).toEqual([2]);
    expect(findings[0]?.evidence).toMatch(/^bank-card in full: 622202\*+3446$/);
    expect(JSON.stringify(findings)).not.toContain('6222020200112233446');
  });

  it('ignores the customer typing it, masked numbers, and kinds the rule leaves out', () => {
    const mobile = transcript(['agent', '已发短信到13800138000', 0]);
    expect(firedAt(spec, mobile)).toEqual([1]);
    expect(firedAt({ kind: 'personal-data-in-full', kinds: ['bank-card'] }, mobile)).toEqual([]);
    expect(firedAt(spec, transcript(['agent', '已发短信到138****8000', 0]))).toEqual([]);
    expect(firedAt(spec, polite)).toEqual([]);
  });
});

describe('a scorecard', () => {
  const rules = new Map<string, InspectionRule>(
    [
      {
        id: 'greeting',
        name: '开场白',
        spec: { kind: 'required-phrases', phrases: ['您好'], in: 'first-agent-message' },
      },
      { id: 'rude', name: '禁用语', spec: { kind: 'forbidden-phrases', phrases: ['不知道'] } },
      { id: 'fast', name: '首次响应', spec: { kind: 'first-response-time', maxSeconds: 30 } },
    ].map((rule) => [rule.id, rule as InspectionRule]),
  );
  const scorecard = {
    id: 'standard',
    name: '标准评分卡',
    items: [
      { ruleId: 'greeting', weight: 20 },
      { ruleId: 'rude', weight: 50.5 },
      { ruleId: 'fast', weight: 29.5 },
    ],
  };

  it('earns the weight of every rule passed, the same total every time', () => {
    expect(scoreTranscript(polite, scorecard, rules).total).toBe(100);
    const poor = transcript(['visitor', '在吗', 0], ['agent', '不知道', 45]);
    const first = scoreTranscript(poor, scorecard, rules);
    expect(first.total).toBe(0);
    expect(first.items.map((item) => item.passed)).toEqual([false, false, false]);
    const rudeOnly = transcript(['visitor', '在吗', 0], ['agent', '您好，不知道', 5]);
    expect(scoreTranscript(rudeOnly, scorecard, rules).total).toBe(49.5);
    expect(scoreTranscript(rudeOnly, scorecard, rules)).toEqual(scoreTranscript(rudeOnly, scorecard, rules));
  });

  it('refuses a scorecard that names a rule that does not exist', () => {
    expect(() => scoreTranscript(polite, { ...scorecard, items: [{ ruleId: 'gone', weight: 1 }] }, rules)).toThrow(
      /rule gone/,
    );
  });
});

describe('review sampling', () => {
  const ids = Array.from({ length: 10_000 }, () => randomUUID());

  it('takes about the configured share, the same conversations every time', () => {
    const sampled = ids.filter((id) => inSample(id, 5)).length;
    expect(sampled).toBeGreaterThan(400);
    expect(sampled).toBeLessThan(600);
    expect(ids.filter((id) => inSample(id, 5))).toEqual(ids.filter((id) => inSample(id, 5)));
    expect(ids.some((id) => inSample(id, 0))).toBe(false);
    expect(ids.every((id) => inSample(id, 100))).toBe(true);
  });
});
