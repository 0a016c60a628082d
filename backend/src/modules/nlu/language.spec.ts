import { detectLanguage } from './language.ts';

describe('detectLanguage', () => {
  it.each([
    ['信用卡丢了怎么办', 'zh'],
    ['手機銀行APP登錄不了', 'zh'],
    ['U盾怎么用', 'zh'],
    ['I lost my card', 'en'],
    ['１２３４５', 'en'],
  ])('reads %s as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});
