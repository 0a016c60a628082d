import type { FeaturizerConfig } from '../featurizer/featurizer-config.ts';
import type { OosThresholds } from '../training/oos-thresholds.ts';
import type { TrainingOptions } from '../training/training-options.ts';

/** The file names of a model package directory. */
export const MODEL_FILE = 'model.onnx';
export const MODEL_CARD_FILE = 'model-card.md';
export const MANIFEST_FILE = 'manifest.json';

/** manifest.json: everything needed to serve a model exactly as it was trained, and to prove its files unchanged. */
export interface ModelManifest {
  id: string;
  version: string;
  /** e.g. `intent`, `faq`, `sentiment`. */
  task: string;
  /** ISO time; kept here only, so model.onnx stays byte-identical across identical trainings. */
  createdAt: string;
  /** sha256 of the JSON lines of train then valid (both are learnt from), and their sizes. */
  data: { sha256: string; examples: number; validExamples?: number };
  featurizer: FeaturizerConfig;
  training: TrainingOptions;
  labels: string[];
  metrics: Record<string, number>;
  thresholds: OosThresholds;
  /** Cosine similarity of embeddings above which two questions are taken to mean the same. */
  pairThreshold: number;
  /** sha256 (hex) of every other file of the package. */
  files: Record<string, string>;
}
