import { readFileSync } from 'node:fs';
import { configShape } from './config.schema.ts';
import { loadConfig } from './load-config.ts';

const doc = readFileSync(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8');

describe('docs/configuration.md', () => {
  const defaults = loadConfig({});

  it.each(Object.keys(configShape))('documents %s with its default', (name) => {
    const cells = doc
      .split('\n')
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .find((row) => row[1] === `\`${name}\``);
    const value = (defaults as Record<string, unknown>)[name];
    expect(cells?.[2]).toBe(value === undefined ? '(unset)' : `\`${String(value)}\``);
  });
});
