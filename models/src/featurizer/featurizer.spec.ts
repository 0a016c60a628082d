import { fnv1a } from './feature-hash.ts';
import { Featurizer } from './featurizer.ts';
import { DEFAULT_FEATURIZER_CONFIG } from './featurizer-config.ts';

describe('Featurizer', () => {
  const featurizer = new Featurizer({
    ...DEFAULT_FEATURIZER_CONFIG,
    wordNgramMax: 2,
    charNgramMin: 3,
    charNgramMax: 4,
  });

  it('splits Latin words and keeps placeholders whole', () => {
    expect(featurizer.tokens("I haven't got card 4111111111111111")).toEqual(['i', "haven't", 'got', 'card', '<CARD>']);
  });

  it('segments Chinese with jieba', () => {
    expect(featurizer.tokens('我的银行卡丢了')).toEqual(['我', '的', '银行卡', '丢', '了']);
  });

  it('splits scripts written without spaces into words with ICU, cutting them out of words of other scripts', () => {
    expect(featurizer.tokens('ฉันต้องการเปิดบัญชีออมทรัพย์ ATMที่ไหน')).toEqual([
      ...['ฉัน', 'ต้องการ', 'เปิด', 'บัญชี', 'ออม', 'ทรัพย์'],
      ...['atm', 'ที่ไหน'],
    ]);
    expect(featurizer.tokens('ไม่ได้รับOTPค่ะ')).toEqual(['ไม่', 'ได้', 'รับ', 'otp', 'ค่ะ']);
    expect(featurizer.tokens('កាតរបស់ខ្ញុំបាត់')).toEqual(['កាត', 'របស់ខ្ញុំ', 'បាត់']);
  });

  it('takes runs of kanji and kana as Japanese, not as Chinese for jieba or OpenCC', () => {
    expect(featurizer.tokens('パスワードを忘れた')).toEqual(['パスワード', 'を', '忘れ', 'た']);
    expect(featurizer.tokens('ATMでお金を')).toEqual(['atm', 'で', 'お金', 'を']);
    expect(featurizer.tokens('カードを紛失しました')).toEqual(['カード', 'を', '紛失', 'しま', 'した']);
    expect(featurizer.tokens('我的卡遺失了')).toEqual(['我', '的', '卡', '遗失', '了']);
  });

  it('still tokenizes for models trained with version 2: a run of a script without spaces stays whole', () => {
    const v2 = new Featurizer({ ...DEFAULT_FEATURIZER_CONFIG, version: 2 });
    expect(v2.tokens('ฉันต้องการเปิดบัญชี ATMที่ไหน')).toEqual(['ฉันต้องการเปิดบัญชี', 'atmที่ไหน']);
    expect(v2.tokens('ATMでお金を')).toEqual(['atmでお', '金', 'を']);
    expect(v2.tokens('紛失しました')).toEqual(['纷', '失', 'しました']);
    for (const text of ['I can’t log in, e-mail <me>', '我的银行卡丢了，怎么办？atm机', '銀行卡ＰＩＮ碼 !!']) {
      expect(v2.featurize(text)).toEqual(new Featurizer(DEFAULT_FEATURIZER_CONFIG).featurize(text));
    }
  });

  it('produces word n-grams and bounded character n-grams', () => {
    expect(featurizer.featureStrings('top up')).toEqual([
      'w1:top',
      'w1:up',
      'w2:top up',
      'c:<to',
      'c:top',
      'c:op>',
      'c:<top',
      'c:top>',
      'c:<up',
      'c:up>',
    ]);
  });

  it('takes single characters of Chinese words as features too', () => {
    expect(featurizer.featureStrings('挂失')).toEqual([
      'w1:挂失',
      'c:挂',
      'c:失',
      'c:<挂',
      'c:挂失',
      'c:失>',
      'c:<挂失',
      'c:挂失>',
    ]);
  });

  it('hashes exactly the feature strings, counting repeats', () => {
    const text = 'pin pin blocked 我的卡被冻结 ＰＩＮ';
    const expected = new Map<number, number>();
    for (const f of featurizer.featureStrings(text)) {
      const bucket = fnv1a(f, DEFAULT_FEATURIZER_CONFIG.hashSeed) % DEFAULT_FEATURIZER_CONFIG.buckets;
      expected.set(bucket, (expected.get(bucket) ?? 0) + 1);
    }
    const { indices, values } = featurizer.featurize(text);
    expect(new Map([...indices].map((b, i) => [b, values[i]]))).toEqual(expected);
    expect([...indices]).toEqual([...indices].sort((a, b) => a - b));
  });

  it('keeps the shape of a message that lower-casing and tokenising lose: ! and ? runs, words in capitals', () => {
    expect(featurizer.shapeFeatures('WHERE IS MY MONEY?!')).toEqual(['!', '?', '?!', 'CAPS', 'CAPS', 'CAPS', 'CAPS']);
    expect(featurizer.shapeFeatures('我要投诉！！！')).toEqual(['!', '!!']);
    expect(featurizer.shapeFeatures('where is my money, I asked')).toEqual([]);
    expect(featurizer.featureStrings('NO!!')).toEqual(['w1:no', 'c:<no', 'c:no>', 's:!', 's:!!', 's:CAPS']);
  });

  it('still featurizes for models trained with version 1, without shape features', () => {
    const v1 = new Featurizer({ ...DEFAULT_FEATURIZER_CONFIG, version: 1 });
    expect(v1.featureStrings('NO!!').filter((f) => f.startsWith('s:'))).toEqual([]);
    expect(() => new Featurizer({ ...DEFAULT_FEATURIZER_CONFIG, version: 99 })).toThrow(/version 99/);
  });

  it('gives traditional and simplified, full-width and half-width spellings the same features', () => {
    expect(featurizer.featurize('銀行卡ＰＩＮ碼')).toEqual(featurizer.featurize('银行卡pin码'));
  });
});
