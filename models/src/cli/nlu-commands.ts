import type { Command } from 'commander';
import { trainDefaultModels } from './default-models.ts';
import { evaluate } from './nlu-evaluate.ts';
import { train } from './nlu-train.ts';

interface TrainFlags {
  data: string;
  out: string;
  id: string;
  modelVersion: string;
  seed?: number;
  members?: number;
}

/** Mounts `train`, `eval` and `train-defaults` on the `kefu` program. */
export function registerNluCommands(program: Command): Command {
  program
    .command('train')
    .description('train an intent/FAQ model from DIR/train.jsonl (+ valid.jsonl) and write a model package')
    .requiredOption('--data <dir>', 'directory with train.jsonl and optionally valid.jsonl')
    .requiredOption('--out <dir>', 'output directory of the model package')
    .option('--id <id>', 'model id', 'intent')
    .option('--model-version <version>', 'model version', '1')
    .option('--seed <n>', 'random seed', (v) => Number.parseInt(v, 10))
    .option('--members <n>', 'networks in the ensemble (fewer: faster training and serving)', (v) =>
      Number.parseInt(v, 10),
    )
    .action(async (opts: TrainFlags) => {
      const training = {
        ...(opts.seed === undefined ? {} : { seed: opts.seed }),
        ...(opts.members === undefined ? {} : { members: opts.members }),
      };
      const manifest = await train({
        data: opts.data,
        out: opts.out,
        id: opts.id,
        version: opts.modelVersion,
        training,
      });
      process.stdout.write(
        `${JSON.stringify({ out: opts.out, labels: manifest.labels.length, metrics: manifest.metrics })}\n`,
      );
    });
  program
    .command('eval')
    .description(
      'train on DIR/train.jsonl (+ valid.jsonl, cross-fitted, which also sets thresholds), report on test.jsonl',
    )
    .requiredOption('--data <dir>', 'directory with train.jsonl, test.jsonl and optionally valid.jsonl')
    .option('--task <task>', 'intent or pairs', 'intent')
    .option('--json', 'print one JSON object')
    .action(async (opts: { data: string; task: string; json?: boolean }) => {
      if (opts.task !== 'intent' && opts.task !== 'pairs') throw new Error(`unknown task ${opts.task}`);
      const result = await evaluate({ data: opts.data, task: opts.task });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
      } else {
        for (const [key, value] of Object.entries(result)) process.stdout.write(`${key.padEnd(18)} ${value}\n`);
      }
    });
  program
    .command('train-defaults')
    .description('train the demo knowledge-base FAQ models and the sentiment model from DIR (models/data)')
    .requiredOption('--data <dir>', 'directory with demo-kb/ and sentiment/')
    .requiredOption('--out <dir>', 'directory receiving one model package per model')
    .option('--missing-only', 'do nothing when every default package already exists')
    .action(async (opts: { data: string; out: string; missingOnly?: boolean }) => {
      const manifests = await trainDefaultModels(opts);
      for (const m of manifests)
        process.stdout.write(`${JSON.stringify({ id: m.id, labels: m.labels.length, metrics: m.metrics })}\n`);
    });
  return program;
}
