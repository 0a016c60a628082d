import { randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { allRoles, type Role } from '../../../common/access/role.ts';
import { readOrCreatePrivateJson, writePrivateJson } from './private-file.ts';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;

export interface DemoUser {
  id: string;
  username: string;
  roles: Role[];
  /** scrypt, `salt:hash` in base64url. */
  passwordHash: string;
}

export interface CreatedDemoUser {
  username: string;
  password: string;
  roles: Role[];
}

/**
 * The staff accounts of the built-in (evaluation) identity provider: one per role, passwords generated at first
 * start and shown once, only their scrypt hashes kept (users.json, mode 0600).
 */
export class DemoUserDirectory {
  private users: DemoUser[] = [];

  private constructor(private readonly file: string) {}

  /** Loads the directory, creating one demo user per role the first time; `created` lists the new passwords. */
  static async open(dataDir: string): Promise<{ directory: DemoUserDirectory; created: CreatedDemoUser[] }> {
    const directory = new DemoUserDirectory(join(dataDir, 'users.json'));
    const created: CreatedDemoUser[] = [];
    directory.users = await readOrCreatePrivateJson(directory.file, async () => {
      const users: DemoUser[] = [];
      for (const role of allRoles) {
        const password = randomBytes(12).toString('base64url');
        users.push(await newUser(role, [role], password));
        created.push({ username: role, password, roles: [role] });
      }
      return users;
    });
    return { directory, created };
  }

  findById(id: string): DemoUser | undefined {
    return this.users.find((user) => user.id === id);
  }

  /** The user when the password matches; a miss costs the same time as a hit, so usernames cannot be probed. */
  async authenticate(username: string, password: string): Promise<DemoUser | undefined> {
    const user = this.users.find((candidate) => candidate.username === username);
    const matches = await passwordMatches(password, user?.passwordHash ?? DUMMY_HASH);
    return user && matches ? user : undefined;
  }

  /** Adds or replaces an account (evaluation set-ups and tests that need particular role combinations). */
  async upsert(username: string, roles: Role[], password: string): Promise<DemoUser> {
    const user = await newUser(username, roles, password);
    const existing = this.users.find((candidate) => candidate.username === username);
    if (existing) user.id = existing.id;
    this.users = [...this.users.filter((candidate) => candidate.username !== username), user];
    await writePrivateJson(this.file, this.users);
    return user;
  }
}

const DUMMY_HASH = `${Buffer.alloc(16).toString('base64url')}:${Buffer.alloc(32).toString('base64url')}`;

async function newUser(username: string, roles: Role[], password: string): Promise<DemoUser> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32);
  return {
    id: randomUUID(),
    username,
    roles,
    passwordHash: `${salt.toString('base64url')}:${hash.toString('base64url')}`,
  };
}

async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [salt = '', hash = ''] = stored.split(':');
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length || 32);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
