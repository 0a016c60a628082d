import { type ConfigValues, configSchema, sensitiveSettings } from './config.schema.ts';
import { ConfigError } from './config-error.ts';

/** Reads and validates every setting at once; the first problem becomes a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ConfigValues {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = configSchema.safeParse(present);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue?.path[0] ?? 'configuration');
  const raw = env[variable];
  const shown = raw === undefined || sensitiveSettings.has(variable) ? '' : ` (got "${raw}")`;
  throw new ConfigError(`Invalid configuration: ${variable} ${issue?.message ?? 'is invalid'}${shown}`);
}
