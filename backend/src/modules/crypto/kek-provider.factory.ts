import type { KefuConfig } from '../../common/config/kefu-config.ts';
import { FileKekProvider } from './file-kek-provider.ts';
import type { KekProvider } from './kek-provider.ts';
import { Pkcs11KekProvider } from './pkcs11-kek-provider.ts';
import { algorithmForMode } from './symmetric-cipher.ts';

/** The KEK provider the settings name (KEFU_CRYPTO_KEK_PROVIDER). */
export function createKekProvider(config: KefuConfig): KekProvider {
  switch (config.crypto.kekProvider) {
    case 'file':
      return new FileKekProvider(config.crypto.keyDir, algorithmForMode(config.crypto.mode));
    case 'pkcs11': {
      // The schema requires both settings with this provider; this guards direct construction in tools.
      if (!config.crypto.pkcs11) throw new Error('KEFU_PKCS11_LIBRARY and KEFU_PKCS11_PIN are required');
      return new Pkcs11KekProvider(config.crypto.pkcs11);
    }
    default: {
      const unhandled: never = config.crypto.kekProvider;
      throw new Error(`unknown KEK provider ${String(unhandled)}`);
    }
  }
}
