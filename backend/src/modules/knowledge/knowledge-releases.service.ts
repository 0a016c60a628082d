import { Injectable } from '@nestjs/common';
import { type JobStatus, Jobs } from '../jobs/index.ts';
import { ItemNotFoundError, ReleaseNotFoundError } from './knowledge.errors.ts';
import type { KnowledgeItem, KnowledgeKind, KnowledgeLanguage } from './knowledge-item.ts';
import { ReleaseRepository, type ReleaseSummary, type StoredRelease } from './release.repository.ts';
import { type StoredTraining, TrainingRepository } from './training.repository.ts';

/** The read side for editors and approvers: releases with their diff and retraining, the published items. */
@Injectable()
export class KnowledgeReleases {
  constructor(
    private readonly releases: ReleaseRepository,
    private readonly trainings: TrainingRepository,
    private readonly jobs: Jobs,
  ) {}

  list(limit: number): Promise<ReleaseSummary[]> {
    return this.releases.list(limit);
  }

  async get(number: number): Promise<{ release: StoredRelease; trainings: StoredTraining[] }> {
    const release = await this.releases.byNumber(number);
    if (!release) throw new ReleaseNotFoundError(number);
    return { release, trainings: await this.trainings.ofRelease(number) };
  }

  trainingsOf(number: number): Promise<StoredTraining[]> {
    return this.trainings.ofRelease(number);
  }

  async publishedItems(filter: { language?: KnowledgeLanguage; kind?: KnowledgeKind }): Promise<KnowledgeItem[]> {
    const current = await this.releases.current();
    return (current?.snapshot ?? []).filter(
      (item) => (!filter.language || item.language === filter.language) && (!filter.kind || item.kind === filter.kind),
    );
  }

  async publishedItem(id: string): Promise<KnowledgeItem> {
    const item = (await this.publishedItems({})).find((candidate) => candidate.id === id);
    if (!item) throw new ItemNotFoundError(id);
    return item;
  }

  /** The newest retrainings, each with its job's progress while it is still queued or running. */
  async recentTrainings(limit: number): Promise<{ training: StoredTraining; job: JobStatus | undefined }[]> {
    const trainings = await this.trainings.recent(limit);
    return Promise.all(
      trainings.map(async (training) => ({
        training,
        job: training.state === 'queued' ? await this.jobs.status(training.jobId).catch(() => undefined) : undefined,
      })),
    );
  }

  /** Progress of a retraining job (queued by a publish). */
  job(jobId: string): Promise<JobStatus> {
    return this.jobs.status(jobId);
  }
}
