import type { KnowledgeItem } from './knowledge-item.ts';
import { diffSnapshots, languagesToRetrain } from './release-diff.ts';

const item = (id: string, language: 'zh' | 'en', overrides: Partial<KnowledgeItem['content']> = {}): KnowledgeItem => ({
  id,
  kind: 'faq',
  language,
  content: {
    question: `${id}?`,
    similar: [`${id} again`],
    answers: { default: { text: `answer of ${id}`, links: [] } },
    category: 'cards/lost',
    tags: [],
    ...overrides,
  },
});

describe('the diff between two releases', () => {
  it('lists added, removed and changed items with the fields that changed', () => {
    const before = [item('zh-a', 'zh'), item('zh-b', 'zh'), item('en-c', 'en')];
    const after = [
      item('zh-a', 'zh', { answers: { default: { text: 'new answer', links: [] } }, tags: ['x'] }),
      item('en-c', 'en'),
      item('en-d', 'en'),
    ];
    expect(diffSnapshots(before, after)).toEqual({
      added: ['en-d'],
      removed: ['zh-b'],
      changed: [
        {
          id: 'zh-a',
          changes: [
            {
              field: 'answers.default',
              before: { text: 'answer of zh-a', links: [] },
              after: { text: 'new answer', links: [] },
            },
            { field: 'tags', before: [], after: ['x'] },
          ],
        },
      ],
    });
  });

  it('reports a channel answer that appears or disappears, and nothing for an identical snapshot', () => {
    const web = { text: 'web only', links: [{ title: 'guide', url: 'https://bank.example/' }] };
    const before = [item('zh-a', 'zh')];
    const after = [item('zh-a', 'zh', { answers: { default: { text: 'answer of zh-a', links: [] }, web } })];
    expect(diffSnapshots(before, after).changed).toEqual([
      { id: 'zh-a', changes: [{ field: 'answers.web', before: null, after: web }] },
    ]);
    expect(diffSnapshots(after, after)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('retrains only the languages whose training data changed', () => {
    const before = [item('zh-a', 'zh'), item('en-c', 'en'), item('en-e', 'en')];
    const answersOnly = [
      item('zh-a', 'zh', { answers: { default: { text: 'other', links: [] } } }),
      ...before.slice(1),
    ];
    expect(languagesToRetrain(diffSnapshots(before, answersOnly), before, answersOnly)).toEqual([]);
    const newParaphrase = [item('zh-a', 'zh', { similar: ['zh-a again', 'and again'] }), item('en-c', 'en')];
    expect(languagesToRetrain(diffSnapshots(before, newParaphrase), before, newParaphrase)).toEqual(['en', 'zh']);
  });
});
