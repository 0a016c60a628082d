import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/index.ts';
import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';
import { ModelActivation } from '../nlu/index.ts';
import { ReleaseNotFoundError } from './knowledge.errors.ts';
import { KnowledgeBase } from './knowledge-base.service.ts';
import { type KnowledgeLanguage, knowledgeLanguages } from './knowledge-item.ts';
import { ReleaseRepository, type StoredRelease } from './release.repository.ts';
import { ReleaseWriter } from './release-writer.ts';

export interface ModelRestore {
  language: KnowledgeLanguage;
  package: string;
  restored: boolean;
  error?: string;
}

class AlreadyCurrentError extends DomainError {
  constructor(number: number) {
    super(ErrorCode.Conflict, `release ${number} is already the current release`);
  }
}

/**
 * One-click rollback: a new release whose snapshot equals release N (so history only grows and the rollback is itself
 * audited and reversible), then the models trained for N are activated again through ModelActivation (audited too).
 */
@Injectable()
export class RollbackRelease {
  private readonly logger = new Logger('RollbackRelease');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly releases: ReleaseRepository,
    private readonly writer: ReleaseWriter,
    private readonly knowledgeBase: KnowledgeBase,
    private readonly activation: ModelActivation,
  ) {}

  async execute(
    approver: Actor,
    number: number,
    note?: string,
  ): Promise<{ release: StoredRelease; models: ModelRestore[] }> {
    const { release, replaced } = await this.dataSource.transaction(async (manager) => {
      const target = await this.releases.byNumber(number, manager);
      if (!target) throw new ReleaseNotFoundError(number);
      const current = (await this.releases.current(manager)) as StoredRelease;
      if (current.number === number) throw new AlreadyCurrentError(number);
      const stored = await this.writer.append(manager, {
        snapshot: target.snapshot,
        actor: approver,
        note: note ?? null,
        models: target.models,
        rollbackOf: number,
      });
      return { release: stored, replaced: current };
    });
    await this.knowledgeBase.refresh();
    return { release, models: await this.restoreModels(approver, release, replaced) };
  }

  /** Re-activates each language's package of the target release where it differs from what served until now. */
  private async restoreModels(
    approver: Actor,
    release: StoredRelease,
    replaced: StoredRelease,
  ): Promise<ModelRestore[]> {
    const restores: ModelRestore[] = [];
    for (const language of knowledgeLanguages) {
      const packageName = release.models[language];
      if (!packageName || packageName === replaced.models[language]) continue;
      try {
        await this.activation.activate(approver, `kb-${language}`, packageName);
        restores.push({ language, package: packageName, restored: true });
      } catch (error) {
        // The knowledge rollback stands (it is committed and audited); the model keeps serving and the response says so.
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.error(`rollback to release ${release.rollbackOf}: model ${packageName} not restored: ${reason}`);
        restores.push({ language, package: packageName, restored: false, error: reason });
      }
    }
    return restores;
  }
}
