import { isCancelRequest, isHandoffRequest } from './customer-commands.ts';

describe('customer commands', () => {
  it.each([
    '转人工',
    '我要转人工！',
    '请帮我转 人工客服',
    '找人工',
    '人工',
    'ＡＧＥＮＴ',
    'Talk to a human, please',
    'agent please',
  ])('hears a request for a person in %s', (text) => {
    expect(isHandoffRequest(text)).toBe(true);
  });

  it.each(['人工智能是什么', '信用卡丢了怎么办', 'my travel agent booked a flight', 'human resources office hours'])(
    'does not hear one in %s',
    (text) => {
      expect(isHandoffRequest(text)).toBe(false);
    },
  );

  it.each(['取消', '取消挂失。', '算了', 'Cancel', ' never mind! '])('hears cancel in %s', (text) => {
    expect(isCancelRequest(text)).toBe(true);
  });

  it.each(['1234', '是的', '不要取消'])('does not hear cancel in %s', (text) => {
    expect(isCancelRequest(text)).toBe(false);
  });
});
