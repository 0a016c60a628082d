import { parentPort, workerData } from 'node:worker_threads';
import { buildReleaseModel, type ReleaseModelJob } from './release-model-builder.ts';

await buildReleaseModel(workerData as ReleaseModelJob);
parentPort?.postMessage('built');
