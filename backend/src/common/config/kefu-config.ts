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

  readonly identity: {
    publicUrl: string;
    /** Set: staff tokens come from this Keycloak. Unset: from the built-in demo provider. */
    keycloak?: { url: string; realm: string; apiClient: string };
    demoProvider: { dataDir: string };
    session: { idleSeconds: number; maxSeconds: number };
    visitor: { tokenSeconds: number; assertion?: { jwksUrl: string; issuer: string } };
  };

  readonly crypto: {
    mode: ConfigValues['KEFU_CRYPTO_MODE'];
    kekProvider: ConfigValues['KEFU_CRYPTO_KEK_PROVIDER'];
    keyDir: string;
    dataKeyCacheSeconds: number;
    pkcs11?: { library: string; tokenLabel: string; pin: string; keyLabel: string };
  };

  readonly retention: {
    transcriptsDays: number;
    customerProfilesDays: number;
    intervalHours: number;
    job: boolean;
  };
  readonly audit: {
    keyDir: string;
    checkpointIntervalMs: number;
    checkpointEveryEvents: number;
    checkpointFile?: string;
    retentionDays: number;
    verifyUploadLimitBytes: number;
    syslog?: { target: string; caFile?: string };
  };

  readonly nlu: { modelsDir: string };
  readonly knowledge: { seed: boolean; seedDir: string; importLimitBytes: number; trainingMembers: number };

  readonly conversations: { widgetOrigins: readonly string[]; webhookTimeoutMs: number; idleCloseMinutes: number };

  readonly routing: {
    sweepIntervalMs: number;
    defaultCapacity: number;
    averageHandleSeconds: number;
    presenceTimeoutSeconds: number;
    /** How long a silent agent keeps their conversations: at least presenceTimeoutSeconds. */
    conversationGraceSeconds: number;
  };
  /** Minutes to resolve a ticket, by priority. */
  readonly tickets: { slaMinutes: Readonly<Record<'urgent' | 'high' | 'normal' | 'low', number>> };

  readonly bot: {
    answerConfidence: number;
    clarifyConfidence: number;
    angerConfidence: number;
    fallbacksBeforeHandoff: number;
    handoffLabels: readonly string[];
    /** Endpoint name → base URL: the allow-list of bank systems flows may call. */
    endpoints: Readonly<Record<string, string>>;
  };

  constructor(values: ConfigValues) {
    this.production = values.NODE_ENV === 'production';
    this.crypto = {
      mode: values.KEFU_CRYPTO_MODE,
      kekProvider: values.KEFU_CRYPTO_KEK_PROVIDER,
      keyDir: values.KEFU_CRYPTO_KEY_DIR,
      dataKeyCacheSeconds: values.KEFU_CRYPTO_DATA_KEY_CACHE_SECONDS,
      pkcs11:
        values.KEFU_PKCS11_LIBRARY && values.KEFU_PKCS11_PIN
          ? {
              library: values.KEFU_PKCS11_LIBRARY,
              tokenLabel: values.KEFU_PKCS11_TOKEN_LABEL,
              pin: values.KEFU_PKCS11_PIN,
              keyLabel: values.KEFU_PKCS11_KEY_LABEL,
            }
          : undefined,
    };
    this.retention = {
      transcriptsDays: values.KEFU_RETENTION_TRANSCRIPTS_DAYS,
      customerProfilesDays: values.KEFU_RETENTION_CUSTOMER_PROFILES_DAYS,
      intervalHours: values.KEFU_RETENTION_INTERVAL_HOURS,
      job: values.KEFU_RETENTION_JOB,
    };
    this.audit = {
      keyDir: values.KEFU_AUDIT_KEY_DIR,
      checkpointIntervalMs: values.KEFU_AUDIT_CHECKPOINT_INTERVAL_MS,
      checkpointEveryEvents: values.KEFU_AUDIT_CHECKPOINT_EVERY_EVENTS,
      checkpointFile: values.KEFU_AUDIT_CHECKPOINT_FILE,
      retentionDays: values.KEFU_AUDIT_RETENTION_DAYS,
      verifyUploadLimitBytes: values.KEFU_AUDIT_VERIFY_UPLOAD_LIMIT_BYTES,
      syslog: values.KEFU_AUDIT_SYSLOG_TARGET
        ? { target: values.KEFU_AUDIT_SYSLOG_TARGET, caFile: values.KEFU_AUDIT_SYSLOG_CA_FILE }
        : undefined,
    };
    this.http = {
      host: values.KEFU_HTTP_HOST,
      port: values.KEFU_HTTP_PORT,
      bodyLimitBytes: values.KEFU_HTTP_BODY_LIMIT_BYTES,
      shutdownGraceMs: values.KEFU_SHUTDOWN_GRACE_MS,
      apiDocs: values.KEFU_API_DOCS,
    };
    this.log = { level: values.KEFU_LOG_LEVEL };
    this.nlu = { modelsDir: values.KEFU_MODELS_DIR };
    this.knowledge = {
      seed: values.KEFU_KNOWLEDGE_SEED,
      seedDir: values.KEFU_KNOWLEDGE_SEED_DIR,
      importLimitBytes: values.KEFU_KNOWLEDGE_IMPORT_LIMIT_BYTES,
      trainingMembers: values.KEFU_KNOWLEDGE_TRAINING_MEMBERS,
    };
    this.conversations = {
      widgetOrigins: values.KEFU_WIDGET_ORIGINS ?? [],
      webhookTimeoutMs: values.KEFU_WEBHOOK_TIMEOUT_MS,
      idleCloseMinutes: values.KEFU_CONVERSATION_IDLE_CLOSE_MINUTES,
    };
    this.routing = {
      sweepIntervalMs: values.KEFU_ROUTING_SWEEP_INTERVAL_MS,
      defaultCapacity: values.KEFU_ROUTING_DEFAULT_CAPACITY,
      averageHandleSeconds: values.KEFU_ROUTING_AVERAGE_HANDLE_SECONDS,
      presenceTimeoutSeconds: values.KEFU_ROUTING_PRESENCE_TIMEOUT_SECONDS,
      conversationGraceSeconds:
        values.KEFU_ROUTING_CONVERSATION_GRACE_SECONDS ?? values.KEFU_ROUTING_PRESENCE_TIMEOUT_SECONDS,
    };
    this.tickets = { slaMinutes: slaMinutesOf(values.KEFU_TICKETS_SLA_MINUTES) };
    this.bot = {
      answerConfidence: values.KEFU_BOT_ANSWER_CONFIDENCE,
      clarifyConfidence: values.KEFU_BOT_CLARIFY_CONFIDENCE,
      angerConfidence: values.KEFU_BOT_ANGER_CONFIDENCE,
      fallbacksBeforeHandoff: values.KEFU_BOT_FALLBACKS_BEFORE_HANDOFF,
      handoffLabels: values.KEFU_BOT_HANDOFF_LABELS,
      endpoints: values.KEFU_BOT_ENDPOINTS ?? {},
    };
    this.identity = {
      // On another port the built-in identity provider's issuer (and the keys fetched from it) must follow.
      publicUrl: withoutTrailingSlash(values.KEFU_PUBLIC_URL ?? `http://localhost:${values.KEFU_HTTP_PORT}`),
      keycloak: values.KEFU_KEYCLOAK_URL
        ? {
            url: withoutTrailingSlash(values.KEFU_KEYCLOAK_URL),
            realm: values.KEFU_KEYCLOAK_REALM,
            apiClient: values.KEFU_KEYCLOAK_API_CLIENT,
          }
        : undefined,
      demoProvider: { dataDir: values.KEFU_IDP_DATA_DIR },
      session: { idleSeconds: values.KEFU_SESSION_IDLE_MINUTES * 60, maxSeconds: values.KEFU_SESSION_MAX_HOURS * 3600 },
      visitor: {
        tokenSeconds: values.KEFU_VISITOR_TOKEN_MINUTES * 60,
        assertion:
          values.KEFU_VISITOR_ASSERTION_JWKS_URL && values.KEFU_VISITOR_ASSERTION_ISSUER
            ? { jwksUrl: values.KEFU_VISITOR_ASSERTION_JWKS_URL, issuer: values.KEFU_VISITOR_ASSERTION_ISSUER }
            : undefined,
      },
    };
    this.database = {
      url: values.DATABASE_URL,
      poolMax: values.KEFU_DB_POOL_MAX,
      connectTimeoutMs: values.KEFU_DB_CONNECT_TIMEOUT_MS,
      migrateOnStart: values.KEFU_MIGRATE_ON_START,
      embedded: { dataDir: values.KEFU_EMBEDDED_DB_DIR, port: values.KEFU_EMBEDDED_DB_PORT },
    };
  }
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** `urgent=60,high=240,...`, already checked by the schema. */
function slaMinutesOf(value: string): KefuConfig['tickets']['slaMinutes'] {
  const pairs = value
    .replace(/\s/g, '')
    .split(',')
    .map((pair) => pair.split('='));
  return Object.fromEntries(
    pairs.map(([priority, minutes]) => [priority, Number(minutes)]),
  ) as KefuConfig['tickets']['slaMinutes'];
}
