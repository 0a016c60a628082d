import { DEFAULT_SIMILARITY, QuestionClustering } from './question-clustering.ts';

/** Questions a bank's customers ask that have nothing to do with each other, beyond "how do I". */
const unrelated = {
  zh: [
    '红烧肉怎么做才好吃',
    '今天北京会下雨吗',
    '怎么开通手机银行',
    '怎么查询公积金余额',
    '怎么修改登录密码',
    '高铁票怎么改签',
  ],
  en: [
    'how do I open an account',
    'how do I reset my password',
    'how do I change my address',
    'what is the weather tomorrow',
  ],
};

describe('clustering unanswered questions', () => {
  const clustering = new QuestionClustering();
  const groupsOf = (questions: string[]) =>
    clustering
      .cluster(questions, DEFAULT_SIMILARITY)
      .filter((cluster) => cluster.count > 1)
      .map((cluster) => [...cluster.examples].sort());

  it('groups Chinese paraphrases and keeps unrelated questions apart', () => {
    const wallet = [
      '数字人民币钱包怎么开通',
      '怎么开通数字人民币钱包',
      '数字人民币钱包在哪里开通啊',
      '开通数字人民币钱包需要什么',
    ];
    const cash = ['外币现钞可以存到借记卡里吗', '外币现钞能存进借记卡吗'];
    expect(groupsOf([...unrelated.zh.slice(0, 3), ...wallet, ...cash, ...unrelated.zh.slice(3)])).toEqual([
      [...wallet].sort(),
      [...cash].sort(),
    ]);
  });

  it('groups English paraphrases and keeps "how do I …" questions apart', () => {
    const applePay = [
      'can I pay with apple pay',
      'how do I add my card to apple pay',
      'does my card work with apple pay',
    ];
    expect(groupsOf([...applePay, ...unrelated.en])).toEqual([[...applePay].sort()]);
  });

  it('picks the most typical member as the representative', () => {
    const [cluster] = clustering.cluster(['宠物保险在哪里买', '宠物保险怎么买', '宠物保险'], DEFAULT_SIMILARITY);
    expect(cluster?.examples[0]).toBe(cluster?.representative);
    expect(cluster?.count).toBe(3);
  });
});
