import { TextNormalizer } from './text-normalizer.ts';

describe('TextNormalizer', () => {
  const normalizer = new TextNormalizer();

  it('turns full-width letters, digits and punctuation into half-width and lower case', () => {
    expect(normalizer.normalize('ＡＢＣ　ｃａｒｄ！')).toBe('abc card!');
  });

  it('converts traditional Chinese to simplified', () => {
    expect(normalizer.normalize('我的銀行卡丟了，怎麼掛失？')).toBe('我的银行卡丢了,怎么挂失?');
  });

  it('replaces a Luhn-valid card number, spaced or not, by <CARD>', () => {
    expect(normalizer.normalize('card 4111 1111 1111 1111 blocked')).toBe('card <CARD> blocked');
    expect(normalizer.normalize('卡号6222021234567890128被冻结')).toBe('卡号 <CARD> 被冻结');
  });

  it('keeps a 16-digit number that fails the Luhn check as a plain number', () => {
    expect(normalizer.normalize('ref 4111111111111112')).toBe('ref <NUM>');
  });

  it('replaces a resident identity number with a valid check character by <IDCARD>', () => {
    expect(normalizer.normalize('身份证11010519491231002X')).toBe('身份证 <IDCARD>');
    expect(normalizer.normalize('身份证110105194912310021')).toBe('身份证 <NUM>');
  });

  it('replaces mainland mobile numbers, e-mail addresses and other numbers', () => {
    expect(normalizer.normalize('Call +86 138-0013-8000 or mail Li.Wei@Example.com about 500 yuan')).toBe(
      'call <PHONE> or mail <EMAIL> about <NUM> yuan',
    );
  });
});
