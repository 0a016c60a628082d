import { DEFAULT_FEATURIZER_CONFIG, Featurizer } from '@kefu/models';

/** A group of questions that say much the same thing, as a suggestion for one new knowledge-base item. */
export interface QuestionCluster {
  /** The member closest to the group's centre: the question to write the item for. */
  representative: string;
  count: number;
  /** Distinct members, most typical first. */
  examples: string[];
}

type Vector = Map<number, number>;

/**
 * Chosen on mixed batches of paraphrases and unrelated questions (question-clustering.spec.ts): at 0.25 unrelated
 * "how do I …" questions start to pair up, at 0.35 longer paraphrases with extra detail fall out of their group.
 */
export const DEFAULT_SIMILARITY = 0.3;

/**
 * Groups similar questions, greedily: each question joins the group whose centre is most similar (cosine of hashed
 * word and character n-grams from the shared featurizer, weighted by inverse document frequency over the batch so
 * that 怎么 / "how do I" count for little), or starts a new group below `threshold`. One pass, no model: cheap
 * enough to run on demand over a few thousand questions, and it sees the same normalisation (full width,
 * traditional characters, placeholders for numbers) as the NLU.
 */
export class QuestionClustering {
  private readonly featurizer = new Featurizer(DEFAULT_FEATURIZER_CONFIG);

  cluster(questions: readonly string[], threshold: number): QuestionCluster[] {
    const counts = questions.map((question) => this.counts(question));
    const idf = inverseDocumentFrequency(counts);
    const vectors = counts.map((each) =>
      normalized(new Map([...each].map(([bucket, n]) => [bucket, n * (idf.get(bucket) ?? 0)]))),
    );
    const groups: { centre: Vector; members: number[] }[] = [];
    vectors.forEach((vector, index) => {
      let best: (typeof groups)[number] | undefined;
      let bestSimilarity = threshold;
      for (const group of groups) {
        const similarity = dot(vector, normalized(group.centre));
        if (similarity >= bestSimilarity) {
          best = group;
          bestSimilarity = similarity;
        }
      }
      if (best) {
        best.members.push(index);
        for (const [bucket, weight] of vector) best.centre.set(bucket, (best.centre.get(bucket) ?? 0) + weight);
      } else {
        groups.push({ centre: new Map(vector), members: [index] });
      }
    });
    return groups
      .map((group) => {
        const centre = normalized(group.centre);
        const byTypicality = [...group.members].sort(
          (a, b) => dot(vectors[b] as Vector, centre) - dot(vectors[a] as Vector, centre),
        );
        const examples = [...new Set(byTypicality.map((index) => questions[index] as string))];
        return { representative: examples[0] as string, count: group.members.length, examples };
      })
      .sort((a, b) => b.count - a.count);
  }

  private counts(question: string): Vector {
    const { indices, values } = this.featurizer.featurize(question);
    const counts: Vector = new Map();
    indices.forEach((bucket, i) => {
      counts.set(bucket, (counts.get(bucket) ?? 0) + (values[i] ?? 0));
    });
    return counts;
  }
}

function inverseDocumentFrequency(documents: readonly Vector[]): Map<number, number> {
  const frequency = new Map<number, number>();
  for (const document of documents)
    for (const bucket of document.keys()) frequency.set(bucket, (frequency.get(bucket) ?? 0) + 1);
  const total = documents.length;
  return new Map([...frequency].map(([bucket, n]) => [bucket, Math.log((1 + total) / (1 + n)) + 1]));
}

function normalized(vector: Vector): Vector {
  const norm = Math.sqrt([...vector.values()].reduce((sum, weight) => sum + weight * weight, 0)) || 1;
  return new Map([...vector].map(([bucket, weight]) => [bucket, weight / norm]));
}

function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [bucket, weight] of small) sum += weight * (large.get(bucket) ?? 0);
  return sum;
}
