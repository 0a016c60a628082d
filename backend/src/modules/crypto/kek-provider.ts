/**
 * A key-encryption key (KEK) store. Versions are numbered from 1; the database (key_encryption_keys) says which is
 * current and which are retired, the provider holds the material. Data keys are the only thing a KEK ever wraps.
 */
export interface KekProvider {
  /** `file` or `pkcs11`: stored beside every wrapped data key. */
  readonly kind: string;
  /** Names the KEK across versions (a folder, a token and label), stored beside every wrapped data key. */
  readonly kekId: string;
  /** Creates version `version` if it does not exist yet (idempotent: replicas may race at first start). */
  createVersion(version: number): Promise<void>;
  wrap(version: number, dataKey: Buffer, aad: Buffer): Promise<Buffer>;
  unwrap(version: number, wrapped: Buffer, aad: Buffer): Promise<Buffer>;
  /** Destroys the material of `version`; anything wrapped only under it becomes unreadable. */
  destroyVersion(version: number): Promise<void>;
  close(): Promise<void>;
}

/** Nest injection token of the configured provider. */
export const KEK_PROVIDER = Symbol('KekProvider');
