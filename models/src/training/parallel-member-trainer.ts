import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { EmbeddingBagNetwork, type NetworkShape } from './embedding-bag-network.ts';
import type { EncodedExample } from './feature-vocabulary.ts';
import type { MemberJob } from './member-training.worker.ts';
import { NetworkTrainer } from './network-trainer.ts';
import type { TrainingOptions } from './training-options.ts';

/**
 * Trains ensemble members on worker threads, one per core, so BANKING77-sized data trains within its time budget.
 * Each member depends only on its seed, so the result is identical to training them one after another. Workers
 * need compiled JavaScript; when running from TypeScript sources (tests) members are trained in-process.
 */
export class ParallelMemberTrainer {
  private readonly workerUrl = new URL('./member-training.worker.js', import.meta.url);
  private readonly compiled = import.meta.url.endsWith('.js');

  /** Member i trains on `subsets[i]` with `seeds[i]`. */
  async train(
    subsets: EncodedExample[][],
    shape: NetworkShape,
    idf: Float32Array,
    options: TrainingOptions,
    seeds: number[],
  ): Promise<EmbeddingBagNetwork[]> {
    if (!this.compiled || seeds.length === 1) {
      return seeds.map((seed, i) => new NetworkTrainer().train(subsets[i], shape, idf, options, seed));
    }
    const results: EmbeddingBagNetwork[] = new Array(seeds.length);
    const lanes = Math.max(1, Math.min(availableParallelism(), seeds.length));
    let next = 0;
    const lane = async () => {
      while (next < seeds.length) {
        const index = next++;
        const job = { examples: subsets[index], shape, idf, options, seed: seeds[index] };
        results[index] = await this.trainInWorker(job);
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
    return results;
  }

  private trainInWorker(job: MemberJob): Promise<EmbeddingBagNetwork> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.workerUrl, { workerData: job });
      worker.once('message', (params: Record<'embedding' | 'w1' | 'b1' | 'w2' | 'b2', Float32Array>) => {
        const net = new EmbeddingBagNetwork(job.shape);
        net.idf.set(job.idf);
        net.embedding.set(params.embedding);
        net.w1.set(params.w1);
        net.b1.set(params.b1);
        net.w2.set(params.w2);
        net.b2.set(params.b2);
        resolve(net);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`member training worker exited with code ${code}`));
      });
    });
  }
}
