import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, type AppProps } from 'aws-cdk-lib';
import { APP_NAME, parseStage, type Stage, STAGES } from './config';
import { StorefrontStack, type StorefrontStackProps } from './storefront-stack';

const CDK_JSON = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cdk.json');

/**
 * The feature flags frozen in infra/cdk.json. The CLI passes them itself; apps built in code (tests, the offline
 * synth script) get the same ones from here, so every path synthesizes the same templates.
 */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

export function createApp(props: AppProps = {}): App {
  return new App({ analyticsReporting: false, ...props, context: { ...cdkJsonContext(), ...props.context } });
}

export function stackName(stage: Stage): string {
  const title = APP_NAME.charAt(0).toUpperCase() + APP_NAME.slice(1);
  return `${title}-${stage}`;
}

/** `-c stage=prod` deploys one stage; `-c stage=all` synthesizes every stage; no stage means dev. */
export function stagesFromContext(value: unknown): Stage[] {
  if (value === undefined) return ['dev'];
  if (value === 'all') return [...STAGES];
  return [parseStage(value)];
}

function optionalString(value: unknown, key: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context ${key} must be a string`);
  return value;
}

function flag(value: unknown, key: string): boolean {
  if (value === undefined || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new Error(`Context ${key} must be true or false, got ${JSON.stringify(value)}`);
}

/** Like `flag`, but unset stays undefined so the stage's default applies. */
function optionalFlag(value: unknown, key: string): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return flag(value, key);
}

/** Stack options from the CDK context (`-c key=value`), read from the app node. */
export function stackOptionsFromContext(app: App): Omit<StorefrontStackProps, 'stage'> {
  const context = (key: string): unknown => app.node.tryGetContext(key);
  const hostedZoneId = optionalString(context('hostedZoneId'), 'hostedZoneId');
  const hostedZoneName = optionalString(context('hostedZoneName'), 'hostedZoneName');
  if (Boolean(hostedZoneId) !== Boolean(hostedZoneName)) {
    throw new Error('Give both hostedZoneId and hostedZoneName, or neither');
  }
  return {
    certificateArn: optionalString(context('certificateArn'), 'certificateArn'),
    domainName: optionalString(context('domainName'), 'domainName'),
    hostedZone: hostedZoneId && hostedZoneName ? { id: hostedZoneId, name: hostedZoneName } : undefined,
    wafEnabled: optionalFlag(context('waf'), 'waf'),
    alarmEmail: optionalString(context('alarmEmail'), 'alarmEmail'),
    alarmTopicArn: optionalString(context('alarmTopicArn'), 'alarmTopicArn'),
    adminEmail: optionalString(context('adminEmail'), 'adminEmail'),
    toolsTask: flag(context('toolsTask'), 'toolsTask'),
    otlpEndpoint: optionalString(context('otlpEndpoint'), 'otlpEndpoint'),
    imageUri: optionalString(context('imageUri'), 'imageUri'),
  };
}

/** Adds the stacks the context asks for. No `env`: the templates are account- and region-agnostic and synthesize
 * offline; the CLI deploys them to the account and region of the caller's credentials. */
export function addStorefrontStacks(app: App): StorefrontStack[] {
  const options = stackOptionsFromContext(app);
  return stagesFromContext(app.node.tryGetContext('stage')).map(
    (stage) => new StorefrontStack(app, stackName(stage), { stage, ...options }),
  );
}
