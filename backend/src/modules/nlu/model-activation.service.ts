import { join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/access/index.ts';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { AuditAction, AuditOutcome, AuditTrail } from '../audit/index.ts';
import { ModelRegistry, type ModelStatus } from './model-registry.ts';

/**
 * Changing which model answers customers is a security-relevant act: it is audited before the new version is
 * visible, and if the record cannot be written the old version stays (fail-closed).
 */
@Injectable()
export class ModelActivation {
  constructor(
    private readonly models: ModelRegistry,
    private readonly audit: AuditTrail,
    private readonly config: KefuConfig,
  ) {}

  /** `packageName` is a folder inside the models directory (validated at the edge, so it cannot leave it). */
  activate(actor: Actor, name: string, packageName: string): Promise<ModelStatus> {
    const directory = join(resolve(this.config.nlu.modelsDir), packageName);
    return this.models.activate(name, directory, ({ version }) =>
      this.record(actor, name, { package: packageName, version, previousVersion: this.activeVersion(name) }),
    );
  }

  rollback(actor: Actor, name: string): Promise<ModelStatus> {
    return this.models.rollback(name, ({ version }) =>
      this.record(actor, name, { rollback: true, version, previousVersion: this.activeVersion(name) }),
    );
  }

  private activeVersion(name: string): string | undefined {
    return this.models.statuses().find((status) => status.name === name)?.version;
  }

  private async record(actor: Actor, name: string, details: Record<string, unknown>): Promise<void> {
    await this.audit.record({
      actor,
      action: AuditAction.ModelActivate,
      outcome: AuditOutcome.Success,
      target: { type: 'model', id: name },
      details,
    });
  }
}
