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

const probability = z.coerce
  .number({ message: 'must be a number' })
  .min(0, { message: 'must be between 0 and 1' })
  .max(1, { message: 'must be between 0 and 1' });

/** `{"name":"http://host:port", ...}`: the only places a bot flow may call (a flow names an endpoint, never a URL). */
const endpointAllowList = z
  .string()
  .transform((value, context) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a JSON object of endpoint name to base URL' });
      return z.NEVER;
    }
  })
  .pipe(
    z.record(
      z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'endpoint names must be lower-case words joined by -' }),
      z.url({ protocol: /^https?$/, message: 'each endpoint must be an http:// or https:// URL' }),
    ),
  );

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
  KEFU_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
    .optional()
    .describe(
      'Address at which browsers reach Kefu; the built-in identity provider uses it as its issuer. Unset: http://localhost and KEFU_HTTP_PORT.',
    ),
  KEFU_KEYCLOAK_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
    .optional()
    .describe('Base URL of the Keycloak server (without /realms/...). Unset: the built-in demo identity provider.'),
  KEFU_KEYCLOAK_REALM: z.string().min(1).default('kefu').describe("Keycloak realm of Kefu's staff."),
  KEFU_KEYCLOAK_API_CLIENT: z
    .string()
    .min(1)
    .default('kefu-api')
    .describe('Bearer-only client whose id every access token must carry in `aud`; its client roles count too.'),
  KEFU_DEMO_IDP: flag
    .default(false)
    .describe('Allow the built-in demo identity provider when NODE_ENV=production (it is refused there otherwise).'),
  KEFU_IDP_DATA_DIR: z
    .string()
    .min(1)
    .default('./.kefu/idp')
    .describe(
      'Where identity keys (built-in provider, visitor tokens) and demo users live, files mode 0600; replicas share it.',
    ),
  KEFU_SESSION_IDLE_MINUTES: positiveInt(24 * 60)
    .default(15)
    .describe(
      'Staff sign-in ends after this much inactivity (等保 level 3): a refresh token expires this long after its last use.',
    ),
  KEFU_SESSION_MAX_HOURS: positiveInt(7 * 24)
    .default(12)
    .describe('Absolute limit of one staff sign-in, however active.'),
  KEFU_VISITOR_TOKEN_MINUTES: positiveInt(24 * 60)
    .default(30)
    .describe('Lifetime of the visitor tokens Kefu signs for bank customers in the chat widget.'),
  KEFU_VISITOR_ASSERTION_JWKS_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
    .optional()
    .describe('JWKS of the bank portal that vouches for signed-in customers. Unset: only anonymous visitors.'),
  KEFU_VISITOR_ASSERTION_ISSUER: z
    .string()
    .min(1)
    .optional()
    .describe(
      "Required `iss` of the bank portal's customer assertions (required with KEFU_VISITOR_ASSERTION_JWKS_URL).",
    ),
  KEFU_MODELS_DIR: z
    .string()
    .min(1)
    .default('./models/artifacts')
    .describe(
      'Folder of NLU model packages, one sub-folder per model (`kb-zh`, `kb-en`, `sentiment`), each verified at load.',
    ),
  KEFU_KNOWLEDGE_SEED: flag
    .default(true)
    .describe('On a database without any knowledge release, publish the starter knowledge base as release 1.'),
  KEFU_KNOWLEDGE_SEED_DIR: z
    .string()
    .min(1)
    .default('./models/data/demo-kb')
    .describe(
      'Starter knowledge base (`<lang>/faq.jsonl`, `<lang>/chitchat.jsonl`) and the held-out questions (`<lang>/held-out.jsonl`) the retraining gate scores models on.',
    ),
  KEFU_KNOWLEDGE_IMPORT_LIMIT_BYTES: positiveInt(256 * 1024 * 1024)
    .default(32 * 1024 * 1024)
    .describe(
      'Largest Excel or CSV file accepted by the knowledge import (larger: 413); JSON routes keep KEFU_HTTP_BODY_LIMIT_BYTES.',
    ),
  KEFU_KNOWLEDGE_TRAINING_MEMBERS: positiveInt(16)
    .default(4)
    .describe(
      'Networks in the ensemble a knowledge release retrains (fewer: faster retraining, slightly less accurate).',
    ),
  KEFU_BOT_ANSWER_CONFIDENCE: probability
    .default(0.25)
    .describe(
      'The bot answers the best FAQ item or intent at or above this confidence (docs/bot.md: how it was chosen).',
    ),
  KEFU_BOT_CLARIFY_CONFIDENCE: probability
    .default(0.12)
    .describe(
      'Between this and the answer confidence the bot offers the top three items ("您是不是想问…"); below, it falls back.',
    ),
  KEFU_BOT_ANGER_CONFIDENCE: probability
    .default(0.6)
    .describe('A message read as anger at or above this confidence is handed to a human.'),
  KEFU_BOT_FALLBACKS_BEFORE_HANDOFF: positiveInt(10)
    .default(2)
    .describe('Fallbacks ("I did not understand") in a row after which the conversation goes to a human.'),
  KEFU_BOT_HANDOFF_LABELS: z
    .string()
    .default('zh-chitchat-handoff,en-chitchat-handoff')
    .transform((value) =>
      value
        .split(',')
        .map((label) => label.trim())
        .filter(Boolean),
    )
    .describe('Knowledge items (comma-separated ids) that mean "let me talk to a person": answered by a handoff.'),
  KEFU_BOT_ENDPOINTS: endpointAllowList
    .optional()
    .describe(
      'Bank endpoints bot flows may call, as JSON `{"card-service":"http://10.0.0.5:8089"}`; a flow names one, never a URL. Unset: none.',
    ),
  KEFU_WIDGET_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      value
        ?.split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .describe(
      "Origins of the bank pages that embed the chat widget (comma-separated, e.g. `https://www.bank.cn`). Unset: only Kefu's own.",
    ),
  KEFU_WEBHOOK_TIMEOUT_MS: positiveInt(60_000)
    .default(5_000)
    .describe('How long one webhook delivery to a bank system may take before it counts as failed and is retried.'),
  KEFU_CONVERSATION_IDLE_CLOSE_MINUTES: positiveInt(10_080)
    .default(30)
    .describe(
      'A conversation with the bot in which nothing was written for this long ends (the customer is told, and may rate it); writing again starts a new one.',
    ),
  KEFU_ROUTING_SWEEP_INTERVAL_MS: positiveInt(600_000)
    .default(5_000)
    .describe(
      'How often each replica retries assignment and overflow of waiting conversations (handoffs, freed agents and presence changes trigger it at once).',
    ),
  KEFU_ROUTING_DEFAULT_CAPACITY: positiveInt(100)
    .default(5)
    .describe('Conversations an agent serves at once until a supervisor sets their own capacity.'),
  KEFU_ROUTING_AVERAGE_HANDLE_SECONDS: positiveInt(86_400)
    .default(300)
    .describe(
      "Time one conversation takes an agent, for the customer's estimated wait (position × this ÷ agents online).",
    ),
  KEFU_ROUTING_PRESENCE_TIMEOUT_SECONDS: positiveInt(86_400)
    .default(120)
    .describe(
      'An online or busy agent whose console has not asked for their routing state for this long (it asks on every screen while open) is set offline and the conversations they serve go back to the queue: a closed browser strands no customer.',
    ),
  KEFU_ROUTING_CONVERSATION_GRACE_SECONDS: positiveInt(86_400)
    .optional()
    .describe(
      'How long the conversations of an agent whose console went silent stay with them before going back to the queue, so that a short network drop does not cost the agent their customers; at least KEFU_ROUTING_PRESENCE_TIMEOUT_SECONDS, which it defaults to.',
    ),
  KEFU_TICKETS_SLA_MINUTES: z
    .string()
    .default('urgent=60,high=240,normal=1440,low=4320')
    .refine((value) => /^urgent=\d+,high=\d+,normal=\d+,low=\d+$/.test(value.replace(/\s/g, '')), {
      message: 'must be urgent=<minutes>,high=<minutes>,normal=<minutes>,low=<minutes>',
    })
    .describe('Time to resolve a ticket by priority, in minutes; past it the ticket is breached.'),
  KEFU_CRYPTO_MODE: z
    .enum(['standard', 'gm'], { message: 'must be standard or gm' })
    .default('standard')
    .describe('`standard`: SHA-256 and Ed25519. `gm` (国密): SM3 and SM2 for the audit chain and its signatures.'),
  KEFU_AUDIT_KEY_DIR: z
    .string()
    .min(1)
    .default('./.kefu/keys')
    .describe(
      'Folder of the audit key files (chain HMAC key, pseudonym key, signing key), created at first start, mode 0600.',
    ),
  KEFU_AUDIT_CHECKPOINT_INTERVAL_MS: positiveInt(24 * 3600 * 1000)
    .default(60_000)
    .describe('How often a signed checkpoint of the audit chain head is written (when new events exist).'),
  KEFU_AUDIT_CHECKPOINT_EVERY_EVENTS: positiveInt(10_000_000)
    .default(10_000)
    .describe('Also write a checkpoint as soon as this many events have been appended since the last one.'),
  KEFU_AUDIT_CHECKPOINT_FILE: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Append each checkpoint as a JSON line to this file (an external copy, e.g. on WORM storage). Unset: database only.',
    ),
  KEFU_AUDIT_RETENTION_DAYS: z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(180, { message: 'must be at least 180 (the legal minimum)' })
    .max(36_500, { message: 'must be at most 36500' })
    .default(190)
    .describe('Audit events younger than this stay online: `kefu audit archive --purge` refuses to remove them.'),
  KEFU_AUDIT_VERIFY_UPLOAD_LIMIT_BYTES: positiveInt(256 * 1024 * 1024)
    .default(32 * 1024 * 1024)
    .describe('Largest export file an auditor may upload to `POST /api/v1/audit/verify-export` (larger: 413).'),
  KEFU_AUDIT_SYSLOG_TARGET: z
    .url({ protocol: /^(tcp|tls)$/, message: 'must be a tcp:// or tls:// URL' })
    .optional()
    .describe('SIEM receiver for RFC 5424 syslog, e.g. `tls://siem.bank.local:6514`. Unset: no forwarding.'),
  KEFU_AUDIT_SYSLOG_CA_FILE: z
    .string()
    .min(1)
    .optional()
    .describe('PEM file of the CA that signed the SIEM receiver’s TLS certificate. Unset: the system CAs.'),
  KEFU_CRYPTO_KEK_PROVIDER: z
    .enum(['file', 'pkcs11'], { message: 'must be file or pkcs11' })
    .default('file')
    .describe(
      'Where the key-encryption key lives: `file` (a key file in KEFU_CRYPTO_KEY_DIR) or `pkcs11` (an HSM token).',
    ),
  KEFU_CRYPTO_KEY_DIR: z
    .string()
    .min(1)
    .default('./.kefu/crypto')
    .describe(
      'Folder of the file provider’s key-encryption keys (one file per version, mode 0600), created at first start.',
    ),
  KEFU_CRYPTO_DATA_KEY_CACHE_SECONDS: positiveInt(3600)
    .default(300)
    .describe('How long an unwrapped data key stays in memory before it is unwrapped again by the KEK provider.'),
  KEFU_PKCS11_LIBRARY: z
    .string()
    .min(1)
    .optional()
    .describe('PKCS#11 module of the HSM, e.g. `/usr/lib/softhsm/libsofthsm2.so` (required with the pkcs11 provider).'),
  KEFU_PKCS11_TOKEN_LABEL: z.string().min(1).default('kefu').describe('Label of the HSM token that holds the KEK.'),
  KEFU_PKCS11_PIN: z
    .string()
    .min(1)
    .optional()
    .describe('User PIN of that token (required with the pkcs11 provider; never logged).'),
  KEFU_PKCS11_KEY_LABEL: z
    .string()
    .min(1)
    .default('kefu-kek')
    .describe('Label prefix of the KEK objects in the token; version N is `<prefix>-v<N>`.'),
  KEFU_RETENTION_TRANSCRIPTS_DAYS: positiveInt(36_500)
    .default(180)
    .describe('Transcripts older than this are crypto-shredded (their monthly data key is destroyed).'),
  KEFU_RETENTION_CUSTOMER_PROFILES_DAYS: positiveInt(36_500)
    .default(1095)
    .describe('Customer profiles unchanged for this long are deleted and their key destroyed, unless on legal hold.'),
  KEFU_RETENTION_INTERVAL_HOURS: positiveInt(24 * 30)
    .default(24)
    .describe('How often the retention job runs (one replica at a time); `kefu retention run` runs it now.'),
  KEFU_RETENTION_JOB: flag
    .default(true)
    .describe('Run the retention job on a timer inside the app. Set false when a CronJob runs `kefu retention run`.'),
} as const;

/** Settings whose values never appear in logs or error messages. */
export const sensitiveSettings: ReadonlySet<string> = new Set(['DATABASE_URL', 'KEFU_PKCS11_PIN']);

export const configSchema = z.object(configShape).superRefine((config, context) => {
  if (config.NODE_ENV === 'production' && !config.DATABASE_URL && !config.KEFU_ALLOW_EMBEDDED_DB) {
    context.addIssue({
      code: 'custom',
      path: ['DATABASE_URL'],
      message:
        'is required when NODE_ENV=production (the embedded database is for evaluation; set KEFU_ALLOW_EMBEDDED_DB=true to use it anyway)',
    });
  }
  if (config.NODE_ENV === 'production' && !config.KEFU_KEYCLOAK_URL && !config.KEFU_DEMO_IDP) {
    context.addIssue({
      code: 'custom',
      path: ['KEFU_KEYCLOAK_URL'],
      message:
        'is required when NODE_ENV=production (the built-in identity provider is for evaluation; set KEFU_DEMO_IDP=true to use it anyway)',
    });
  }
  if (config.KEFU_CRYPTO_KEK_PROVIDER === 'pkcs11') {
    for (const name of ['KEFU_PKCS11_LIBRARY', 'KEFU_PKCS11_PIN'] as const)
      if (!config[name])
        context.addIssue({ code: 'custom', path: [name], message: 'is required when KEFU_CRYPTO_KEK_PROVIDER=pkcs11' });
  }
  if (config.KEFU_BOT_CLARIFY_CONFIDENCE > config.KEFU_BOT_ANSWER_CONFIDENCE) {
    context.addIssue({
      code: 'custom',
      path: ['KEFU_BOT_CLARIFY_CONFIDENCE'],
      message: 'must not be above KEFU_BOT_ANSWER_CONFIDENCE',
    });
  }
  if (
    config.KEFU_ROUTING_CONVERSATION_GRACE_SECONDS !== undefined &&
    config.KEFU_ROUTING_CONVERSATION_GRACE_SECONDS < config.KEFU_ROUTING_PRESENCE_TIMEOUT_SECONDS
  ) {
    context.addIssue({
      code: 'custom',
      path: ['KEFU_ROUTING_CONVERSATION_GRACE_SECONDS'],
      message: 'must not be below KEFU_ROUTING_PRESENCE_TIMEOUT_SECONDS',
    });
  }
  if (config.KEFU_VISITOR_ASSERTION_JWKS_URL && !config.KEFU_VISITOR_ASSERTION_ISSUER) {
    context.addIssue({
      code: 'custom',
      path: ['KEFU_VISITOR_ASSERTION_ISSUER'],
      message: 'is required when KEFU_VISITOR_ASSERTION_JWKS_URL is set',
    });
  }
});

export type ConfigValues = z.infer<typeof configSchema>;
