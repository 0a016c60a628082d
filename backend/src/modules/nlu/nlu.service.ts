import { EntityExtractor, type IntentPrediction } from '@kefu/models';
import { Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { MetricsRegistry } from '../observability/index.ts';
import { detectLanguage, type Language } from './language.ts';
import { ModelRegistry } from './model-registry.ts';

export interface Understanding {
  language: Language;
  intent: string;
  confidence: number;
  topK: { intent: string; confidence: number }[];
  oos: boolean;
  entities: ReturnType<EntityExtractor['extract']>;
  sentiment?: { label: string; confidence: number };
}

const SENTIMENT_MODEL = 'sentiment';

/** One turn's reading of a customer message: intent or FAQ (with out-of-scope), entities and sentiment. */
@Injectable()
export class NluService {
  private readonly entities = new EntityExtractor();
  private readonly latency: Histogram<'model'>;
  private readonly confidence: Histogram<'model'>;

  constructor(
    private readonly models: ModelRegistry,
    metrics: MetricsRegistry,
  ) {
    this.latency = new Histogram({
      name: 'kefu_nlu_inference_seconds',
      help: 'NLU inference latency per message, featurisation included',
      labelNames: ['model'],
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05],
      registers: [metrics.registry],
    });
    this.confidence = new Histogram({
      name: 'kefu_nlu_confidence',
      help: 'Confidence of the best intent per message',
      labelNames: ['model'],
      buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99],
      registers: [metrics.registry],
    });
  }

  async understand(text: string, language: Language = detectLanguage(text), now = new Date()): Promise<Understanding> {
    const model = `kb-${language}`;
    const [prediction, sentiment] = await Promise.all([this.classify(model, text), this.sentiment(text)]);
    return {
      language,
      intent: prediction.intent,
      confidence: prediction.confidence,
      topK: prediction.topK,
      oos: prediction.oos,
      entities: this.entities.extract(text, now),
      sentiment,
    };
  }

  /** Only the sentiment of a text (quality inspection reads it for every customer message of a transcript). */
  async sentiment(text: string): Promise<Understanding['sentiment']> {
    if (!this.models.has(SENTIMENT_MODEL)) return undefined;
    const prediction = await this.classify(SENTIMENT_MODEL, text);
    return { label: prediction.intent, confidence: prediction.confidence };
  }

  private async classify(model: string, text: string): Promise<IntentPrediction> {
    const stop = this.latency.startTimer({ model });
    const prediction = await this.models.use(model, (classifier) => classifier.classify(text));
    stop();
    this.confidence.observe({ model }, prediction.confidence);
    return prediction;
  }
}
