import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { AuditAction, type AuditActor, AuditOutcome, AuditTrail, systemActor } from '../audit/index.ts';
import { KEK_PROVIDER, type KekProvider } from './kek-provider.ts';
import { KeyDestroyedError } from './key-destroyed.error.ts';
import { KeyRetiredError } from './key-retired.error.ts';
import { type DataKeyRow, KeyStore } from './key-store.repository.ts';

/** The period of keys that do not change with time (a customer's key, a blind-index key). */
export const STATIC_PERIOD = '-';

export interface DataKey {
  id: string;
  key: Buffer;
}

/**
 * Data keys: 32 random bytes per purpose and period (`transcripts` / `2026-11`, `customer:<id>` / `-`), wrapped by
 * the KEK and stored in data_keys. Unwrapped keys are cached in memory for KEFU_CRYPTO_DATA_KEY_CACHE_SECONDS so the
 * KEK provider (possibly an HSM across the network) is not asked on every field. A destroyed key is evicted here at
 * once; other replicas drop it when their cache entry expires.
 */
@Injectable()
export class DataKeys implements OnModuleDestroy {
  private readonly byIdCache = new Map<string, { key: Buffer; expires: number }>();
  private readonly idByPurpose = new Map<string, string>();
  private readonly lookups = new Map<string, Promise<unknown>>();
  private bootstrap?: Promise<void>;

  constructor(
    private readonly store: KeyStore,
    @Inject(KEK_PROVIDER) private readonly provider: KekProvider,
    private readonly trail: AuditTrail,
    private readonly config: KefuConfig,
  ) {}

  get kekId(): string {
    return this.provider.kekId;
  }

  /** The key of a purpose and period, created (and audited) on first use. */
  async forPurpose(purpose: string, period: string = STATIC_PERIOD): Promise<DataKey> {
    const cacheKey = `${purpose}\u0000${period}`;
    const knownId = this.idByPurpose.get(cacheKey);
    const cached = knownId ? this.cached(knownId) : undefined;
    const lookup = () => this.once(`purpose\u0000${cacheKey}`, () => this.load(purpose, period, cacheKey));
    if (!knownId || !cached) return lookup();
    // Refreshed ahead of expiry by whoever uses it late in its life, so busy callers, often inside a transaction that
    // holds a pooled connection, do not all meet an expired key and queue for more connections.
    if (this.expiresSoon(knownId)) void lookup().catch(() => undefined);
    return { id: knownId, key: cached };
  }

  /**
   * Loads the key of a purpose and period into the cache if it exists, creating nothing (so nothing is audited): what
   * a starting replica does for the keys it is about to need. True when the key is now at hand.
   */
  async warm(purpose: string, period: string = STATIC_PERIOD): Promise<boolean> {
    const row = await this.store.byPurpose(purpose, period);
    if (!row) return false;
    await this.unwrap(row);
    this.idByPurpose.set(`${purpose}\u0000${period}`, row.id);
    return true;
  }

  /** The key a ciphertext names; refused when it was destroyed or is only under a retired KEK version. */
  async byId(id: string): Promise<Buffer> {
    const cached = this.cached(id);
    if (cached) return cached;
    return this.once(`id\u0000${id}`, async () => {
      const row = await this.store.byId(id);
      if (!row) throw new KeyDestroyedError(`data key ${id}`);
      return this.unwrap(row);
    });
  }

  /**
   * One lookup per key at a time: callers that miss the cache together share it. Each lookup takes a pool connection
   * of its own (often from inside a caller's transaction), so a burst of first sends must not take one each.
   */
  private once<T>(name: string, lookup: () => Promise<T>): Promise<T> {
    const running = this.lookups.get(name);
    if (running) return running as Promise<T>;
    const started = lookup().finally(() => this.lookups.delete(name));
    this.lookups.set(name, started);
    return started;
  }

  private async load(purpose: string, period: string, cacheKey: string): Promise<DataKey> {
    let row = await this.store.byPurpose(purpose, period);
    if (!row) {
      await this.create(purpose, period);
      row = await this.store.byPurpose(purpose, period);
    }
    if (!row) throw new Error(`data key for ${purpose} ${period} vanished while it was created`);
    const key = await this.unwrap(row);
    this.idByPurpose.set(cacheKey, row.id);
    return { id: row.id, key };
  }

  /**
   * Crypto-shredding, inside the caller's transaction (whose audit record names it): the wrapped key becomes NULL,
   * so every copy of what it encrypted, backups included, is unreadable once no KEK version that wrapped it
   * survives (docs/data-protection.md, Erasure).
   */
  async destroy(manager: EntityManager, purpose: string, period?: string): Promise<string[]> {
    const ids = await this.store.destroy(manager, { purpose, period });
    for (const id of ids) this.byIdCache.delete(id);
    for (const [cacheKey, id] of this.idByPurpose) if (ids.includes(id)) this.idByPurpose.delete(cacheKey);
    return ids;
  }

  /** Periods (`YYYY-MM`) of a purpose's live keys that sort before `beforeMonth`: what retention may shred. */
  periodsBefore(purpose: string, beforeMonth: string): Promise<string[]> {
    return this.store.periodsBefore(purpose, beforeMonth);
  }

  /** Makes sure a current KEK version exists (version 1 at first start), audited. */
  ensureKek(): Promise<void> {
    this.bootstrap ??= this.createFirstVersion().catch((error: unknown) => {
      this.bootstrap = undefined;
      throw error;
    });
    return this.bootstrap;
  }

  /** Forgets every unwrapped key (after a retirement, and in tests). */
  clearCache(): void {
    this.byIdCache.clear();
    this.idByPurpose.clear();
  }

  async onModuleDestroy(): Promise<void> {
    this.clearCache();
    await this.provider.close();
  }

  private async createFirstVersion(): Promise<void> {
    if (await this.store.currentVersion(this.provider.kekId)) return;
    await this.store.transaction(async (manager) => {
      await this.store.lockKeyHierarchy(manager);
      if (await this.store.currentVersion(this.provider.kekId, manager)) return;
      await this.provider.createVersion(1);
      await this.store.addVersion(manager, this.provider.kekId, 1, this.provider.kind);
      await this.trail.record(
        {
          actor: systemActor('crypto'),
          action: AuditAction.KeysCreate,
          outcome: AuditOutcome.Success,
          target: { type: 'key-encryption-key', id: `${this.provider.kind}:v1` },
          details: { provider: this.provider.kind, version: 1 },
        },
        manager,
      );
    });
  }

  private async create(purpose: string, period: string, actor: AuditActor = systemActor('crypto')): Promise<void> {
    await this.ensureKek();
    const id = randomUUID();
    const key = randomBytes(32);
    await this.store.transaction(async (manager) => {
      // Read inside the transaction: a rotation that switched versions a moment ago is seen here.
      const version = await this.store.currentVersion(this.provider.kekId, manager);
      if (!version) throw new Error('no current key-encryption key version');
      const wrappedKey = await this.provider.wrap(version, key, wrappingContext(id, purpose, period));
      const inserted = await this.store.insertDataKey(manager, {
        id,
        purpose,
        period,
        kekId: this.provider.kekId,
        kekVersion: version,
        wrappedKey,
      });
      if (!inserted) return;
      await this.trail.record(
        {
          actor,
          action: AuditAction.KeysCreate,
          outcome: AuditOutcome.Success,
          target: { type: 'data-key', id },
          details: { purpose, period, kek_version: version },
        },
        manager,
      );
    });
  }

  private async unwrap(row: DataKeyRow): Promise<Buffer> {
    if (row.status === 'destroyed' || !row.wrappedKey)
      throw new KeyDestroyedError(`data key ${row.id} (${row.purpose})`);
    if (row.kekStatus === 'retired') throw new KeyRetiredError(row.id, row.kekVersion);
    const key = await this.provider.unwrap(
      row.kekVersion,
      row.wrappedKey,
      wrappingContext(row.id, row.purpose, row.period),
    );
    this.byIdCache.set(row.id, { key, expires: Date.now() + this.config.crypto.dataKeyCacheSeconds * 1000 });
    return key;
  }

  /** In the last tenth of its time in the cache. */
  private expiresSoon(id: string): boolean {
    const entry = this.byIdCache.get(id);
    return entry !== undefined && entry.expires - Date.now() < this.config.crypto.dataKeyCacheSeconds * 100;
  }

  private cached(id: string): Buffer | undefined {
    const entry = this.byIdCache.get(id);
    if (!entry) return undefined;
    if (entry.expires > Date.now()) return entry.key;
    this.byIdCache.delete(id);
    return undefined;
  }
}

/** Associated data of a wrapped key: a wrapped key copied onto another row does not unwrap. */
export function wrappingContext(id: string, purpose: string, period: string): Buffer {
  return Buffer.from(`kefu data key\u0000${id}\u0000${purpose}\u0000${period}`);
}
