import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditAction, type AuditActor, AuditOutcome, AuditTrail } from '../audit/index.ts';
import { DataKeys, wrappingContext } from './data-keys.service.ts';
import { KEK_PROVIDER, type KekProvider } from './kek-provider.ts';
import { type KekVersionRow, KeyStore } from './key-store.repository.ts';
import { KeyVersionInUseError } from './key-version-in-use.error.ts';

export interface RotationResult {
  fromVersion: number;
  toVersion: number;
  rewrapped: number;
}

const DEFAULT_BATCH = 100;

/**
 * `kefu keys rotate` and `kefu keys retire`. Rotation never re-encrypts data and never stops service:
 * 1. a new KEK version is created and made current (new data keys are wrapped under it from then on);
 * 2. every data key still under an older version is re-wrapped, a batch per short transaction (rows locked only
 *    while their batch runs, so readers and writers carry on; a reader sees the old or the new wrapping, both valid);
 * 3. the loop ends when no active data key is left under an older version, which also catches keys created by a
 *    replica that read the old version just before the switch.
 * A retired version's material is destroyed, so a data key left only under it — e.g. in a backup taken before the
 * rotation — is refused with KeyRetiredError.
 */
@Injectable()
export class KeyRotation {
  private readonly logger = new Logger('KeyRotation');

  constructor(
    private readonly store: KeyStore,
    private readonly keys: DataKeys,
    @Inject(KEK_PROVIDER) private readonly provider: KekProvider,
    private readonly trail: AuditTrail,
  ) {}

  async rotate(actor: AuditActor, options: { batchSize?: number } = {}): Promise<RotationResult> {
    await this.keys.ensureKek();
    // Two rotations at once would move keys back and forth between their two new versions.
    const result = await this.store.whileRotating(() => this.rotateLocked(actor, options));
    if (!result) throw new KeyVersionInUseError('another key rotation is running: wait for it to finish');
    return result;
  }

  private async rotateLocked(actor: AuditActor, options: { batchSize?: number }): Promise<RotationResult> {
    const kekId = this.provider.kekId;
    const { fromVersion, toVersion } = await this.store.transaction(async (manager) => {
      await this.store.lockKeyHierarchy(manager);
      const from = (await this.store.currentVersion(kekId, manager)) as number;
      const to = Math.max(from, ...(await this.store.versions(kekId)).map((v) => v.version)) + 1;
      await this.provider.createVersion(to);
      await this.store.addVersion(manager, kekId, to, this.provider.kind);
      await this.trail.record(
        {
          actor,
          action: AuditAction.KeysRotate,
          outcome: AuditOutcome.Success,
          target: { type: 'key-encryption-key', id: `${this.provider.kind}:v${to}` },
          details: { phase: 'started', provider: this.provider.kind, from_version: from, to_version: to },
        },
        manager,
      );
      return { fromVersion: from, toVersion: to };
    });
    let rewrapped = 0;
    for (;;) {
      const batch = await this.store.transaction(async (manager) => {
        const rows = await this.store.lockNotUnder(manager, kekId, toVersion, options.batchSize ?? DEFAULT_BATCH);
        for (const row of rows) {
          const context = wrappingContext(row.id, row.purpose, row.period);
          const key = await this.provider.unwrap(row.kekVersion, row.wrappedKey as Buffer, context);
          await this.store.rewrap(manager, row.id, toVersion, await this.provider.wrap(toVersion, key, context));
        }
        return rows.length;
      });
      rewrapped += batch;
      if (batch === 0) break;
    }
    await this.trail.record({
      actor,
      action: AuditAction.KeysRotate,
      outcome: AuditOutcome.Success,
      target: { type: 'key-encryption-key', id: `${this.provider.kind}:v${toVersion}` },
      details: { phase: 'completed', from_version: fromVersion, to_version: toVersion, rewrapped },
    });
    this.logger.log(`re-wrapped ${rewrapped} data keys under key-encryption key version ${toVersion}`);
    return { fromVersion, toVersion, rewrapped };
  }

  /**
   * Retires a KEK version: marks it retired and destroys its material. Refused for the current version, and while
   * data keys are still wrapped under it unless `force` (which makes them unreadable on purpose).
   */
  /**
   * Creates the next version's material without making it current, for replicas that do not share the key folder:
   * distribute the file, restart them, then `rotate` (which finds the material and activates it).
   */
  async prepare(): Promise<number> {
    await this.keys.ensureKek();
    const next = Math.max(...(await this.store.versions(this.provider.kekId)).map((v) => v.version)) + 1;
    await this.provider.createVersion(next);
    return next;
  }

  async retire(version: number, actor: AuditActor, options: { force?: boolean } = {}): Promise<{ orphaned: number }> {
    const kekId = this.provider.kekId;
    const orphaned = await this.store.transaction(async (manager) => {
      await this.store.lockKeyHierarchy(manager);
      const status = await this.store.versionStatus(kekId, version);
      if (!status) throw new KeyVersionInUseError(`key-encryption key version ${version} does not exist`);
      if (status === 'current')
        throw new KeyVersionInUseError(`version ${version} is the current key-encryption key: rotate first`);
      const count = await this.store.countUnder(kekId, version);
      if (count > 0 && !options.force)
        throw new KeyVersionInUseError(
          `${count} data keys are still wrapped only under version ${version}: run \`kefu keys rotate\` first (or --force to destroy them)`,
        );
      await this.store.markRetired(manager, kekId, version);
      await this.trail.record(
        {
          actor,
          action: AuditAction.KeysDestroy,
          outcome: AuditOutcome.Success,
          target: { type: 'key-encryption-key', id: `${this.provider.kind}:v${version}` },
          details: { operation: 'retire', provider: this.provider.kind, version, orphaned_data_keys: count },
        },
        manager,
      );
      return count;
    });
    // After the commit: if destroying fails, the version is already refused and a second retire finishes the job.
    await this.provider.destroyVersion(version);
    this.keys.clearCache();
    return { orphaned };
  }

  status(): Promise<KekVersionRow[]> {
    return this.store.versions(this.provider.kekId);
  }
}
