import { EntityExtractor } from './entity-extractor.ts';

/** Wednesday 4 March 2026: relative dates below are resolved against it. */
const TODAY = new Date('2026-03-04T10:00:00Z');

const GOLDEN: [string, [string, string, number | string, string?][]][] = [
  ['我想转账5000元给张三', [['amount', '5000元', 5000, 'CNY']]],
  ['转账５０００元', [['amount', '５０００元', 5000, 'CNY']]],
  ['转2.5万块', [['amount', '2.5万块', 25000, 'CNY']]],
  ['三千五百块什么时候到账', [['amount', '三千五百块', 3500, 'CNY']]],
  ['两万美元汇款', [['amount', '两万美元', 20000, 'USD']]],
  ['一亿二千万元', [['amount', '一亿二千万元', 120000000, 'CNY']]],
  ['手续费三块五', [['amount', '三块五', 3.5, 'CNY']]],
  [
    'I sent $1,200 yesterday',
    [
      ['amount', '$1,200', 1200, 'USD'],
      ['date', 'yesterday', '2026-03-03'],
    ],
  ],
  [
    'refund of 300 dollars by next Monday',
    [
      ['amount', '300 dollars', 300, 'USD'],
      ['date', 'next Monday', '2026-03-09'],
    ],
  ],
  ['今天能到账吗', [['date', '今天', '2026-03-04']]],
  ['明天还款', [['date', '明天', '2026-03-05']]],
  ['下周一能到吗', [['date', '下周一', '2026-03-09']]],
  ['上星期五扣的款', [['date', '上星期五', '2026-02-27']]],
  ['周五之前', [['date', '周五', '2026-03-06']]],
  ['5天后', [['date', '5天后', '2026-03-09']]],
  ['2026年3月5日的交易', [['date', '2026年3月5日', '2026-03-05']]],
  [
    '3月5号扣了我一百元',
    [
      ['date', '3月5号', '2026-03-05'],
      ['amount', '一百元', 100, 'CNY'],
    ],
  ],
  ['on 2026-12-31', [['date', '2026-12-31', '2026-12-31']]],
  ['charged on March 5, 2026', [['date', 'March 5, 2026', '2026-03-05']]],
  ['in 3 days', [['date', 'in 3 days', '2026-03-07']]],
  ['卡号6222021234567890128', [['card_number', '6222021234567890128', '6222021234567890128']]],
  ['card 4111 1111 1111 1111', [['card_number', '4111 1111 1111 1111', '4111111111111111']]],
  ['身份证11010519491231002X', [['id_number', '11010519491231002X', '11010519491231002X']]],
  ['手机13800138000', [['phone', '13800138000', '13800138000']]],
  [
    'call +86 138-0013-8000 or li@bank.cn',
    [
      ['phone', '+86 138-0013-8000', '13800138000'],
      ['email', 'li@bank.cn', 'li@bank.cn'],
    ],
  ],
  ['账号62170000100012345', [['account_number', '62170000100012345', '62170000100012345']]],
];

describe('EntityExtractor', () => {
  const extractor = new EntityExtractor();

  it.each(GOLDEN)('finds the golden entities in %s', (text, expected) => {
    const found = extractor
      .extract(text, TODAY)
      .map((e) => [e.type, e.text, e.value, ...(e.currency ? [e.currency] : [])]);
    expect(found).toEqual(expected);
  });

  it('reports offsets into the original text', () => {
    const [entity] = extractor.extract('我转了５０００元', TODAY);
    expect('我转了５０００元'.slice(entity.start, entity.end)).toBe('５０００元');
  });

  it('does not take a 16-digit number failing the Luhn check for a card, nor a bare number for an amount', () => {
    expect(extractor.extract('reference 4111111111111112 and 42', TODAY).map((e) => e.type)).toEqual([
      'account_number',
    ]);
  });

  it('does not take an identity number with a wrong check character', () => {
    expect(extractor.extract('110105194912310021', TODAY).map((e) => e.type)).toEqual(['account_number']);
  });
});
