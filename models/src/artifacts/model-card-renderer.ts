import type { ModelManifest } from './model-manifest.ts';

/** Renders the human-readable model card stored beside the model (for reviewers who will not read JSON). */
export class ModelCardRenderer {
  render(manifest: Omit<ModelManifest, 'files'>): string {
    const t = manifest.training;
    const f = manifest.featurizer;
    const metrics = Object.entries(manifest.metrics).map(([k, v]) => `| ${k} | ${v} |`);
    const perIntent = Object.keys(manifest.thresholds.perIntent).length;
    return [
      `# Model card: ${manifest.id} ${manifest.version}`,
      '',
      `- Task: ${manifest.task}; ${manifest.labels.length} labels; created ${manifest.createdAt}.`,
      `- Training data: ${manifest.data.examples} examples` +
        `${manifest.data.validExamples === undefined ? '' : ` + ${manifest.data.validExamples} valid (cross-fitted)`}, ` +
        `sha256 \`${manifest.data.sha256}\`.`,
      `- Architecture: ${t.members} embedding-bag network(s) (${t.dim}-dim hashed-feature embeddings, TF-IDF ` +
        `weighted and L2-normalised → ${t.hidden} ReLU units → softmax), probabilities averaged; in ONNX the members ` +
        'share one embedding table (side by side) and run as batched matrix products over a member axis.' +
        (t.linearShare > 0
          ? ` Mixed with a linear softmax model on the same features (weight ${t.linearShare}` +
            `, Adam lr ${t.linearLearningRate}), whose weights share ` +
            'the table.'
          : ''),
      `- Features (featurizer version ${f.version}): words and word n-grams up to ${f.wordNgramMax}, character n-grams ` +
        `${f.charNgramMin}-${f.charNgramMax}${f.version >= 2 ? ', message shape (! and ? runs, words in capitals)' : ''}, ` +
        `${f.version >= 3 ? 'Thai, Lao, Khmer, Burmese and Japanese split into words by ICU, ' : ''}` +
        `${f.buckets} hash buckets; personal data replaced by placeholders before featurisation.`,
      `- Training: ${t.epochs} epochs (at least ${t.minSteps} steps), Adam (lr ${t.learningRate}, batch ${t.batchSize}), label smoothing ` +
        `${t.labelSmoothing}, feature dropout ${t.featureDropout}, seed ${t.seed}.`,
      `- Out of scope: confidence below ${manifest.thresholds.confidence.toFixed(3)} (${perIntent} intents have their own ` +
        `threshold) or feature coverage below ${manifest.thresholds.coverage.toFixed(3)}; ${manifest.thresholds.method}.`,
      '',
      '## Held-out metrics',
      '',
      'The valid split, when there is one, is learnt from too, cross-fitted: member m does not learn from the m-th',
      'share of it. `valid_*`: each valid message scored by the member that did not learn from it. `out_of_fold_*` (no',
      'valid split): each member scored on the tenth of the training data it was not trained on. Both are pessimistic,',
      'since one member is weaker than the ensemble.',
      '',
      '| metric | value |',
      '| --- | --- |',
      ...metrics,
      '',
      '## Limits',
      '',
      '- Knows only the labels above; anything else should come back as out of scope, but a question close to a',
      '  known intent may still be answered with it. Review low-confidence traffic and retrain with new examples.',
      '- No pretrained language knowledge: synonyms never seen in training are not understood.',
      '',
    ].join('\n');
  }
}
