import { join } from 'node:path';
import type { ModelManifest } from '../artifacts/model-manifest.ts';
import { ModelPackage } from '../artifacts/model-package.ts';
import { IntentModelBuilder } from '../training/intent-model-builder.ts';
import type { TrainingOptions } from '../training/training-options.ts';
import { labeledText, readJsonLines, readSplit } from './dataset-files.ts';

export interface TrainCommandOptions {
  /** Directory with train.jsonl and optionally valid.jsonl (`{"text","label"}` per line). */
  data: string;
  /** Directory the model package is written to. */
  out: string;
  id?: string;
  version?: string;
  task?: string;
  training?: Partial<TrainingOptions>;
  /** Creation time for the manifest; defaults to now. */
  createdAt?: Date;
}

/** `kefu train`: trains on DIR/train.jsonl and DIR/valid.jsonl (cross-fitted, thresholds from it), writes a package. */
export async function train(options: TrainCommandOptions): Promise<ModelManifest> {
  const trainSet = await readJsonLines(join(options.data, 'train.jsonl'), labeledText);
  const valid = await readSplit(options.data, 'valid', labeledText);
  const built = await new IntentModelBuilder().build({
    id: options.id ?? 'intent',
    version: options.version ?? '1',
    task: options.task ?? 'intent',
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    train: trainSet,
    valid,
    training: options.training,
  });
  return ModelPackage.write(options.out, built.onnx, built.manifest);
}
