import { Role } from '../src/common/access/index.ts';
import { botConversation, startBotTestApp } from './fixtures/bot-conversation.ts';
import { staffToken } from './harness/staff-token.ts';
import type { TestApp } from './harness/test-app.ts';

interface Suggestion {
  representative: string;
  count: number;
  examples: string[];
  nearestItem?: { id: string; question?: string; confidence: number };
}

/** 知识库自学习: what the bot could not answer comes back to editors as grouped suggestions, personal data masked. */
describe('unanswered questions', () => {
  let kefu: TestApp;

  beforeAll(async () => {
    kefu = await startBotTestApp();
  });
  afterAll(() => kefu.close());

  const suggestions = async (token: string, query = '') =>
    fetch(`${kefu.baseUrl}/api/v1/bot/unanswered/suggestions${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it('groups paraphrases of a question the bot could not answer into one suggestion', async () => {
    const petInsurance = [
      '你们有没有宠物保险可以买',
      '宠物保险在哪里买',
      '我想给我家猫买宠物保险，电话13812345678',
      '宠物保险怎么买比较划算',
    ];
    // Unanswered questions arrive mixed with everything else the bot could not place.
    const others = [
      '红烧肉怎么做才好吃',
      '今天北京会下雨吗',
      '推荐一部好看的电视剧',
      '高铁票怎么改签',
      '附近哪家火锅店好吃',
    ];
    for (const question of [...others.slice(0, 2), ...petInsurance, ...others.slice(2)]) {
      const reply = await botConversation(kefu).say(question);
      expect(reply.messages[0]?.kind).toMatch(/^(fallback|clarify)$/);
    }
    const response = await suggestions(await staffToken(kefu, [Role.KbEditor]));
    expect(response.status).toBe(200);
    const groups = (await response.json()) as Suggestion[];
    const [first] = groups;
    expect(first?.count).toBeGreaterThanOrEqual(3);
    expect(first?.representative).toContain('宠物保险');
    expect(first?.nearestItem).toEqual({
      id: expect.any(String),
      question: expect.any(String),
      confidence: expect.any(Number),
    });
    for (const group of groups) {
      const aboutPets = group.examples.map((example) => example.includes('宠物保险'));
      expect(new Set(aboutPets).size).toBe(1);
    }
    expect(JSON.stringify(groups)).not.toContain('13812345678');
  });

  it('lets trainers read the suggestions, and not agents', async () => {
    expect((await suggestions(await staffToken(kefu, [Role.Trainer]), '?language=en')).status).toBe(200);
    expect((await suggestions(await staffToken(kefu, [Role.Agent]))).status).toBe(403);
  });
});
