import ipaddr from 'ipaddr.js';
import { z } from 'zod';

// The only module that reads process.env. Parsed once, on first import; a bad value fails loudly at boot.

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const flag = (defaultValue: boolean) =>
  z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', '1', '0'])
      .optional()
      .transform((value) => (value === undefined ? defaultValue : value === 'true' || value === '1')),
  );
const positiveInt = (defaultValue: number, max: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(max).default(defaultValue));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Next sets this while `next build` collects pages; production secrets are not required then.
  NEXT_PHASE: optionalString,

  // Database: DATABASE_URL or PGHOST selects a real PostgreSQL server; neither selects embedded PGlite.
  DATABASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  PGHOST: optionalString,
  PGPORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).optional()),
  PGUSER: optionalString,
  PGPASSWORD: optionalString,
  PGDATABASE: optionalString,
  // postgres.js ignores PGSSLMODE, so it is mapped here (RDS 15+ refuses unencrypted connections).
  PGSSLMODE: z.preprocess(
    emptyToUndefined,
    z.enum(['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full']).optional(),
  ),
  DATABASE_POOL_MAX: positiveInt(10, 500),
  DATABASE_CONNECT_TIMEOUT_S: positiveInt(5, 120),
  // Named prepared statements pin connections behind RDS Proxy / PgBouncer in transaction mode; turn off there.
  DATABASE_PREPARED_STATEMENTS: flag(true),
  // A real PostgreSQL is migrated by `npm run db:migrate` (or a one-off task), never implicitly.
  DATABASE_MIGRATE_ON_START: flag(false),
  PGLITE_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('.data/pglite')),

  REDIS_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^rediss?$/ }).optional()),
  // Rate limits go to Upstash over REST when both are set (serverless hosts without a TCP Redis); else REDIS_URL.
  UPSTASH_REDIS_REST_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  UPSTASH_REDIS_REST_TOKEN: optionalString,
  // Namespaces this deployment's keys, so several stores (or test runs) can share one Redis without sharing counts.
  REDIS_KEY_PREFIX: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/).default('sf')),
  // How many reverse proxies in front of the server append to X-Forwarded-For (a load balancer: 1). 0 → the client
  // address is the TCP peer and every forwarded header is ignored (see lib/server/client-ip.ts).
  TRUSTED_PROXY_HOPS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(0)),

  // Another limit for named rate-limit policies (lib/rate-limit/policies.ts), "name=limit" comma separated, e.g.
  // register-ip=100 for a store whose sign-ups come from one shop-floor address. Windows stay as they are.
  RATE_LIMIT_OVERRIDES: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((pair) => pair.trim()).filter(Boolean) : []),
    z.array(
      z
        .string()
        .regex(/^[a-z0-9-]{1,60}=[1-9][0-9]{0,6}$/, 'each entry must be policy-name=limit (a whole number from 1)')
        .transform((pair) => {
          const [name, limit] = pair.split('=') as [string, string];
          return { name, limit: Number(limit) };
        }),
    ),
  ),

  // Unset: http://localhost:<PORT> (a laptop); set it wherever the store is reached another way.
  SITE_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  // Origins (scheme://host[:port]) of separate storefronts allowed to call the Store API from a browser, comma
  // separated: they get CORS answers (credentials included) and may send writes; every other Origin gets neither.
  STORE_API_CORS_ORIGINS: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((origin) => origin.trim()).filter(Boolean) : []),
    z.array(
      z.url({ protocol: /^https?$/ }).refine((origin) => new URL(origin).origin === origin, 'must be an origin: scheme://host[:port], no path or trailing slash'),
    ),
  ),
  // Publishable Store API keys, "name=pk_…" comma separated (e.g. web=pk_3f9…,ios=pk_81c…): a storefront that sends
  // its key in X-Publishable-Key has its requests counted and logged under its name (lib/http/publishable-key.ts).
  STORE_API_PUBLISHABLE_KEYS: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((pair) => pair.trim()).filter(Boolean) : []),
    z.array(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{0,39}=pk_[A-Za-z0-9_-]{16,200}$/, 'each entry must be name=pk_… (name: a-z, 0-9, -; key: 16+ characters after pk_)')
        .transform((pair) => {
          const [name, key] = pair.split('=') as [string, string];
          return { name, key };
        }),
    ),
  ),
  AUTH_SECRET: z.preprocess(emptyToUndefined, z.string().min(32).optional()),
  STORAGE_DIR: z.preprocess(emptyToUndefined, z.string().default('.data/media')),
  // Media in S3 (or an S3-compatible store) instead of STORAGE_DIR when S3_BUCKET is set. Credentials come from the
  // AWS SDK's default chain (task role, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profile), never from here.
  S3_BUCKET: optionalString,
  S3_REGION: z.preprocess(emptyToUndefined, z.string().default('us-east-1')),
  // For S3-compatible stores (MinIO, R2, …); unset → AWS.
  S3_ENDPOINT: z.preprocess(emptyToUndefined, z.url().optional()),
  S3_FORCE_PATH_STYLE: flag(false),
  // Key prefix inside the bucket, e.g. "media/".
  S3_PREFIX: z.preprocess(emptyToUndefined, z.string().regex(/^[a-z0-9][a-z0-9_./-]*\/$/, 'must end with "/"').default('')),

  // Seed accounts: when no password is given, a random one is generated and printed once.
  ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.email().default('admin@example.com')),
  ADMIN_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(12).optional()),
  DEMO_CUSTOMER_EMAIL: z.preprocess(emptyToUndefined, z.email().default('customer@example.com')),
  DEMO_CUSTOMER_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(8).optional()),

  // Payments: Stripe is offered only when both keys are set; the webhook secret verifies Stripe's event signatures.
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_PUBLISHABLE_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  // Another Stripe API base URL, e.g. stripe-mock (http://localhost:12111) or the integration tests' local stand-in.
  // Unset: Stripe's own API.
  STRIPE_API_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),

  // Email: without SMTP_URL (smtp[s]://user:pass@host:port) messages are stored in email_messages and logged.
  SMTP_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^smtps?$/ }).optional()),
  EMAIL_FROM: z.preprocess(emptyToUndefined, z.string().default('Storefront <no-reply@localhost>')),
  // Sent and stored messages (personal data, sign-in links) are deleted this many days after they were made.
  EMAIL_RETENTION_DAYS: positiveInt(30, 3650),

  // Breached-password check (k-anonymity range API, e.g. https://api.pwnedpasswords.com/range): only the first 5 hex
  // characters of the password's SHA-1 leave the server. Unset: only the offline strength check runs.
  PWNED_PASSWORDS_API_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),

  // Requests the server makes to addresses others chose (webhook endpoints, product images by URL) refuse loopback,
  // private, link-local, CGNAT and metadata addresses (lib/net/ssrf.ts). true lets every one through, for a receiver
  // or image server on a developer's machine (and the tests'); never in production. WEBHOOK_ALLOW_PRIVATE_URLS is its
  // older name and still read: either one set to true allows.
  OUTBOUND_ALLOW_PRIVATE_URLS: flag(false),
  WEBHOOK_ALLOW_PRIVATE_URLS: flag(false),
  // Private networks (CIDR, or a single address) that those requests may reach all the same, comma separated, e.g. an
  // image server inside the VPC: "10.0.5.0/24". Loopback and metadata addresses belong in it only for tests.
  OUTBOUND_ALLOWED_NETWORKS: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((entry) => entry.trim()).filter(Boolean) : []),
    z.array(
      z
        .string()
        .transform((entry) => (entry.includes('/') ? entry : `${entry}/${ipaddr.IPv6.isValid(entry) ? 128 : 32}`))
        .refine((cidr) => ipaddr.isValidCIDR(cidr), 'must be a network in CIDR form (10.0.5.0/24) or an address'),
    ),
  ),

  // Observability. Without METRICS_TOKEN, /api/metrics answers 404 in production and is open in development/test.
  METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16).optional()),
  // OTLP/HTTP traces go here (e.g. http://collector:4318) only when set; unset → no tracing code is loaded at all.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(emptyToUndefined, z.url().optional()),
  OTEL_SERVICE_NAME: z.preprocess(emptyToUndefined, z.string().default('storefront')),
  // CloudWatch: once a minute a log line in Embedded Metric Format carries orders, checkout failures, shed requests
  // and rate-limit refusals into this namespace (lib/observability/emf.ts). Unset: no such line.
  METRICS_EMF_NAMESPACE: z.preprocess(emptyToUndefined, z.string().min(1).max(255).optional()),

  // Graceful shutdown: on SIGTERM, in-flight requests get this long to finish before the process gives up.
  // Keep it below the container's stop timeout (ECS: 30 s here) so connections are closed by us, not by SIGKILL.
  SHUTDOWN_DRAIN_S: positiveInt(25, 600),
  // Next's documented switch that leaves SIGTERM/SIGINT to the app (lib/server/shutdown.ts). Next reads it before
  // the app loads, so it must be in the server's own environment (Dockerfile, `npm start`), never in .env. Unset in
  // production: no drain (Next exits at once with 143), and the boot log says so.
  NEXT_MANUAL_SIG_HANDLE: optionalString,
  // Read by Next's standalone server.js itself (ms); parsed here only so a bad value fails loudly at boot.
  KEEP_ALIVE_TIMEOUT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).optional()),

  // In-process background jobs (outbox delivery with retries, expired-cart cleanup). Every instance may run them:
  // they claim rows with FOR UPDATE SKIP LOCKED. Set false to keep an instance (e.g. a one-off task) out of it.
  BACKGROUND_JOBS: flag(true),
  // Guest carts untouched for this many days are deleted (customer carts are kept).
  GUEST_CART_RETENTION_DAYS: positiveInt(30, 3650),

  // In-process cache of the catalog reads every shopper shares (lib/cache/data-cache.ts), per instance. 0 turns it off.
  DATA_CACHE_MB: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(4096).default(32)),
  // Full-page cache of anonymous catalog pages, per instance, in memory (lib/server/page-cache.ts). 0 turns it off.
  PAGE_CACHE_MB: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(4096).default(64)),
  // How long a cached page is fresh. Writes purge pages at once on every instance (through Redis when there are
  // several); the TTL bounds staleness when such a message is lost, and how long listings lag behind stock sold.
  PAGE_CACHE_TTL_S: positiveInt(60, 3600),
  // Admission control at the front door (lib/server/front-door.ts): requests worked on at once, requests waiting
  // beyond those, and how long one may wait; past either limit the answer is 503 with Retry-After.
  MAX_REQUESTS_IN_FLIGHT: positiveInt(32, 10_000),
  MAX_REQUESTS_QUEUED: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(100_000).default(512)),
  REQUEST_QUEUE_TIMEOUT_MS: positiveInt(8_000, 600_000),
  // The port server.js listens on (read by Next itself); the page cache renders through it on loopback.
  PORT: positiveInt(3000, 65535),

  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
}).transform((values) => ({ ...values, SITE_URL: values.SITE_URL ?? `http://localhost:${values.PORT}` }));

export type Env = z.infer<typeof envSchema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

export type DatabaseMode = 'postgres' | 'pglite';

export const databaseMode: DatabaseMode = env.DATABASE_URL || env.PGHOST ? 'postgres' : 'pglite';

export const isProduction = env.NODE_ENV === 'production';

/** Called when the server boots (not at build, not by one-off tasks): a production server without its secrets stops. */
export function assertServerSecrets(): void {
  if (isProduction && !env.AUTH_SECRET) {
    throw new Error('AUTH_SECRET must be set (32+ characters) in production. Generate one with: openssl rand -base64 32');
  }
}
