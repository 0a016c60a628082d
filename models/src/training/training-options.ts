/** Hyper-parameters of the intent trainer; recorded in the manifest. */
export interface TrainingOptions {
  /** Independently initialised networks whose probabilities are averaged. */
  members: number;
  dim: number;
  hidden: number;
  epochs: number;
  /** Small data sets get more epochs so that training still takes at least this many optimiser steps. */
  minSteps: number;
  batchSize: number;
  learningRate: number;
  /** Probability of hiding each input feature in one training step (a cheap augmentation). */
  featureDropout: number;
  labelSmoothing: number;
  /**
   * Weight of the linear softmax model (a second model family, trained on all data beside the networks) in the
   * ensemble's probabilities; the networks share the rest equally. 0 leaves it out.
   */
  linearShare: number;
  /**
   * Adam learning rate of the linear model (the networks use `learningRate`). Lower than the networks': trained as
   * fast, the linear model memorises rare features and its probability, the out-of-scope score, gets confident on
   * banking questions it was not built for (issue #10, third round in docs/nlu.md). Absent in manifests from before
   * it existed, which were trained with `learningRate`.
   */
  linearLearningRate: number;
  seed: number;
}

export const DEFAULT_TRAINING_OPTIONS: TrainingOptions = {
  members: 4,
  dim: 32,
  hidden: 96,
  epochs: 5,
  minSteps: 400,
  batchSize: 32,
  learningRate: 0.01,
  featureDropout: 0.1,
  labelSmoothing: 0.1,
  linearShare: 0.25,
  linearLearningRate: 0.005,
  seed: 42,
};
