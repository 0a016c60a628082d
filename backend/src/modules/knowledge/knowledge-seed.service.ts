import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { systemActor } from '../audit/index.ts';
import { ModelRegistry } from '../nlu/index.ts';
import { ItemRepository } from './item.repository.ts';
import { KnowledgeBase } from './knowledge-base.service.ts';
import { knowledgeLanguages } from './knowledge-item.ts';
import type { ReleaseModels } from './release.repository.ts';
import { ReleaseWriter } from './release-writer.ts';
import { readSeedItems } from './seed-knowledge-files.ts';

/** Any fixed number, the same in every replica: replicas starting together seed once. */
const SEED_LOCK_KEY = 0x6b62_0001;

/**
 * On a database without any release, publishes the starter knowledge base (the demo KB the default models were
 * trained on) as release 1 by the system, audited, so the bot answers out of the box. Idempotent across restarts and
 * across replicas starting at once (a transaction-scoped advisory lock, then "is there a release yet?").
 */
@Injectable()
export class KnowledgeSeed implements OnApplicationBootstrap {
  private readonly logger = new Logger('KnowledgeSeed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: KefuConfig,
    private readonly items: ItemRepository,
    private readonly writer: ReleaseWriter,
    private readonly models: ModelRegistry,
    private readonly knowledgeBase: KnowledgeBase,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.knowledge.seed) return;
    const [{ ready }] = await this.dataSource.query("SELECT to_regclass('knowledge_releases') IS NOT NULL AS ready");
    if (!ready) {
      // Migrations are pending (KEFU_MIGRATE_ON_START=false); the next start after `kefu migrate` seeds.
      this.logger.warn('knowledge tables missing: the starter knowledge base is published at the next start');
      return;
    }
    const published = await this.seed();
    if (published) this.logger.log(`published the starter knowledge base as release 1 (${published} items)`);
    await this.knowledgeBase.refresh();
  }

  /** Returns how many items it published, or 0 when a release already existed. */
  async seed(): Promise<number> {
    const snapshot = await readSeedItems(this.config.knowledge.seedDir);
    if (snapshot.length === 0) return 0;
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      const existing: unknown[] = await manager.query('SELECT 1 FROM knowledge_releases LIMIT 1');
      if (existing.length > 0) return 0;
      await this.items.register(manager, snapshot);
      await this.writer.append(manager, {
        snapshot,
        actor: systemActor('knowledge-seed'),
        note: 'starter knowledge base',
        models: this.servingModels(),
      });
      return snapshot.length;
    });
  }

  /** The default packages (`kb-zh`, `kb-en`) serve release 1: they were trained on these very files. */
  private servingModels(): ReleaseModels {
    const models: ReleaseModels = {};
    for (const language of knowledgeLanguages) {
      if (this.models.has(`kb-${language}`)) models[language] = `kb-${language}`;
    }
    return models;
  }
}
