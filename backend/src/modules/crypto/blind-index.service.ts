import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { DataKeys } from './data-keys.service.ts';

/**
 * Keyed hashes for exact-match lookups over encrypted columns (a phone number): HMAC-SHA256, or HMAC-SM3 in 国密
 * mode, under a key of its own per index name (data key purpose `blind-index:<name>`, wrapped by the KEK like any
 * other), never the key that encrypts the value. Callers pass the normalised value (e.g. `normalizeMobile`), so
 * `+86 138-1234-5678` and `13812345678` meet. The full 32-byte MAC is kept: indexes here are small enough that
 * truncating for k-anonymity buys nothing, and a unique match keeps lookups exact.
 */
@Injectable()
export class BlindIndex {
  private readonly digest: 'sha256' | 'sm3';

  constructor(
    private readonly keys: DataKeys,
    config: KefuConfig,
  ) {
    this.digest = config.crypto.mode === 'gm' ? 'sm3' : 'sha256';
  }

  async compute(indexName: string, normalizedValue: string): Promise<Buffer> {
    const { key } = await this.keys.forPurpose(`blind-index:${indexName}`);
    return createHmac(this.digest, key).update(normalizedValue.normalize('NFC'), 'utf8').digest();
  }
}
