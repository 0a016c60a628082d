import { parentPort, workerData } from 'node:worker_threads';
import { type MemberJob, parametersOf, trainMember } from './member-job.ts';

/** Trains one ensemble model on its own thread; see ParallelMemberTrainer. */
const parameters = parametersOf(trainMember(workerData as MemberJob));
parentPort?.postMessage(
  parameters,
  Object.values(parameters).map((p) => p.buffer as ArrayBuffer),
);
