import { Construct } from 'constructs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { APP_NAME, type Stage } from './config';

/** Secrets Manager names: `storefront/prod/auth-secret`. Fixed so operators and runbooks can find them. */
export function secretName(stage: Stage, suffix: string): string {
  return `${APP_NAME}/${stage}/${suffix}`;
}

/** Application secrets that are not tied to a data store (those live beside the store, in data-stores.ts). */
export class AppSecrets extends Construct {
  /** AUTH_SECRET: signs and encrypts session tokens. */
  readonly authSecret: Secret;
  /** NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: one key for every task and every version, or server action payloads
   * encrypted by one task (or the previous deploy) cannot be read by another. */
  readonly serverActionsKey: Secret;
  /** Stripe keys (JSON: secretKey, webhookSecret, publishableKey), filled in by the operator. */
  readonly stripe: Secret;
  /** ADMIN_PASSWORD for the first admin account. */
  readonly adminPassword: Secret;
  /** METRICS_TOKEN: the bearer token Prometheus sends to /api/metrics (which answers 404 without one). */
  readonly metricsToken: Secret;

  constructor(scope: Construct, id: string, props: { stage: Stage }) {
    super(scope, id);
    const { stage } = props;

    this.authSecret = new Secret(this, 'AuthSecret', {
      secretName: secretName(stage, 'auth-secret'),
      description: 'AUTH_SECRET for the storefront (session signing); 64 random characters.',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });

    this.serverActionsKey = new Secret(this, 'ServerActionsKey', {
      secretName: secretName(stage, 'server-actions-key'),
      description: 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: a base64 AES-256 key shared by all tasks and deploys.',
      // Next decodes the key with atob() and imports it as AES-GCM. 43 characters of the base64 alphabet decode to
      // exactly 32 bytes (AES-256); alphanumerics are a subset of that alphabet. `openssl rand -base64 32` also fits.
      generateSecretString: { passwordLength: 43, excludePunctuation: true, includeSpace: false },
    });

    this.stripe = new Secret(this, 'StripeKeys', {
      secretName: secretName(stage, 'stripe'),
      description: 'Stripe API keys for the storefront. Fill secretKey, webhookSecret and publishableKey.',
      // ECS refuses to start a task whose secret lacks a referenced JSON key, so the keys exist from the start,
      // empty (the app treats an empty value as "not configured"). The generated field is unused: Secrets Manager
      // only accepts a template together with one generated key. Generated once, so later deploys never overwrite
      // the operator's values.
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ secretKey: '', webhookSecret: '', publishableKey: '' }),
        generateStringKey: 'unused',
        excludePunctuation: true,
      },
    });

    this.adminPassword = new Secret(this, 'AdminPassword', {
      secretName: secretName(stage, 'admin-password'),
      description: 'ADMIN_PASSWORD for the first storefront admin account. Change it after the first sign-in.',
      generateSecretString: { passwordLength: 24, excludePunctuation: true, includeSpace: false },
    });

    this.metricsToken = new Secret(this, 'MetricsToken', {
      secretName: secretName(stage, 'metrics-token'),
      description: 'METRICS_TOKEN: bearer token for /api/metrics (Prometheus scrapes); 48 random characters.',
      // Alphanumerics only: the token goes into an Authorization header and scrape configs unquoted.
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
    });
  }
}
