import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { faqItem, labeledPair, labeledText, readJsonLines, readSplit } from './dataset-files.ts';

describe('dataset files', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kefu-dataset-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const file = async (name: string, lines: string[]) => {
    const path = join(dir, name);
    await writeFile(path, `${lines.join('\n')}\n`);
    return path;
  };

  it('reads numbered classes as the same labels as their decimal strings, from a Windows-written file too', async () => {
    const path = await file('numbered.jsonl', [
      '\uFEFF{"text": "card not arrived", "label": 3}\r',
      '',
      '{"text": "where is my card", "label": "3", "lang": "en"}',
    ]);
    await expect(readJsonLines(path, labeledText)).resolves.toEqual([
      { text: 'card not arrived', label: '3' },
      { text: 'where is my card', label: '3' },
    ]);
  });

  it('names the file, line and field of a record it refuses', async () => {
    const path = await file('bad.jsonl', ['{"text": "fine", "label": "a"}', '{"text": 42, "label": "a"}']);
    await expect(readJsonLines(path, labeledText)).rejects.toThrow(`${path}:2: "text" must be a string`);
    const noLabel = await file('no-label.jsonl', ['{"text": "fine"}']);
    await expect(readJsonLines(noLabel, labeledText)).rejects.toThrow(
      `${noLabel}:1: "label" must be a non-empty string or a number`,
    );
    const notJson = await file('not-json.jsonl', ['{"text": "fine", "label": "a"', '[1, 2]']);
    await expect(readJsonLines(notJson, labeledText)).rejects.toThrow(`${notJson}:1: not valid JSON`);
  });

  it('accepts 1 / "1" / true and 0 / "0" / false as pair labels and nothing else', async () => {
    const path = await file('pairs.jsonl', [
      '{"a": "x", "b": "y", "label": "1"}',
      '{"a": "x", "b": "z", "label": false}',
    ]);
    await expect(readJsonLines(path, labeledPair)).resolves.toEqual([
      { a: 'x', b: 'y', label: 1 },
      { a: 'x', b: 'z', label: 0 },
    ]);
    expect(() => labeledPair({ a: 'x', b: 'y', label: 2 })).toThrow('"label" must be 1 (same) or 0');
  });

  it('reads FAQ items with or without paraphrases and refuses paraphrases that are not strings', () => {
    expect(faqItem({ id: 7, question: 'q' })).toEqual({ id: '7', question: 'q', similar: [] });
    expect(() => faqItem({ id: 'a', question: 'q', similar: ['ok', 1] })).toThrow('"similar" must be a list');
    expect(() => faqItem(['a', 'q'])).toThrow('expected a JSON object');
  });

  it('reads an optional split only when its file exists', async () => {
    await expect(readSplit(dir, 'missing', labeledText)).resolves.toBeUndefined();
  });
});
