import { existsSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { faqItem, labeledText, readJsonLines, readSplit } from '../cli/dataset-files.ts';
import { evaluate, evaluateIntentSplits, type IntentEvaluation } from '../cli/nlu-evaluate.ts';
import { classificationReport } from '../evaluation/classification-report.ts';
import { faqExamples } from '../training/faq-item.ts';
import { writeBenchmarkSection } from './benchmarks-doc.ts';
import { runNlpJs } from './nlpjs-baseline.ts';

/**
 * `npm run bench:nlu`: Kefu and NLP.js side by side on BANKING77 and BANKING77-OOS, in one run, trained on the same
 * splits; thresholds come from valid (or a split of train), never from test. Writes its section of
 * docs/benchmarks.md.
 */
const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const DATASETS = process.env.KEFU_DATASETS_DIR ?? resolve(REPO_ROOT, '../shared/datasets');
const BENCHMARKS = ['banking77', 'banking77_oos'];
/** The demo knowledge base (Chinese and English FAQ + small talk, with a held-out set incl. off-topic questions). */
const DEMO_KB = resolve(REPO_ROOT, 'models/data/demo-kb');

interface Row {
  dataset: string;
  engine: string;
  accuracy: number;
  inScope: number;
  oosRecall?: number;
  trainSeconds: number;
  trainCpuSeconds: number;
  p50: number;
  p99: number;
  throughput: number;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const name of BENCHMARKS) {
    const dir = join(DATASETS, name);
    process.stderr.write(`kefu on ${name}…\n`);
    rows.push(kefuRow(name, (await evaluate({ data: dir })) as IntentEvaluation));
    const train = await readJsonLines(join(dir, 'train.jsonl'), labeledText);
    const test = await readJsonLines(join(dir, 'test.jsonl'), labeledText);
    const valid = await readSplit(dir, 'valid', labeledText);
    if (valid) {
      // What learning valid's examples too would buy (outside the benchmark's protocol, which learns from train only).
      process.stderr.write(`kefu on ${name}, also learning valid…\n`);
      const alsoValid = await evaluateIntentSplits(train, valid, test, undefined, true);
      rows.push(kefuRow(name, alsoValid, 'Kefu, also learning valid (outside the protocol)'));
    }
    process.stderr.write(`NLP.js on ${name}…\n`);
    const nlp = await runNlpJs(train, test);
    const labels = test.map((e) => e.label);
    const final = classificationReport(labels, nlp.predictions);
    const top1 = classificationReport(labels, nlp.top1);
    const sorted = [...nlp.latenciesUs].sort((a, b) => a - b);
    rows.push({
      dataset: name,
      engine: 'NLP.js (node-nlp defaults)',
      accuracy: top1.in_scope_accuracy,
      inScope: final.in_scope_accuracy,
      oosRecall: final.oos_recall,
      trainSeconds: nlp.trainSeconds,
      trainCpuSeconds: nlp.trainCpuSeconds,
      p50: Math.round(sorted[Math.floor(sorted.length / 2)]),
      p99: Math.round(sorted[Math.floor(sorted.length * 0.99)]),
      throughput: Math.round(nlp.throughputPerCpuSecond),
    });
  }
  for (const language of ['zh', 'en']) {
    const dir = join(DEMO_KB, language);
    if (!existsSync(join(dir, 'held-out.jsonl'))) continue;
    process.stderr.write(`kefu on demo-kb/${language}…\n`);
    const items = [...(await readJsonLines(join(dir, 'faq.jsonl'), faqItem))];
    items.push(...(await readJsonLines(join(dir, 'chitchat.jsonl'), faqItem)));
    const heldOut = await readJsonLines(join(dir, 'held-out.jsonl'), labeledText);
    rows.push(kefuRow(`demo-kb/${language} (FAQ)`, await evaluateIntentSplits(faqExamples(items), undefined, heldOut)));
  }
  const table = renderTable(rows);
  process.stdout.write(`${table}\n`);
  await writeBenchmarkSection(join(REPO_ROOT, 'docs', 'benchmarks.md'), 'nlu', renderSection(table));
}

function kefuRow(dataset: string, kefu: IntentEvaluation, engine = 'Kefu'): Row {
  return {
    dataset,
    engine,
    accuracy: kefu.top1_accuracy,
    inScope: kefu.in_scope_accuracy,
    oosRecall: kefu.oos_recall,
    trainSeconds: kefu.train_seconds,
    trainCpuSeconds: kefu.train_cpu_seconds,
    p50: kefu.p50_us,
    p99: kefu.p99_us,
    throughput: kefu.throughput_per_cpu_s,
  };
}

function renderTable(rows: Row[]): string {
  const pct = (v: number | undefined) => (v === undefined ? '–' : `${(v * 100).toFixed(1)}%`);
  return [
    '| Data set | Engine | Accuracy (top-1) | In-scope accuracy | OOS recall | Training wall (CPU) | p50 | p99 | Throughput per core |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.dataset} | ${r.engine} | ${pct(r.accuracy)} | ${pct(r.inScope)} | ${pct(r.oosRecall)} | ` +
        `${r.trainSeconds.toFixed(1)} s (${r.trainCpuSeconds.toFixed(1)} s) | ${r.p50} µs | ${r.p99} µs | ${r.throughput.toLocaleString('en')} msg/s |`,
    ),
  ].join('\n');
}

function renderSection(table: string): string {
  return [
    '## NLU: intent classification and out-of-scope detection',
    '',
    `Measured ${new Date().toISOString()} with \`npm run bench:nlu\` (builds, then runs`,
    '`node models/dist/bench/nlu-bench.js`); machine: `nproc` = ' +
      `${availableParallelism()}, CPU ${cpus()[0]?.model ?? 'unknown'}, Node ${process.version}; load average at the end`,
    `of the run ${loadavg()[0].toFixed(1)} (other jobs on the machine inflate training time and the latency tail).`,
    '',
    table,
    '',
    '- Data: `../shared/datasets/banking77` (77 intents, 10,003 train / 3,080 test) and `banking77_oos` (50 intents',
    '  in train; valid and test add out-of-scope banking questions from the 27 held-out intents). `demo-kb/zh|en`:',
    '  `models/data/demo-kb`, every FAQ and small-talk item a class trained on its paraphrases, tested on',
    '  `held-out.jsonl` (new paraphrases plus off-topic questions labelled `oos`); Kefu only (NLP.js is not set up',
    '  for Chinese here). Caveat: its held-out set was looked at while choosing the coverage rule (5th percentile).',
    '- Accuracy (top-1): best intent on in-scope test messages, out-of-scope rule ignored (the published BANKING77',
    '  figure). In-scope accuracy: in-scope messages answered, not rejected, with the right intent. OOS recall:',
    '  out-of-scope messages rejected. Kefu trains on `train.jsonl` only and chooses thresholds on `valid.jsonl`',
    '  when present: the most in-scope answers while refusing at least 70% (+1 standard error) of its `oos`',
    "  examples, judged by the ensemble's or the linear model's probability, whichever does that better on valid;",
    '  without valid, from cross-fitting on train (each member scores the tenth of train it skipped).',
    '  Nothing is tuned on test. "Also learning valid" (cross-fitted: each of the 4 members skips a quarter of valid',
    "  and scores it) is outside the benchmark protocol: valid's `oos` questions come from the same 27 held-out",
    '  intents as the test ones, so it shows what a bank gains by collecting the questions its bot must refuse, not',
    '  a result comparable with published figures.',
    '- Training: wall time (and CPU time of all threads) of featurisation, training (4 networks and the linear',
    '  model on worker threads, one per core), calibration and ONNX export; target ≤ 30 s wall on 2 cores. Latency:',
    '  one message at a time, featurisation included, through onnxruntime-node with one intra-op thread (wall',
    '  clock, so other jobs on the machine show in the tail). Throughput per core: messages per CPU-second of the',
    '  process while answering the test set in batches of 16 on that single thread (median of 5 passes).',
    '  NLP.js has no batch API: its throughput is messages per CPU-second answering one by one, and it rejects',
    '  (`None`) by its own default threshold.',
  ].join('\n');
}

await main();
