import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type EnsembleModel, type MemberJob, type ModelParameters, restoreMember, trainMember } from './member-job.ts';

/**
 * Trains ensemble models on worker threads, one per core, so BANKING77-sized data trains within its time budget.
 * Each model depends only on its job (data and seed), so the result is identical to training them one after
 * another. Workers need compiled JavaScript; when running from TypeScript sources (tests) models are trained
 * in-process.
 */
export class ParallelMemberTrainer {
  private readonly workerUrl = new URL('./member-training.worker.js', import.meta.url);
  private readonly compiled = import.meta.url.endsWith('.js');

  /** The model of `jobs[i]` at index i. */
  async train(jobs: MemberJob[]): Promise<EnsembleModel[]> {
    if (!this.compiled || jobs.length === 1) return jobs.map(trainMember);
    const results: EnsembleModel[] = new Array(jobs.length);
    const lanes = Math.max(1, Math.min(availableParallelism(), jobs.length));
    let next = 0;
    const lane = async () => {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await this.trainInWorker(jobs[index]);
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
    return results;
  }

  private trainInWorker(job: MemberJob): Promise<EnsembleModel> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.workerUrl, { workerData: job });
      worker.once('message', (parameters: ModelParameters) => resolve(restoreMember(job, parameters)));
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`member training worker exited with code ${code}`));
      });
    });
  }
}
