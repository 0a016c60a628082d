import { Injectable } from '@nestjs/common';
import { KnowledgeBase } from '../../knowledge/index.ts';
import { type Language, NluService } from '../../nlu/index.ts';
import { type QuestionCluster, QuestionClustering } from './question-clustering.ts';
import { UnansweredQuestionRepository } from './unanswered-question.repository.ts';

export interface SuggestionQuery {
  language: Language;
  days: number;
  /** Cosine similarity at which two questions are taken to ask the same thing. */
  similarity: number;
  /** Smallest group worth an editor's time. */
  minCount: number;
}

export interface KnowledgeSuggestion extends QuestionCluster {
  /** The existing item the NLU finds closest: a paraphrase to add to it, or a sign a new item is needed. */
  nearestItem?: { id: string; question?: string; confidence: number };
}

/** Newest questions considered: clustering is one pass, and a few thousand covers weeks at most sites. */
const MAX_QUESTIONS = 5_000;

/**
 * 知识库自学习: the questions the bot fell back on or was unsure about, grouped into suggestions for the knowledge
 * base — biggest group first, each with a representative question, examples and the nearest existing item.
 */
@Injectable()
export class KnowledgeSuggestions {
  private readonly clustering = new QuestionClustering();

  constructor(
    private readonly questions: UnansweredQuestionRepository,
    private readonly nlu: NluService,
    private readonly knowledge: KnowledgeBase,
  ) {}

  async suggest(query: SuggestionQuery): Promise<KnowledgeSuggestion[]> {
    const since = new Date(Date.now() - query.days * 24 * 3600 * 1000);
    const rows = await this.questions.recent(query.language, since, MAX_QUESTIONS);
    const clusters = this.clustering
      .cluster(
        rows.map((row) => row.maskedText),
        query.similarity,
      )
      .filter((cluster) => cluster.count >= query.minCount);
    return Promise.all(clusters.map((cluster) => this.withNearestItem(cluster, query.language)));
  }

  private async withNearestItem(cluster: QuestionCluster, language: Language): Promise<KnowledgeSuggestion> {
    const reading = await this.nlu.understand(cluster.representative, language);
    const entry = await this.knowledge.find(reading.intent, 'web');
    return {
      ...cluster,
      examples: cluster.examples.slice(0, 5),
      nearestItem: { id: reading.intent, question: entry?.question, confidence: reading.confidence },
    };
  }
}
