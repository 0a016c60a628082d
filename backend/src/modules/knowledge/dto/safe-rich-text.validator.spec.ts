import { isSafeRichText } from './safe-rich-text.validator.ts';

describe('safe rich text for answers', () => {
  it('accepts plain text with light markdown, Chinese punctuation and angle quotes', () => {
    for (const text of [
      '**注意**：请携带身份证。\n1. 取号\n2. 办理',
      '金额 < 5000 元时免费',
      '《个人信息保护法》',
      'see https://bank.example/a?b=1',
    ]) {
      expect(isSafeRichText(text)).toBe(true);
    }
  });

  it('refuses HTML tags and script or data URLs', () => {
    for (const text of [
      '<script>alert(1)</script>',
      'hi <img src=x onerror=alert(1)>',
      '[x](javascript:alert(1))',
      '<!-- c -->',
      'data:text/html;base64,xx',
      '</b>',
    ]) {
      expect(isSafeRichText(text)).toBe(false);
    }
  });
});
