import { randomBytes } from 'node:crypto';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makePrivateDirectory } from '../../common/fs/private-directory.ts';
import type { KekProvider } from './kek-provider.ts';
import { CipherAlgorithm, ivLength, open, seal, tagLength } from './symmetric-cipher.ts';

/**
 * The default KEK: 32 random bytes per version in `<KEFU_CRYPTO_KEY_DIR>/kek-v<N>.key` (folder 0700, files 0600),
 * created at first use. The key files stay out of the database on purpose: a database backup alone decrypts
 * nothing. Wrapped data keys are `cipher code || IV || wrapped key || tag` under the configured mode's cipher, so a
 * change of mode still unwraps keys wrapped before it.
 */
export class FileKekProvider implements KekProvider {
  readonly kind = 'file';
  readonly kekId: string;
  private readonly directory: string;
  private readonly keys = new Map<number, Buffer>();

  constructor(
    directory: string,
    private readonly algorithm: CipherAlgorithm,
  ) {
    this.directory = resolve(directory);
    this.kekId = `file:${this.directory}`;
  }

  async createVersion(version: number): Promise<void> {
    await makePrivateDirectory(this.directory);
    try {
      // `wx`: two replicas starting together must not overwrite each other's fresh key.
      await writeFile(this.path(version), randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    await chmod(this.path(version), 0o600);
  }

  async wrap(version: number, dataKey: Buffer, aad: Buffer): Promise<Buffer> {
    const sealed = seal(this.algorithm, await this.key(version), dataKey, aad);
    return Buffer.concat([Buffer.from([this.algorithm]), sealed.iv, sealed.body, sealed.tag]);
  }

  async unwrap(version: number, wrapped: Buffer, aad: Buffer): Promise<Buffer> {
    const algorithm = wrapped[0] as CipherAlgorithm;
    const iv = ivLength[algorithm];
    const tag = tagLength[algorithm];
    if (iv === undefined || tag === undefined) throw new Error('unknown wrapping cipher');
    return open(
      algorithm,
      await this.key(version),
      {
        iv: wrapped.subarray(1, 1 + iv),
        body: wrapped.subarray(1 + iv, wrapped.length - tag),
        tag: wrapped.subarray(wrapped.length - tag),
      },
      aad,
    );
  }

  async destroyVersion(version: number): Promise<void> {
    this.keys.delete(version);
    // Overwrite before unlinking so the bytes are not left in the file's old blocks on simple file systems.
    await writeFile(this.path(version), randomBytes(64).toString('hex'), { mode: 0o600 }).catch(() => undefined);
    await rm(this.path(version), { force: true });
  }

  async close(): Promise<void> {
    this.keys.clear();
  }

  private async key(version: number): Promise<Buffer> {
    const cached = this.keys.get(version);
    if (cached) return cached;
    const text = await readFile(this.path(version), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      // Replicas that do not share the folder (a Kubernetes Secret) need the new file before rotation activates it.
      throw new Error(
        `key-encryption key version ${version} is missing from ${this.directory}: give every replica kek-v${version}.key (docs/data-protection.md, Rotation)`,
      );
    });
    const key = Buffer.from(text.trim(), 'hex');
    if (key.length !== 32) throw new Error(`key-encryption key version ${version} in ${this.directory} is malformed`);
    this.keys.set(version, key);
    return key;
  }

  private path(version: number): string {
    return join(this.directory, `kek-v${version}.key`);
  }
}
