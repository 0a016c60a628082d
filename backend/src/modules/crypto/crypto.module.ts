import { Module } from '@nestjs/common';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { AuditModule } from '../audit/index.ts';
import { BlindIndex } from './blind-index.service.ts';
import { CryptoSelfTest } from './crypto-self-test.ts';
import { DataKeys } from './data-keys.service.ts';
import { FieldCipher } from './field-cipher.service.ts';
import { createKekProvider } from './kek-provider.factory.ts';
import { KEK_PROVIDER } from './kek-provider.ts';
import { KeyRotation } from './key-rotation.use-case.ts';
import { KeyStore } from './key-store.repository.ts';

/** Envelope encryption (DESIGN.md, Data protection): KEK providers, data keys, field ciphers, blind indexes, rotation. */
@Module({
  imports: [AuditModule],
  providers: [
    CryptoSelfTest,
    KeyStore,
    { provide: KEK_PROVIDER, inject: [KefuConfig], useFactory: createKekProvider },
    DataKeys,
    FieldCipher,
    BlindIndex,
    KeyRotation,
  ],
  exports: [DataKeys, FieldCipher, BlindIndex, KeyRotation],
})
export class CryptoModule {}
