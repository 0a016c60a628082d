import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { IntentClassifier, MANIFEST_FILE } from '@kefu/models';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { ReadinessService } from '../observability/index.ts';
import { LoadedModel } from './model-lease.ts';
import type { ModelStatus } from './model-status.ts';
import { ModelNotFoundError, ModelRejectedError, NothingToRollBackError } from './nlu.errors.ts';

/** The task of sentiment packages (`kefu train-defaults`); every other task answers with intents or FAQ items. */
const SENTIMENT_TASK = 'sentiment';

interface Slot {
  active: LoadedModel;
  previous?: LoadedModel;
}

/** The version about to be served and the package folder it comes from. */
export interface Incoming {
  version: string;
  directory: string;
}

/**
 * The models this replica serves, one slot per name (`kb-zh`, `kb-en`, `sentiment`): each package is verified
 * against its manifest's sha256 before it is loaded; activating a new version swaps it in without a restart and
 * keeps the one before for rollback.
 */
@Injectable()
export class ModelRegistry implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ModelRegistry');
  private readonly slots = new Map<string, Slot>();
  /** Names being swapped right now: the follower of shared activations leaves them alone meanwhile. */
  private readonly swapping = new Set<string>();
  private loaded = false;

  constructor(
    private readonly config: KefuConfig,
    readiness: ReadinessService,
  ) {
    readiness.contribute(async () =>
      this.loaded ? { name: 'models', ok: true } : { name: 'models', ok: false, detail: 'loading' },
    );
  }

  async onModuleInit(): Promise<void> {
    const root = resolve(this.config.nlu.modelsDir);
    const names = existsSync(root) ? await readdir(root) : [];
    for (const name of names.sort()) {
      if (!existsSync(join(root, name, MANIFEST_FILE))) continue;
      await this.activate(name, join(root, name));
    }
    this.logger.log(`serving models: ${[...this.slots.keys()].join(', ') || 'none'} from ${root}`);
    this.loaded = true;
  }

  async onModuleDestroy(): Promise<void> {
    for (const slot of this.slots.values()) {
      await slot.active.retire();
      await slot.previous?.retire();
    }
  }

  has(name: string): boolean {
    return this.slots.has(name);
  }

  /** Runs `work` on the active version of `name`; a swap during the call does not affect it. */
  use<T>(name: string, work: (classifier: IntentClassifier) => Promise<T>): Promise<T> {
    const slot = this.slots.get(name);
    if (!slot) throw new ModelNotFoundError(name);
    return slot.active.use(work);
  }

  /**
   * Verifies and loads the package in `directory`, then makes it the active version of `name`. `beforeSwap` runs
   * once the package is known good and before anyone sees it (the audit record); if it throws, nothing changes.
   */
  async activate(
    name: string,
    directory: string,
    beforeSwap: (incoming: Incoming) => Promise<void> = async () => {},
  ): Promise<ModelStatus> {
    this.swapping.add(name);
    try {
      return await this.swapIn(name, directory, beforeSwap);
    } finally {
      this.swapping.delete(name);
    }
  }

  /** The package folder `name` is served from now, or undefined when it is not loaded. */
  activeDirectory(name: string): string | undefined {
    return this.slots.get(name)?.active.directory;
  }

  isSwapping(name: string): boolean {
    return this.swapping.has(name);
  }

  private async swapIn(
    name: string,
    directory: string,
    beforeSwap: (incoming: Incoming) => Promise<void>,
  ): Promise<ModelStatus> {
    let classifier: IntentClassifier;
    try {
      classifier = await IntentClassifier.load(directory);
    } catch (error) {
      throw new ModelRejectedError(error instanceof Error ? error.message : String(error));
    }
    const incoming = new LoadedModel(classifier, directory);
    const serving = this.slots.get(name)?.active.classifier.manifest.task;
    try {
      // An FAQ package in the sentiment slot would answer every message's mood with an FAQ label, and the other way
      // round every question with a mood. (FAQ and intent packages are alike: both answer with their labels.)
      const incomingTask = classifier.manifest.task;
      if (serving && (serving === SENTIMENT_TASK) !== (incomingTask === SENTIMENT_TASK)) {
        throw new ModelRejectedError(`${name} serves ${serving} models; this package is a ${incomingTask} model`);
      }
      await beforeSwap({ version: incoming.version, directory });
    } catch (error) {
      await incoming.retire();
      throw error;
    }
    const slot = this.slots.get(name);
    const replaced = slot?.previous;
    this.slots.set(name, { active: incoming, previous: slot?.active });
    await replaced?.retire();
    return this.status(name);
  }

  /** Returns `name` to the version before the current one; `beforeSwap` as for `activate`. */
  async rollback(
    name: string,
    beforeSwap: (incoming: Incoming) => Promise<void> = async () => {},
  ): Promise<ModelStatus> {
    const slot = this.slots.get(name);
    if (!slot) throw new ModelNotFoundError(name);
    if (!slot.previous) throw new NothingToRollBackError(name);
    await beforeSwap({ version: slot.previous.version, directory: slot.previous.directory });
    this.slots.set(name, { active: slot.previous, previous: slot.active });
    return this.status(name);
  }

  statuses(): ModelStatus[] {
    return [...this.slots.keys()].sort().map((name) => this.status(name));
  }

  private status(name: string): ModelStatus {
    const slot = this.slots.get(name) as Slot;
    const { manifest } = slot.active.classifier;
    return {
      name,
      version: manifest.version,
      task: manifest.task,
      previousVersion: slot.previous?.version,
      metrics: manifest.metrics,
    };
  }
}
