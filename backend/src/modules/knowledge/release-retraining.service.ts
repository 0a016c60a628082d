import { join, resolve } from 'node:path';
import { faqExamples, IntentClassifier } from '@kefu/models';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { systemActor } from '../audit/index.ts';
import { Jobs, type RunningJob } from '../jobs/index.ts';
import { ModelActivation, ModelRegistry } from '../nlu/index.ts';
import { heldOutAccuracy, heldOutFor } from './held-out-accuracy.ts';
import type { KnowledgeItem, KnowledgeLanguage } from './knowledge-item.ts';
import { ReleaseRepository, type StoredRelease } from './release.repository.ts';
import { buildReleaseModelOffThread } from './release-model-builder.ts';
import { type HeldOutQuestion, readHeldOut } from './seed-knowledge-files.ts';
import { TrainingRepository, type TrainingState } from './training.repository.ts';

export const RETRAIN_QUEUE = 'knowledge.retrain';

interface RetrainJob {
  release: number;
  language: KnowledgeLanguage;
}

interface Outcome {
  state: TrainingState;
  package: string | null;
  metrics: Record<string, number>;
  reason: string | null;
}

/** Packages trained for releases live here, inside the models directory but apart from the default slots it loads. */
const RELEASE_PACKAGES = 'releases';

/**
 * Retrains a language's FAQ model from a release's snapshot as a background job, and lets the candidate serve only
 * if it scores at least as well as the live model on held-out questions (DESIGN: a new model is activated only if it
 * does not regress). A refused candidate stays on disk and in the release's training record, visible via the API.
 */
@Injectable()
export class ReleaseRetraining implements OnModuleInit {
  private readonly logger = new Logger('ReleaseRetraining');

  constructor(
    private readonly jobs: Jobs,
    private readonly releases: ReleaseRepository,
    private readonly trainings: TrainingRepository,
    private readonly models: ModelRegistry,
    private readonly activation: ModelActivation,
    private readonly config: KefuConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.work<RetrainJob>(RETRAIN_QUEUE, (data, job) => this.run(data, job));
  }

  /** Queues one retraining per language; called after the release committed. */
  async start(release: StoredRelease, languages: readonly KnowledgeLanguage[]): Promise<void> {
    for (const language of languages) {
      // Training is deterministic: retrying a failed attempt would fail the same way.
      const jobId = await this.jobs.send<RetrainJob>(
        RETRAIN_QUEUE,
        { release: release.number, language },
        { retryLimit: 0 },
      );
      await this.trainings.queued(release.number, language, jobId);
    }
  }

  private async run({ release: number, language }: RetrainJob, job: RunningJob): Promise<Outcome> {
    try {
      const outcome = await this.retrain(number, language, job);
      await this.trainings.finished(number, language, outcome);
      await job.reportProgress(100, outcome.reason ?? 'activated');
      return outcome;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.trainings.finished(number, language, { state: 'failed', package: null, metrics: {}, reason });
      throw error;
    }
  }

  private async retrain(number: number, language: KnowledgeLanguage, job: RunningJob): Promise<Outcome> {
    const release = await this.releases.byNumber(number);
    if (!release) throw new Error(`release ${number} does not exist`);
    const items = release.snapshot.filter((item) => item.language === language);
    if (items.length < 2) return refused(null, {}, `release ${number} has fewer than two ${language} items to learn`);
    await job.reportProgress(5, `training on ${items.length} items`);
    const packageName = `${RELEASE_PACKAGES}/kb-${language}-r${number}`;
    const directory = join(resolve(this.config.nlu.modelsDir), packageName);
    await this.train(items, language, number, directory);
    await job.reportProgress(70, 'scoring candidate and live model on held-out questions');
    const heldOut = heldOutFor(await readHeldOut(this.config.knowledge.seedDir, language), items);
    const metrics = { heldOutQuestions: heldOut.length, ...(await this.score(language, directory, heldOut)) };
    await job.reportProgress(90, 'deciding');
    if (heldOut.length === 0) return refused(packageName, metrics, 'no held-out questions to score the candidate on');
    if (metrics.candidateAccuracy < metrics.liveAccuracy) {
      return refused(packageName, metrics, 'the candidate scores lower than the live model on held-out questions');
    }
    const current = await this.releases.currentNumber();
    if (current !== number) return refused(packageName, metrics, `release ${current} superseded release ${number}`);
    await this.activation.activate(systemActor('knowledge-retraining'), `kb-${language}`, packageName);
    await this.releases.setModel(number, language, packageName);
    return { state: 'activated', package: packageName, metrics, reason: null };
  }

  private train(items: KnowledgeItem[], language: KnowledgeLanguage, number: number, directory: string) {
    return buildReleaseModelOffThread({
      id: `kb-${language}`,
      version: `release-${number}`,
      createdAt: new Date().toISOString(),
      examples: faqExamples(items.map((item) => ({ id: item.id, ...item.content }))),
      training: { members: this.config.knowledge.trainingMembers },
      directory,
    });
  }

  private async score(language: KnowledgeLanguage, directory: string, heldOut: HeldOutQuestion[]) {
    const texts = heldOut.map((question) => question.text);
    const candidate = await IntentClassifier.load(directory);
    try {
      const candidateAccuracy = heldOutAccuracy(heldOut, await candidate.classifyBatch(texts));
      const name = `kb-${language}`;
      // No live model yet: anything is better than nothing.
      const liveAccuracy = this.models.has(name)
        ? heldOutAccuracy(heldOut, await this.models.use(name, (live) => live.classifyBatch(texts)))
        : 0;
      this.logger.log(`${name}: candidate ${candidateAccuracy.toFixed(3)} vs live ${liveAccuracy.toFixed(3)}`);
      return { candidateAccuracy, liveAccuracy };
    } finally {
      await candidate.release();
    }
  }
}

function refused(packageName: string | null, metrics: Record<string, number>, reason: string): Outcome {
  return { state: 'refused', package: packageName, metrics, reason };
}
