import type { ConfigValues } from './config.schema.ts';

/**
 * The validated settings, grouped by concern. Injected wherever a setting is needed; nothing else reads
 * process.env.
 */
export class KefuConfig {
  readonly production: boolean;
  readonly http: { host: string; port: number; bodyLimitBytes: number; shutdownGraceMs: number; apiDocs: boolean };
  readonly log: { level: ConfigValues['KEFU_LOG_LEVEL'] };
  readonly database: {
    url?: string;
    poolMax: number;
    connectTimeoutMs: number;
    migrateOnStart: boolean;
    embedded: { dataDir: string; port: number };
  };

  constructor(values: ConfigValues) {
    this.production = values.NODE_ENV === 'production';
    this.http = {
      host: values.KEFU_HTTP_HOST,
      port: values.KEFU_HTTP_PORT,
      bodyLimitBytes: values.KEFU_HTTP_BODY_LIMIT_BYTES,
      shutdownGraceMs: values.KEFU_SHUTDOWN_GRACE_MS,
      apiDocs: values.KEFU_API_DOCS,
    };
    this.log = { level: values.KEFU_LOG_LEVEL };
    this.database = {
      url: values.DATABASE_URL,
      poolMax: values.KEFU_DB_POOL_MAX,
      connectTimeoutMs: values.KEFU_DB_CONNECT_TIMEOUT_MS,
      migrateOnStart: values.KEFU_MIGRATE_ON_START,
      embedded: { dataDir: values.KEFU_EMBEDDED_DB_DIR, port: values.KEFU_EMBEDDED_DB_PORT },
    };
  }
}
