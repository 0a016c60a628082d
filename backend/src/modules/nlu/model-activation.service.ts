import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { MANIFEST_FILE } from '@kefu/models';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { AuditAction, type AuditActor, AuditOutcome, AuditTrail } from '../audit/index.ts';
import { ActiveModelRepository } from './active-model.repository.ts';
import { type Incoming, ModelRegistry } from './model-registry.ts';
import type { ModelStatus } from './model-status.ts';

/** What a caller adds to an activation: more audit details, and a write that commits or fails with its record. */
export interface ActivationContext {
  details?: Record<string, unknown>;
  /** Runs in the activation's transaction before the swap; if it throws, the old version stays. */
  alongside?: (manager: EntityManager) => Promise<void>;
}

/**
 * Changing which model answers customers is a security-relevant act: it is audited before the new version is
 * visible, and if the record cannot be written the old version stays (fail-closed). The same transaction records the
 * package as the active one for every replica (ActiveModelFollower), so the change also survives restarts.
 */
@Injectable()
export class ModelActivation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly models: ModelRegistry,
    private readonly audit: AuditTrail,
    private readonly activeModels: ActiveModelRepository,
    private readonly config: KefuConfig,
  ) {}

  /**
   * `packageName` is a folder inside the models directory (validated at the edge, so it cannot leave it). The actor is
   * a member of staff, or the system when a retraining job activates a model that passed its gate.
   */
  activate(
    actor: AuditActor,
    name: string,
    packageName: string,
    context: ActivationContext = {},
  ): Promise<ModelStatus> {
    const directory = join(this.root(), packageName);
    return this.models.activate(name, directory, (incoming) =>
      this.record(actor, name, incoming, { package: packageName, ...context.details }, context.alongside),
    );
  }

  /** Whether `packageName` is a model package folder inside the models directory (it may still fail verification). */
  packageExists(packageName: string): boolean {
    return existsSync(join(this.root(), packageName, MANIFEST_FILE));
  }

  rollback(actor: AuditActor, name: string): Promise<ModelStatus> {
    return this.models.rollback(name, (incoming) => this.record(actor, name, incoming, { rollback: true }));
  }

  private root(): string {
    return resolve(this.config.nlu.modelsDir);
  }

  private async record(
    actor: AuditActor,
    name: string,
    incoming: Incoming,
    details: Record<string, unknown>,
    alongside?: ActivationContext['alongside'],
  ): Promise<void> {
    const previousVersion = this.models.statuses().find((status) => status.name === name)?.version;
    const packageName = relative(this.root(), incoming.directory);
    await this.dataSource.transaction(async (manager) => {
      await alongside?.(manager);
      await this.audit.record(
        {
          actor,
          action: AuditAction.ModelActivate,
          outcome: AuditOutcome.Success,
          target: { type: 'model', id: name },
          details: { ...details, version: incoming.version, previousVersion },
        },
        manager,
      );
      await this.activeModels.record(manager, { name, package: packageName, version: incoming.version }, actor.id);
    });
  }
}
