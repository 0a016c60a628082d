import type { IntentClassifier } from '@kefu/models';

/**
 * One loaded model and how many requests are using it. A replaced model is released only when its last request
 * has finished, so a hot swap never pulls a session out from under a running inference.
 */
export class LoadedModel {
  private inFlight = 0;
  private retired = false;

  constructor(
    readonly classifier: IntentClassifier,
    readonly directory: string,
  ) {}

  get version(): string {
    return this.classifier.manifest.version;
  }

  async use<T>(work: (classifier: IntentClassifier) => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await work(this.classifier);
    } finally {
      this.inFlight -= 1;
      if (this.retired && this.inFlight === 0) await this.classifier.release();
    }
  }

  async retire(): Promise<void> {
    this.retired = true;
    if (this.inFlight === 0) await this.classifier.release();
  }
}
