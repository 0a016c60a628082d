import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

/** The data key of a ciphertext is wrapped only under a KEK version that has been retired (its material destroyed). */
export class KeyRetiredError extends DomainError {
  constructor(keyId: string, kekVersion: number) {
    super(
      ErrorCode.Conflict,
      `data key ${keyId} is wrapped only under key-encryption key version ${kekVersion}, which is retired: this ciphertext can no longer be decrypted`,
    );
  }
}
