/** A model package whose files do not match its manifest: refused rather than served. */
export class ModelIntegrityError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`model file ${file} refused: ${reason}`);
    this.name = 'ModelIntegrityError';
  }
}
