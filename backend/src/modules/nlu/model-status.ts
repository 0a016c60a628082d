/** A model as a replica serves it: the active version, and the one a rollback would return to. */
export interface ModelStatus {
  name: string;
  version: string;
  task: string;
  previousVersion?: string;
  metrics: Record<string, number>;
}
