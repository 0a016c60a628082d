import { readFileSync } from 'node:fs';
import { configShape } from './config.schema.ts';
import { loadConfig } from './load-config.ts';

const doc = readFileSync(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8');

describe('docs/configuration.md', () => {
  const defaults = loadConfig({});

  it.each(Object.keys(configShape))('documents %s with its default', (name) => {
    const row = doc.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row).toBeDefined();
    const value = (defaults as Record<string, unknown>)[name];
    const expected = value === undefined ? '(unset)' : `\`${String(value)}\``;
    expect(row?.split('|')[2]?.trim()).toBe(expected);
  });
});
