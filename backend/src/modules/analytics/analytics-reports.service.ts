import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { KnowledgeBase } from '../knowledge/index.ts';
import { AnalyticsRepository, type Ranked } from './analytics.repository.ts';
import type { AnalyticsFilter } from './analytics-filter.ts';
import { type AnalyticsReport, agentFiguresOf, csatOf, type RankedItem, rate } from './analytics-report.ts';

const TOP = 10;

/** Builds the analytics report of a filter: the repository's counts, turned into rates and named top lists. */
@Injectable()
export class AnalyticsReports {
  constructor(
    private readonly repository: AnalyticsRepository,
    private readonly knowledge: KnowledgeBase,
  ) {}

  /** Pass a transaction's manager to read every figure from one snapshot (an export does). */
  async report(filter: AnalyticsFilter, manager?: EntityManager): Promise<AnalyticsReport> {
    // One after another, not in parallel: inside a transaction there is one connection anyway, and outside one a
    // report should not take a handful of pooled connections from the chat traffic.
    const counts = await this.repository.conversationCounts(filter, manager);
    const hits = await this.repository.faqHits(filter, TOP, manager);
    const misses = await this.repository.faqMisses(filter, TOP, manager);
    const ratings = await this.repository.ratings(filter, manager);
    const service = await this.repository.serviceTimes(filter, manager);
    const loads = await this.repository.agentLoads(filter, manager);
    const hourly = await this.repository.hourlyVolume(filter, manager);
    const daily = await this.repository.dailyVolume(filter, manager);
    return {
      filter,
      conversations: {
        ...counts,
        botResolutionRate: rate(counts.botResolved, counts.engaged),
        handoffRate: rate(counts.handedOff, counts.engaged),
        unansweredRate: rate(counts.unanswered, counts.botTurns),
      },
      faq: { hits: await this.named(hits), misses: await this.named(misses) },
      csat: csatOf(ratings),
      service,
      agents: agentFiguresOf(loads),
      volume: { hourly, daily },
    };
  }

  private async named(ranked: readonly Ranked[]): Promise<RankedItem[]> {
    const entries = await this.knowledge.findMany(
      ranked.map((row) => row.key),
      'web',
    );
    const questions = new Map(entries.map((entry) => [entry.id, entry.question]));
    return ranked.map((row) => ({ id: row.key, question: questions.get(row.key) ?? null, count: row.count }));
  }
}
