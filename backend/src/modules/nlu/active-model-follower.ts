import { join, resolve } from 'node:path';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { ActiveModelRepository } from './active-model.repository.ts';
import { ModelRegistry } from './model-registry.ts';

/** How often a replica checks for activations made elsewhere: one tiny query a second per replica. */
const FOLLOW_INTERVAL_MS = 1_000;

/**
 * Makes an activation reach every replica and survive restarts: at start, and then every second, each name recorded
 * in nlu_active_models is served from its recorded package. Following is not a new decision, so it is not audited
 * again (the replica that activated recorded it); a package this replica cannot load is logged once and retried
 * when the record changes.
 */
@Injectable()
export class ActiveModelFollower implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ActiveModelFollower');
  private readonly unloadable = new Set<string>();
  private timer?: NodeJS.Timeout;
  private following?: Promise<void>;

  constructor(
    private readonly registry: ModelRegistry,
    private readonly activeModels: ActiveModelRepository,
    private readonly config: KefuConfig,
  ) {}

  /** Runs after the registry loaded the default packages, so a restarted replica serves what was activated. */
  async onModuleInit(): Promise<void> {
    await this.follow();
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.follow(), FOLLOW_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.following;
  }

  follow(): Promise<void> {
    this.following ??= this.catchUp().finally(() => {
      this.following = undefined;
    });
    return this.following;
  }

  private async catchUp(): Promise<void> {
    let recorded: Awaited<ReturnType<ActiveModelRepository['all']>>;
    try {
      recorded = await this.activeModels.all();
    } catch (error) {
      // Database unreachable or migrations pending: keep serving what is loaded.
      this.logger.warn(`cannot read the active models: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const root = resolve(this.config.nlu.modelsDir);
    for (const model of recorded) {
      const directory = join(root, model.package);
      const key = `${model.name}@${model.package}`;
      if (this.registry.isSwapping(model.name) || this.registry.activeDirectory(model.name) === directory) continue;
      if (this.unloadable.has(key)) continue;
      try {
        await this.registry.activate(model.name, directory);
        this.logger.log(`now serving ${model.name} ${model.version} from ${model.package}, as activated elsewhere`);
      } catch (error) {
        this.unloadable.add(key);
        this.logger.error(`cannot serve ${model.name} from ${model.package}: ${String(error)}`);
      }
    }
  }
}
