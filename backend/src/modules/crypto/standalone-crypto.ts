import type { DataSource } from 'typeorm';
import type { KefuConfig } from '../../common/config/kefu-config.ts';
import { standaloneAudit } from '../audit/index.ts';
import { BlindIndex } from './blind-index.service.ts';
import { DataKeys } from './data-keys.service.ts';
import { FieldCipher } from './field-cipher.service.ts';
import { createKekProvider } from './kek-provider.factory.ts';
import type { KekProvider } from './kek-provider.ts';
import { KeyRotation } from './key-rotation.use-case.ts';
import { KeyStore } from './key-store.repository.ts';
import { assertKnownAnswers } from './known-answer-tests.ts';

/** The crypto services wired by hand, for `kefu keys …`, `kefu retention run` and the benchmark. */
export interface StandaloneCrypto {
  provider: KekProvider;
  keys: DataKeys;
  cipher: FieldCipher;
  blindIndex: BlindIndex;
  rotation: KeyRotation;
  /** Chains the audit events the command recorded (so `kefu audit verify` sees them at once), then stops the keys. */
  close(): Promise<void>;
}

export function standaloneCrypto(
  config: KefuConfig,
  dataSource: DataSource,
  provider: KekProvider = createKekProvider(config),
): StandaloneCrypto {
  assertKnownAnswers();
  const { trail } = standaloneAudit(config, dataSource);
  const store = new KeyStore(dataSource);
  const keys = new DataKeys(store, provider, trail, config);
  return {
    provider,
    keys,
    cipher: new FieldCipher(keys, config),
    blindIndex: new BlindIndex(keys, config),
    rotation: new KeyRotation(store, keys, provider, trail),
    close: async () => {
      try {
        await trail.flush();
      } finally {
        await keys.onModuleDestroy();
      }
    },
  };
}
