import { EmbeddingBagNetwork, type NetworkShape } from './embedding-bag-network.ts';
import type { EncodedExample } from './feature-vocabulary.ts';
import { LinearBagModel, type LinearShape } from './linear-bag-model.ts';
import { LinearBagTrainer } from './linear-bag-trainer.ts';
import { NetworkTrainer } from './network-trainer.ts';
import type { TrainingOptions } from './training-options.ts';

interface JobData {
  examples: EncodedExample[];
  idf: Float32Array;
  options: TrainingOptions;
  seed: number;
}

/** One model of the ensemble to train: a network or the linear model. Plain data, so it can go to a worker. */
export type MemberJob =
  | (JobData & { kind: 'network'; shape: NetworkShape })
  | (JobData & { kind: 'linear'; shape: LinearShape });

export type EnsembleModel = EmbeddingBagNetwork | LinearBagModel;

/** The trained arrays of a model, the part a worker sends back (idf is already known to the caller). */
export type ModelParameters = Record<string, Float32Array>;

export function trainMember(job: MemberJob): EnsembleModel {
  return job.kind === 'network'
    ? new NetworkTrainer().train(job.examples, job.shape, job.idf, job.options, job.seed)
    : new LinearBagTrainer().train(job.examples, job.shape, job.idf, job.options, job.seed);
}

export function parametersOf(model: EnsembleModel): ModelParameters {
  return model instanceof EmbeddingBagNetwork
    ? { embedding: model.embedding, w1: model.w1, b1: model.b1, w2: model.w2, b2: model.b2 }
    : { weights: model.weights, bias: model.bias };
}

/** Rebuilds the model a worker trained for `job` from the parameters it sent. */
export function restoreMember(job: MemberJob, parameters: ModelParameters): EnsembleModel {
  const model = job.kind === 'network' ? new EmbeddingBagNetwork(job.shape) : new LinearBagModel(job.shape);
  model.idf.set(job.idf);
  const target = parametersOf(model);
  for (const [name, values] of Object.entries(parameters)) target[name].set(values);
  return model;
}
