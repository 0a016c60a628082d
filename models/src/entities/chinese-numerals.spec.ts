import { parseChineseNumeral } from './chinese-numerals.ts';

describe('parseChineseNumeral', () => {
  it.each([
    ['十五', 15],
    ['三千五百', 3500],
    ['两万', 20000],
    ['一亿二千万', 120000000],
    ['一万亿', 1e12],
    ['十万零五', 100005],
    ['贰仟', 2000],
    ['二〇二六', 2026],
  ])('reads %s as %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it('refuses text that is not a numeral', () => {
    expect(parseChineseNumeral('三个')).toBeUndefined();
  });
});
