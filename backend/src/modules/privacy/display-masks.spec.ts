import { maskEntityValue, maskName } from './display-masks.ts';

describe('display masks', () => {
  it('keeps the surname of a name only', () => {
    expect(maskName('张伟明')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('*');
    expect(maskName('Wei Zhang')).toBe('W***');
  });

  it('masks NLU entities by type and passes amounts and dates through', () => {
    expect(maskEntityValue('card_number', '6222021234567890128')).toBe('622202*********0128');
    expect(maskEntityValue('account_number', '6222 0212 3456 7890')).toBe('622202******7890');
    expect(maskEntityValue('id_number', '11010519491231002x')).toBe('110105********002X');
    expect(maskEntityValue('phone', '13812345678')).toBe('138****5678');
    expect(maskEntityValue('email', 'zhang@bank.cn')).toBe('z***@bank.cn');
    expect(maskEntityValue('amount', 1200)).toBe(1200);
    expect(maskEntityValue('date', '2026-11-27')).toBe('2026-11-27');
  });
});
