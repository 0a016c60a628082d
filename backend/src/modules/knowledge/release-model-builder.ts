import { Worker } from 'node:worker_threads';
import { IntentModelBuilder, type LabeledText, ModelPackage, type TrainingOptions } from '@kefu/models';

/** Everything a worker needs to train and write one release's model package (structured-cloneable). */
export interface ReleaseModelJob {
  id: string;
  version: string;
  createdAt: string;
  examples: LabeledText[];
  training: Partial<TrainingOptions>;
  /** Where the package is written. */
  directory: string;
}

/** The same builder and package format as the default models (`kefu train-defaults`). */
export async function buildReleaseModel(job: ReleaseModelJob): Promise<void> {
  const built = await new IntentModelBuilder().build({
    id: job.id,
    version: job.version,
    task: 'faq',
    createdAt: job.createdAt,
    train: job.examples,
    training: job.training,
  });
  await ModelPackage.write(job.directory, built.onnx, built.manifest);
}

const workerUrl = new URL('./release-model.worker.js', import.meta.url);
const compiled = import.meta.url.endsWith('.js');

/**
 * Trains on a worker thread, so the replica keeps answering customers while a release retrains: featurising,
 * calibrating and exporting would otherwise hold the event loop for seconds. Workers need compiled JavaScript; run
 * from TypeScript sources (tests) the build happens in-process, as in `@kefu/models`' own member training.
 */
export function buildReleaseModelOffThread(job: ReleaseModelJob): Promise<void> {
  if (!compiled) return buildReleaseModel(job);
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: job });
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`release model worker exited with code ${code}`));
    });
  });
}
