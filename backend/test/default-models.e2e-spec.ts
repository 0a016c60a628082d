import { existsSync } from 'node:fs';
import { Role } from '../src/common/access/index.ts';
import { staffToken } from './harness/staff-token.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

const artifacts = new URL('../../models/artifacts/', import.meta.url);

/** The models `npm install` trains from the demo knowledge base answer out of the box. */
describe('the default models', () => {
  let kefu: TestApp;
  let trainer: string;

  beforeAll(async () => {
    if (!existsSync(new URL('kb-zh/manifest.json', artifacts))) {
      throw new Error(
        'models/artifacts is empty: `npm install` trains the default models (or run `npm run build:models`)',
      );
    }
    kefu = await startTestApp({ env: { KEFU_MODELS_DIR: artifacts.pathname } });
    trainer = await staffToken(kefu, [Role.Trainer]);
  });
  afterAll(() => kefu.close());

  const parse = async (text: string) => {
    const response = await fetch(`${kefu.baseUrl}/api/v1/nlu/parse`, {
      method: 'POST',
      headers: { authorization: `Bearer ${trainer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { intent: string; oos: boolean; language: string; sentiment?: { label: string } };
  };

  it('serves a Chinese and an English knowledge-base model and the sentiment model', async () => {
    const response = await fetch(`${kefu.baseUrl}/api/v1/nlu/models`, {
      headers: { authorization: `Bearer ${trainer}` },
    });
    const names = ((await response.json()) as { name: string }[]).map((model) => model.name);
    expect(names).toEqual(['kb-en', 'kb-zh', 'sentiment']);
  });

  it.each([
    ['我的信用卡丢了怎么办', /^zh-card-lost/],
    ['转人工', /^zh-chitchat-handoff$/],
    ['I lost my credit card', /^en-card-lost/],
    ['talk to a human please', /^en-chitchat-handoff$/],
  ])('answers %s with the matching item', async (text, expected) => {
    const reading = await parse(text);
    expect(reading.intent).toMatch(expected);
    expect(reading.oos).toBe(false);
  });

  it('hears anger in a hostile complaint', async () => {
    expect((await parse('你们这个破系统，我要投诉到银保监会！！！')).sentiment?.label).toBe('anger');
  });
});
