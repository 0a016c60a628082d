import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { FlowRepository } from './flow.repository.ts';
import type { Flow } from './flow-definition.ts';

/**
 * How long a replica serves its copy of the flow definitions before reading them again: turns never wait for a
 * query, and a trainer's change reaches every replica within this time (at once on the replica that saved it).
 */
const REFRESH_MS = 2_000;

interface Snapshot {
  byId: Map<string, Flow>;
  /** Enabled flows by the knowledge item (NLU label) that starts them. */
  byTrigger: Map<string, Flow>;
  loadedAt: number;
}

/** The flow definitions every turn consults, kept in memory. */
@Injectable()
export class FlowCatalog implements OnApplicationBootstrap {
  private readonly logger = new Logger('FlowCatalog');
  private snapshot?: Snapshot;
  private loading?: Promise<Snapshot>;

  constructor(private readonly flows: FlowRepository) {}

  /**
   * Loads the flows early. When a separate job applies migrations (KEFU_MIGRATE_ON_START=false) the table may not
   * exist yet while the replica starts and waits to be ready; the first turn then loads them.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.refresh().catch((error: unknown) => this.logger.warn(`flows not loaded at start: ${String(error)}`));
  }

  async byTrigger(label: string): Promise<Flow | undefined> {
    return (await this.current()).byTrigger.get(label);
  }

  /** Running flows are looked up by id whether enabled or not: disabling a flow stops new starts, not current ones. */
  async byId(id: string): Promise<Flow | undefined> {
    return (await this.current()).byId.get(id);
  }

  /** Called after a local change so this replica serves it at once. */
  async refresh(): Promise<void> {
    this.snapshot = await this.load();
  }

  /** A stale copy is served while the next one loads in the background, so no turn waits on the reload. */
  private async current(): Promise<Snapshot> {
    if (!this.snapshot) await this.refresh();
    const snapshot = this.snapshot as Snapshot;
    if (Date.now() - snapshot.loadedAt >= REFRESH_MS && !this.loading) {
      this.loading = this.load()
        .then((fresh) => {
          this.snapshot = fresh;
          return fresh;
        })
        .catch((error: unknown) => {
          this.logger.warn(`reloading flows failed, serving the previous copy: ${String(error)}`);
          return snapshot;
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    return snapshot;
  }

  private async load(): Promise<Snapshot> {
    const flows = await this.flows.all();
    const byTrigger = new Map<string, Flow>();
    for (const flow of flows.filter((each) => each.enabled))
      for (const trigger of flow.triggers) byTrigger.set(trigger, flow);
    return { byId: new Map(flows.map((flow) => [flow.id, flow])), byTrigger, loadedAt: Date.now() };
  }
}
