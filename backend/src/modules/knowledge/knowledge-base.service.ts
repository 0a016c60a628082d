import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { KnowledgeItem } from './knowledge-item.ts';
import type { EntryChannel, PublishedEntry } from './published-entry.ts';
import { ReleaseRepository } from './release.repository.ts';

/**
 * How often each replica checks whether another one published: one indexed `max()` per second is nothing to
 * PostgreSQL, and a customer sees a new answer at most a second after the approver's click.
 */
const RELEASE_CHECK_MS = 1_000;

interface CachedItem {
  entries: Record<EntryChannel, PublishedEntry>;
  effectiveFrom?: number;
  expiresAt?: number;
}

/**
 * The published knowledge the bot answers from, read on every turn: the current release lives in memory, so a
 * lookup is a map access. The replica that publishes refreshes at once; the others notice the new release number
 * within a second. While the database is unreachable the cached release keeps answering.
 */
@Injectable()
export class KnowledgeBase implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('KnowledgeBase');
  private items = new Map<string, CachedItem>();
  private release = 0;
  private loaded = false;
  private loading: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;

  constructor(private readonly releases: ReleaseRepository) {}

  /** The published entry effective now, or undefined (unknown, expired or not yet effective). */
  async find(id: string, channel: EntryChannel): Promise<PublishedEntry | undefined> {
    if (!this.loaded) await this.refresh();
    const cached = this.items.get(id);
    return cached && isEffective(cached, Date.now()) ? cached.entries[channel] : undefined;
  }

  async findMany(ids: string[], channel: EntryChannel): Promise<PublishedEntry[]> {
    const entries = await Promise.all(ids.map((id) => this.find(id, channel)));
    return entries.filter((entry): entry is PublishedEntry => entry !== undefined);
  }

  /** The release number being served (0 before the first release exists). */
  get currentRelease(): number {
    return this.release;
  }

  /**
   * Loads the newest release if it is not the one in memory. Loads run one after another: a caller that has just
   * committed a release must not be handed a load that started before its commit.
   */
  refresh(): Promise<void> {
    const next = this.loading.catch(() => undefined).then(() => this.load());
    this.loading = next;
    return next;
  }

  async onApplicationBootstrap(): Promise<void> {
    // A replica started before its migrations (KEFU_MIGRATE_ON_START=false) starts empty and catches up on the timer.
    await this.check();
    this.timer = setInterval(() => void this.check(), RELEASE_CHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async check(): Promise<void> {
    await this.refresh().catch((error: unknown) => this.logger.warn(`release check failed: ${String(error)}`));
  }

  private async load(): Promise<void> {
    if ((await this.releases.currentNumber()) === this.release) {
      this.loaded = true;
      return;
    }
    const current = await this.releases.current();
    this.loaded = true;
    if (!current || current.number === this.release) return;
    this.items = new Map(current.snapshot.map((item) => [item.id, cache(item)]));
    this.release = current.number;
    this.logger.log(`serving knowledge release ${current.number} (${current.snapshot.length} items)`);
  }
}

function cache(item: KnowledgeItem): CachedItem {
  const { content } = item;
  const entry = (channel: EntryChannel): PublishedEntry => {
    const answer = content.answers[channel] ?? content.answers.default;
    return {
      id: item.id,
      kind: item.kind,
      language: item.language,
      question: content.question,
      answer: item.kind === 'intent' ? null : (answer?.text ?? null),
      links: item.kind === 'intent' ? [] : (answer?.links ?? []),
      category: content.category,
    };
  };
  return {
    entries: { web: entry('web'), api: entry('api') },
    effectiveFrom: content.effectiveFrom ? Date.parse(content.effectiveFrom) : undefined,
    expiresAt: content.expiresAt ? Date.parse(content.expiresAt) : undefined,
  };
}

function isEffective(item: CachedItem, now: number): boolean {
  return (
    (item.effectiveFrom === undefined || item.effectiveFrom <= now) &&
    (item.expiresAt === undefined || now < item.expiresAt)
  );
}
