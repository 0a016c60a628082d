import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, type ModelManifest } from '../artifacts/model-manifest.ts';
import { ModelPackage } from '../artifacts/model-package.ts';
import { type FaqItem, faqExamples } from '../training/faq-item.ts';
import { IntentModelBuilder } from '../training/intent-model-builder.ts';
import type { TrainingOptions } from '../training/training-options.ts';
import { faqItem, labeledText, readJsonLines, readSplit } from './dataset-files.ts';

export interface DefaultModelsOptions {
  /** `models/data`: holds `demo-kb/<lang>/{faq,chitchat}.jsonl` and `sentiment/{train,valid}.jsonl`. */
  data: string;
  /** Each model is written to `<out>/<id>` (`kb-zh`, `kb-en`, `sentiment`: the slot names the backend serves). */
  out: string;
  version?: string;
  createdAt?: Date;
  training?: Partial<TrainingOptions>;
  /** Train nothing when every default package already exists (`npm install` after the first one). */
  missingOnly?: boolean;
}

/**
 * Trains the models a fresh installation starts with: one FAQ matcher per demo knowledge-base language (every FAQ
 * and small-talk item is a class trained on its question and paraphrases) and the sentiment classifier.
 * `held-out.jsonl` and `test.jsonl` are never trained on.
 */
export async function trainDefaultModels(options: DefaultModelsOptions): Promise<ModelManifest[]> {
  if (options.missingOnly && (await defaultModelsPresent(options))) return [];
  const createdAt = (options.createdAt ?? new Date()).toISOString();
  const version = options.version ?? '1';
  const builder = new IntentModelBuilder();
  const manifests: ModelManifest[] = [];
  const kb = join(options.data, 'demo-kb');
  const languages = existsSync(kb) ? (await readdir(kb, { withFileTypes: true })).filter((d) => d.isDirectory()) : [];
  for (const language of languages.map((d) => d.name).sort()) {
    const items: FaqItem[] = [];
    for (const file of ['faq', 'chitchat']) items.push(...((await readSplit(join(kb, language), file, faqItem)) ?? []));
    if (items.length === 0) continue;
    const id = `kb-${language}`;
    const built = await builder.build({
      id,
      version,
      task: 'faq',
      createdAt,
      train: faqExamples(items),
      training: options.training,
    });
    manifests.push(await ModelPackage.write(join(options.out, id), built.onnx, built.manifest));
  }
  const sentiment = join(options.data, 'sentiment');
  if (existsSync(join(sentiment, 'train.jsonl'))) {
    const built = await builder.build({
      id: 'sentiment',
      version,
      task: 'sentiment',
      createdAt,
      train: await readJsonLines(join(sentiment, 'train.jsonl'), labeledText),
      valid: await readSplit(sentiment, 'valid', labeledText),
      training: options.training,
    });
    manifests.push(await ModelPackage.write(join(options.out, 'sentiment'), built.onnx, built.manifest));
  }
  return manifests;
}

async function defaultModelsPresent(options: DefaultModelsOptions): Promise<boolean> {
  const kb = join(options.data, 'demo-kb');
  const languages = existsSync(kb) ? (await readdir(kb, { withFileTypes: true })).filter((d) => d.isDirectory()) : [];
  const ids = [...languages.map((d) => `kb-${d.name}`), 'sentiment'];
  return ids.every((id) => existsSync(join(options.out, id, MANIFEST_FILE)));
}
