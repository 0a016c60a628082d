import { z } from 'zod';

const flag = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((value) => value === 'true');

const port = z.coerce
  .number({ message: 'must be a number' })
  .int({ message: 'must be a whole number' })
  .min(0, { message: 'must be between 0 and 65535' })
  .max(65535, { message: 'must be between 0 and 65535' });

const positiveInt = (max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(1, { message: `must be between 1 and ${max}` })
    .max(max, { message: `must be between 1 and ${max}` });

/**
 * Every setting Kefu reads, keyed by its environment variable. The description is the documentation: a test checks
 * that docs/configuration.md lists each of them.
 */
export const configShape = {
  NODE_ENV: z
    .enum(['development', 'test', 'production'], { message: 'must be development, test or production' })
    .default('development')
    .describe('Run mode. `production` refuses evaluation-only defaults such as the embedded database.'),
  KEFU_HTTP_HOST: z.string().min(1).default('0.0.0.0').describe('Address the HTTP server binds to.'),
  KEFU_HTTP_PORT: port.default(3000).describe('HTTP port (0 picks a free one).'),
  KEFU_HTTP_BODY_LIMIT_BYTES: positiveInt(64 * 1024 * 1024)
    .default(1024 * 1024)
    .describe('Largest accepted request body in bytes; larger bodies get 413 payload_too_large.'),
  KEFU_SHUTDOWN_GRACE_MS: positiveInt(600_000)
    .default(10_000)
    .describe('On SIGTERM, how long in-flight requests may take to finish before the process exits.'),
  KEFU_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info')
    .describe('Least severe log level written (JSON lines on standard output).'),
  KEFU_API_DOCS: flag.default(true).describe('Serve the OpenAPI description and viewer at /api/docs.'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// URL' })
    .optional()
    .describe('PostgreSQL connection URL. Unset: Kefu starts its embedded PostgreSQL (evaluation only).'),
  KEFU_DB_POOL_MAX: positiveInt(1000).default(10).describe('Largest number of pooled database connections.'),
  KEFU_DB_CONNECT_TIMEOUT_MS: positiveInt(600_000)
    .default(5_000)
    .describe('How long one database connection attempt may take.'),
  KEFU_MIGRATE_ON_START: flag
    .default(true)
    .describe('Apply pending database migrations at start. Set false when a separate job runs `kefu migrate`.'),
  KEFU_EMBEDDED_DB_DIR: z
    .string()
    .min(1)
    .default('./.kefu/pg')
    .describe('Data directory of the embedded PostgreSQL, reused across restarts.'),
  KEFU_EMBEDDED_DB_PORT: port
    .default(54329)
    .describe('Port of the embedded PostgreSQL on 127.0.0.1 (0 picks a free one).'),
  KEFU_ALLOW_EMBEDDED_DB: flag
    .default(false)
    .describe('Allow the embedded PostgreSQL when NODE_ENV=production (it is refused there otherwise).'),
} as const;

/** Settings whose values never appear in logs or error messages. */
export const sensitiveSettings: ReadonlySet<string> = new Set(['DATABASE_URL']);

export const configSchema = z.object(configShape).superRefine((config, context) => {
  if (config.NODE_ENV === 'production' && !config.DATABASE_URL && !config.KEFU_ALLOW_EMBEDDED_DB) {
    context.addIssue({
      code: 'custom',
      path: ['DATABASE_URL'],
      message:
        'is required when NODE_ENV=production (the embedded database is for evaluation; set KEFU_ALLOW_EMBEDDED_DB=true to use it anyway)',
    });
  }
});

export type ConfigValues = z.infer<typeof configSchema>;
