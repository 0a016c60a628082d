import { parentPort, workerData } from 'node:worker_threads';
import type { NetworkShape } from './embedding-bag-network.ts';
import type { EncodedExample } from './feature-vocabulary.ts';
import { NetworkTrainer } from './network-trainer.ts';
import type { TrainingOptions } from './training-options.ts';

/** Trains one ensemble member on its own thread; see ParallelMemberTrainer. */
export interface MemberJob {
  examples: EncodedExample[];
  shape: NetworkShape;
  idf: Float32Array;
  options: TrainingOptions;
  seed: number;
}

const job = workerData as MemberJob;
const net = new NetworkTrainer().train(job.examples, job.shape, job.idf, job.options, job.seed);
const params = { embedding: net.embedding, w1: net.w1, b1: net.b1, w2: net.w2, b2: net.b2 };
parentPort?.postMessage(
  params,
  Object.values(params).map((p) => p.buffer as ArrayBuffer),
);
