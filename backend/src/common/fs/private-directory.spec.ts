import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePrivateDirectory, makePrivateDirectorySync } from './private-directory.ts';

describe('a private directory', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kefu-private-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const mode = (path: string) => statSync(path).mode & 0o777;

  it.each([
    ['async', makePrivateDirectory],
    ['sync', async (path: string) => makePrivateDirectorySync(path)],
  ])('is 0700 while the parents it creates stay enterable by others (%s)', async (_, make) => {
    const keys = join(root, '.kefu', 'keys');
    await make(keys);
    expect(mode(keys)).toBe(0o700);
    expect(mode(join(root, '.kefu')) & 0o011).toBe(0o011);
  });
});
