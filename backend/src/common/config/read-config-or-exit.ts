import type { ConfigValues } from './config.schema.ts';
import { ConfigError } from './config-error.ts';
import { KefuConfig } from './kefu-config.ts';
import { loadConfig } from './load-config.ts';

/** sysexits.h EX_CONFIG: stopped because of the configuration. */
export const EXIT_CONFIG = 78;

/** Validated settings, or the one-line reason on standard error and exit 78. */
export function readConfigOrExit(): { config: KefuConfig; values: ConfigValues } {
  try {
    const values = loadConfig();
    return { config: new KefuConfig(values), values };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(EXIT_CONFIG);
  }
}
