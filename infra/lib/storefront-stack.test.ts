import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './test-app';
import {
  stageConfig,
  ALB_IDLE_TIMEOUT_SECONDS,
  CONTAINER_STOP_TIMEOUT_SECONDS,
  SHUTDOWN_DRAIN_SECONDS,
  SHUTDOWN_EXIT_GRACE_SECONDS,
} from './config';
import { ACCESS_LOG_PREFIX, LOG_DELIVERY_SERVICE_PRINCIPAL } from './access-logs';
import { checkAlarmSubscription, resolveWaf, StorefrontStack, type StorefrontStackProps } from './storefront-stack';
import { COMMON_RULE_SET_COUNT_ONLY } from './waf';
import { WRITABLE_PATHS } from './web-service';

type Resource = { Type: string; Properties?: Record<string, unknown>; DependsOn?: string[]; DeletionPolicy?: string };
type ContainerDefinition = {
  Name: string;
  Command?: string[];
  Environment?: Array<{ Name: string; Value: unknown }>;
  Secrets?: Array<{ Name: string; ValueFrom: unknown }>;
  HealthCheck?: { Command: string[] };
  StopTimeout?: number;
};

const CERTIFICATE_ARN = 'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
const OPERATOR_TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:ops-pager';

// One synth per configuration, shared by every test in this file (synth is the slow part).
function synth(props: StorefrontStackProps) {
  const app = testApp();
  const stack = new StorefrontStack(app, `Test-${props.stage}`, props);
  const template = Template.fromStack(stack);
  return { app, stack, template, resources: template.toJSON().Resources as Record<string, Resource> };
}

function ofType(resources: Record<string, Resource>, type: string): Array<[string, Resource]> {
  return Object.entries(resources).filter(([, resource]) => resource.Type === type);
}

function containers(resources: Record<string, Resource>): ContainerDefinition[] {
  return ofType(resources, 'AWS::ECS::TaskDefinition').flatMap(
    ([, resource]) => resource.Properties?.ContainerDefinitions as ContainerDefinition[],
  );
}

function container(resources: Record<string, Resource>, name: string): ContainerDefinition {
  const found = containers(resources).find((candidate) => candidate.Name === name);
  if (!found) throw new Error(`No container ${name}`);
  return found;
}

function env(definition: ContainerDefinition): Record<string, unknown> {
  return Object.fromEntries((definition.Environment ?? []).map((entry) => [entry.Name, entry.Value]));
}

/** Container images CDK would build and push for this stack (its asset manifest). */
function dockerImageAssets({ app, stack }: ReturnType<typeof synth>): string[] {
  const manifest = JSON.parse(readFileSync(path.join(app.outdir, `${stack.artifactId}.assets.json`), 'utf8')) as {
    dockerImages?: Record<string, unknown>;
  };
  return Object.keys(manifest.dockerImages ?? {});
}

function stagedBuildContexts(app: ReturnType<typeof synth>['app']): string[] {
  return readdirSync(app.outdir)
    .filter((entry) => entry.startsWith('asset.'))
    .map((entry) => path.join(app.outdir, entry))
    .filter((dir) => existsSync(path.join(dir, 'package.json')));
}

function tagsOf(resource: Resource): Record<string, unknown> {
  const tags = (resource.Properties?.Tags ?? []) as Array<{ Key: string; Value: unknown }>;
  return Object.fromEntries(tags.map((tag) => [tag.Key, tag.Value]));
}

let prod: ReturnType<typeof synth>;
let dev: ReturnType<typeof synth>;
let devWithOptions: ReturnType<typeof synth>;
let staging: ReturnType<typeof synth>;

const OTLP_ENDPOINT = 'http://otel-collector.internal:4318';
// What the deploy workflow passes: the image it scanned and pushed, by digest.
const IMAGE_URI = `111122223333.dkr.ecr.eu-west-1.amazonaws.com/storefront@sha256:${'0123456789abcdef'.repeat(4)}`;

beforeAll(() => {
  prod = synth({
    stage: 'prod',
    certificateArn: CERTIFICATE_ARN,
    domainName: 'shop.example.com',
    alarmEmail: 'ops@example.com',
    adminEmail: 'owner@example.com',
  });
  dev = synth({ stage: 'dev' });
  devWithOptions = synth({ stage: 'dev', wafEnabled: true, toolsTask: true });
  staging = synth({ stage: 'staging', otlpEndpoint: OTLP_ENDPOINT, imageUri: IMAGE_URI, alarmTopicArn: OPERATOR_TOPIC_ARN });
}, 120_000);

describe('network', () => {
  it('spans two AZs with public, private-with-egress and isolated subnets', () => {
    prod.template.resourceCountIs('AWS::EC2::VPC', 1);
    const subnets = ofType(prod.resources, 'AWS::EC2::Subnet').map(([, subnet]) => tagsOf(subnet)['aws-cdk:subnet-type']);
    expect(subnets.sort()).toEqual(['Isolated', 'Isolated', 'Private', 'Private', 'Public', 'Public']);
  });

  it('runs one NAT gateway per AZ in prod and a single one in dev', () => {
    prod.template.resourceCountIs('AWS::EC2::NatGateway', 2);
    dev.template.resourceCountIs('AWS::EC2::NatGateway', 1);
  });
});

describe('load balancer', () => {
  it('serves HTTPS with the given certificate and a TLS 1.2+ policy', () => {
    prod.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'deletion_protection.enabled', Value: 'true' },
        { Key: 'idle_timeout.timeout_seconds', Value: String(ALB_IDLE_TIMEOUT_SECONDS) },
      ]),
    });
    dev.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.not(Match.arrayWith([{ Key: 'deletion_protection.enabled', Value: 'true' }])),
    });
    prod.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: CERTIFICATE_ARN }],
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      DefaultActions: [Match.objectLike({ Type: 'forward' })],
    });
  });

  it('redirects HTTP to HTTPS permanently', () => {
    prod.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
    });
  });

  it('takes the certificate and domain as deploy-time parameters when the context gives none', () => {
    const parameters = dev.template.toJSON().Parameters as Record<string, { AllowedPattern?: string }>;
    expect(parameters.CertificateArn?.AllowedPattern).toMatch(/acm/);
    expect(parameters.DomainName).toBeDefined();
    expect(Object.keys(prod.template.toJSON().Parameters ?? {})).not.toContain('CertificateArn');
  });

  it('checks readiness (/api/ready) on the target group and drains for the shared drain time', () => {
    prod.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      HealthCheckPath: '/api/ready',
      Port: 3000,
      TargetType: 'ip',
      TargetGroupAttributes: Match.arrayWith([
        { Key: 'deregistration_delay.timeout_seconds', Value: String(SHUTDOWN_DRAIN_SECONDS) },
      ]),
    });
  });
});

describe('web service', () => {
  it('checks liveness (/api/health) in the container, not readiness', () => {
    const web = container(prod.resources, 'web');
    expect(web.HealthCheck?.Command.join(' ')).toContain('/api/health');
    expect(web.HealthCheck?.Command.join(' ')).not.toContain('/api/ready');
  });

  it('gives the container the deregistration delay plus the exit grace before SIGKILL', () => {
    const [, targetGroup] = ofType(prod.resources, 'AWS::ElasticLoadBalancingV2::TargetGroup')[0]!;
    const attributes = targetGroup.Properties?.TargetGroupAttributes as Array<{ Key: string; Value: string }>;
    const deregistrationDelay = Number(
      attributes.find((attribute) => attribute.Key === 'deregistration_delay.timeout_seconds')?.Value,
    );
    const web = container(prod.resources, 'web');
    expect(web.StopTimeout).toBe(deregistrationDelay + SHUTDOWN_EXIT_GRACE_SECONDS);
    expect(web.StopTimeout).toBe(CONTAINER_STOP_TIMEOUT_SECONDS);
    expect(web.StopTimeout).toBeLessThanOrEqual(120); // Fargate's ceiling
  });

  it('connects through RDS Proxy with TLS, no prepared statements, and the budgeted pool size', () => {
    const web = env(container(prod.resources, 'web'));
    expect(web.PGSSLMODE).toBe('require');
    expect(web.DATABASE_PREPARED_STATEMENTS).toBe('false');
    expect(web.DATABASE_POOL_MAX).toBe(String(prod.stack.config.database.poolMaxPerTask));
    const [proxyId] = ofType(prod.resources, 'AWS::RDS::DBProxy')[0]!;
    expect(web.PGHOST).toEqual({ 'Fn::GetAtt': [proxyId, 'Endpoint'] });
    expect(web.SITE_URL).toBe('https://shop.example.com');
    expect(web.ADMIN_EMAIL).toBe('owner@example.com');
    expect(Number(web.KEEP_ALIVE_TIMEOUT)).toBeGreaterThan(ALB_IDLE_TIMEOUT_SECONDS * 1000);
  });

  it('injects every secret from Secrets Manager, never as plain environment', () => {
    const web = container(prod.resources, 'web');
    const secretNames = (web.Secrets ?? []).map((secret) => secret.Name);
    expect(secretNames).toEqual(
      expect.arrayContaining([
        'PGUSER',
        'PGPASSWORD',
        'REDIS_URL',
        'AUTH_SECRET',
        'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY',
        'STRIPE_SECRET_KEY',
        'STRIPE_WEBHOOK_SECRET',
        'ADMIN_PASSWORD',
        'METRICS_TOKEN',
      ]),
    );
    const plain = Object.keys(env(web));
    for (const name of secretNames) expect(plain).not.toContain(name);
  });

  it('gives the web container METRICS_TOKEN from its own generated secret in every stage', () => {
    for (const [stage, synthesized] of [['prod', prod], ['staging', staging], ['dev', dev]] as const) {
      const [secretId] = ofType(synthesized.resources, 'AWS::SecretsManager::Secret').find(
        ([, secret]) => secret.Properties?.Name === `storefront/${stage}/metrics-token`,
      )!;
      const token = container(synthesized.resources, 'web').Secrets?.find((secret) => secret.Name === 'METRICS_TOKEN');
      expect(token?.ValueFrom, stage).toEqual({ Ref: secretId });
      // The app refuses a token shorter than 16 characters.
      const [, secret] = ofType(synthesized.resources, 'AWS::SecretsManager::Secret').find(([id]) => id === secretId)!;
      expect((secret.Properties?.GenerateSecretString as { PasswordLength: number }).PasswordLength).toBeGreaterThanOrEqual(16);
    }
  });

  it('traces to the OTLP endpoint, as storefront-<stage>, only when one is given', () => {
    expect(env(container(staging.resources, 'web'))).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: OTLP_ENDPOINT,
      OTEL_SERVICE_NAME: 'storefront-staging',
    });
    for (const synthesized of [prod, dev, devWithOptions]) {
      for (const definition of containers(synthesized.resources)) {
        expect(Object.keys(env(definition)).filter((name) => name.startsWith('OTEL_')), definition.Name).toEqual([]);
      }
    }
  });

  it('rejects an OTLP endpoint that is not an http(s) URL before anything is created', () => {
    expect(() => synth({ stage: 'dev', otlpEndpoint: 'otel-collector:4318' })).toThrow(/otlpEndpoint/);
  });

  it('rolls back failed deployments (circuit breaker and the 5xx alarm) and keeps the autoscaled count', () => {
    const [, service] = ofType(prod.resources, 'AWS::ECS::Service')[0]!;
    const [alarmId] = ofType(prod.resources, 'AWS::CloudWatch::Alarm').find(
      ([, alarm]) => alarm.Properties?.AlarmName === 'storefront-prod-alb-5xx-rate',
    )!;
    expect(service.Properties?.DeploymentConfiguration).toEqual({
      DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      Alarms: { AlarmNames: ['storefront-prod-alb-5xx-rate'], Enable: true, Rollback: true },
      MinimumHealthyPercent: 100,
      MaximumPercent: 200,
    });
    expect(service.DependsOn).toContain(alarmId); // the alarm exists before ECS is told to watch it
    expect(service.Properties?.LaunchType).toBe('FARGATE');
    expect(service.Properties).not.toHaveProperty('DesiredCount');
  });

  it('scales prod between 2 and 10 tasks on CPU 70 %, memory 80 % and requests per target', () => {
    prod.template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: 2,
      MaxCapacity: 10,
      ScalableDimension: 'ecs:service:DesiredCount',
    });
    const policies = ofType(prod.resources, 'AWS::ApplicationAutoScaling::ScalingPolicy').map(([, policy]) => {
      const config = policy.Properties?.TargetTrackingScalingPolicyConfiguration as {
        TargetValue: number;
        PredefinedMetricSpecification: { PredefinedMetricType: string };
      };
      return [config.PredefinedMetricSpecification.PredefinedMetricType, config.TargetValue];
    });
    expect(Object.fromEntries(policies)).toEqual({
      ECSServiceAverageCPUUtilization: 70,
      ECSServiceAverageMemoryUtilization: 80,
      ALBRequestCountPerTarget: prod.stack.config.service.requestsPerTargetPerMinute,
    });
  });

  it('keeps dev small', () => {
    dev.template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 1, MaxCapacity: 2 });
  });

  it('ships logs to a CloudWatch group kept per stage', () => {
    prod.template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/storefront-prod-app', RetentionInDays: 90 });
    dev.template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/storefront-dev-app', RetentionInDays: 7 });
  });
});

describe('migrations', () => {
  it('defines a one-off task that runs `node migrate.mjs` from the same image with a small pool', () => {
    const migrate = container(prod.resources, 'migrate');
    const web = container(prod.resources, 'web');
    expect(migrate.Command).toEqual(['node', 'migrate.mjs']);
    expect(env(migrate).DATABASE_POOL_MAX).toBe(String(prod.stack.config.database.migrationPoolMax));
    const images = ofType(prod.resources, 'AWS::ECS::TaskDefinition').flatMap(([, resource]) =>
      (resource.Properties?.ContainerDefinitions as Array<{ Image: unknown }>).map((definition) => definition.Image),
    );
    expect(new Set(images.map((image) => JSON.stringify(image))).size).toBe(1);
    expect(migrate.HealthCheck).toBeUndefined();
    expect(web.Command).toBeUndefined();
  });

  it('runs the migration task once per image (keyed by its task definition) before the service updates', () => {
    const [runId, run] = ofType(prod.resources, 'Custom::DatabaseMigration')[0]!;
    const [migrationTaskId] = ofType(prod.resources, 'AWS::ECS::TaskDefinition').find(([, resource]) =>
      (resource.Properties?.ContainerDefinitions as ContainerDefinition[]).some((definition) => definition.Name === 'migrate'),
    )!;
    expect(run.Properties?.TaskDefinitionArn).toEqual({ Ref: migrationTaskId });
    expect(run.Properties?.ContainerName).toBe('migrate');
    const [, service] = ofType(prod.resources, 'AWS::ECS::Service')[0]!;
    expect(service.DependsOn).toContain(runId);
    // …and the run waits for the database proxy to have its target.
    const [proxyTargetGroupId] = ofType(prod.resources, 'AWS::RDS::DBProxyTargetGroup')[0]!;
    expect(run.DependsOn).toContain(proxyTargetGroupId);
  });

  it('lets the runner start only the migration task', () => {
    prod.template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'ecs:RunTask', Resource: Match.anyValue() }),
          Match.objectLike({ Action: 'ecs:DescribeTasks' }),
        ]),
      },
    });
  });
});

describe('database', () => {
  it('is PostgreSQL 17, encrypted, with Performance Insights, Multi-AZ and deletion protection in prod', () => {
    prod.template.hasResource('AWS::RDS::DBInstance', {
      Properties: Match.objectLike({
        Engine: 'postgres',
        EngineVersion: '17',
        DBInstanceClass: 'db.r7g.large',
        MultiAZ: true,
        StorageEncrypted: true,
        DeletionProtection: true,
        BackupRetentionPeriod: 14,
        EnablePerformanceInsights: true,
        PubliclyAccessible: false,
      }),
      DeletionPolicy: 'Snapshot',
    });
  });

  it('is single-AZ, unprotected and short-retention in dev', () => {
    dev.template.hasResource('AWS::RDS::DBInstance', {
      Properties: Match.objectLike({
        MultiAZ: false,
        DeletionProtection: false,
        BackupRetentionPeriod: 1,
        StorageEncrypted: true,
      }),
      DeletionPolicy: 'Delete',
    });
  });

  it('sits behind RDS Proxy, which requires TLS and opens at most the budgeted share of connections', () => {
    prod.template.hasResourceProperties('AWS::RDS::DBProxy', { EngineFamily: 'POSTGRESQL', RequireTLS: true });
    prod.template.hasResourceProperties('AWS::RDS::DBProxyTargetGroup', {
      ConnectionPoolConfigurationInfo: Match.objectLike({
        MaxConnectionsPercent: prod.stack.config.database.proxyMaxConnectionsPercent,
      }),
    });
  });
});

describe('redis', () => {
  it('encrypts in transit and at rest and authenticates with a token from Secrets Manager', () => {
    const [, group] = ofType(prod.resources, 'AWS::ElastiCache::ReplicationGroup')[0]!;
    expect(group.Properties).toMatchObject({
      Engine: 'redis',
      TransitEncryptionEnabled: true,
      TransitEncryptionMode: 'required',
      AtRestEncryptionEnabled: true,
      NumCacheClusters: 2,
      MultiAZEnabled: true,
      AutomaticFailoverEnabled: true,
    });
    expect(JSON.stringify(group.Properties?.AuthToken)).toContain('{{resolve:secretsmanager:');
    dev.template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', { NumCacheClusters: 1, MultiAZEnabled: false });
  });
});

describe('secrets', () => {
  it('keeps database, Redis, auth, server-action, Stripe and admin secrets in Secrets Manager', () => {
    const names = ofType(prod.resources, 'AWS::SecretsManager::Secret').map(([, secret]) => secret.Properties?.Name);
    expect(names.sort()).toEqual(
      [
        'storefront/prod/admin-password',
        'storefront/prod/auth-secret',
        'storefront/prod/database',
        'storefront/prod/metrics-token',
        'storefront/prod/redis-auth-token',
        'storefront/prod/redis-url',
        'storefront/prod/server-actions-key',
        'storefront/prod/stripe',
      ].sort(),
    );
  });

  it('never writes a secret value into the template', () => {
    const json = JSON.stringify(prod.template.toJSON());
    expect(json).not.toMatch(/"SecretString":"[^{]/);
    prod.template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'storefront/prod/stripe',
      GenerateSecretString: Match.objectLike({ SecretStringTemplate: Match.stringLikeRegexp('secretKey') }),
    });
  });
});

describe('media', () => {
  it('stores images in a private, encrypted bucket that only CloudFront reads (OAC)', () => {
    prod.template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({})] },
    });
    prod.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    prod.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
      }),
    });
    prod.template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' }),
        ]),
      },
    });
  });
});

describe('alarms', () => {
  it('watch 5xx rate, p99 latency, CPU, memory, DB connections, DB storage and Redis memory', () => {
    const alarms = Object.fromEntries(
      ofType(prod.resources, 'AWS::CloudWatch::Alarm').map(([, alarm]) => [alarm.Properties?.AlarmName, alarm.Properties]),
    );
    expect(Object.keys(alarms).sort()).toEqual(
      [
        'storefront-prod-alb-5xx-rate',
        'storefront-prod-db-connections',
        'storefront-prod-db-free-storage',
        'storefront-prod-p99-latency',
        'storefront-prod-redis-memory-1',
        'storefront-prod-redis-memory-2',
        'storefront-prod-service-cpu',
        'storefront-prod-service-memory',
      ].sort(),
    );
    expect(alarms['storefront-prod-p99-latency']).toMatchObject({ MetricName: 'TargetResponseTime', ExtendedStatistic: 'p99' });
    // 80 % of the 1215 connections the proxy may open.
    expect(alarms['storefront-prod-db-connections']).toMatchObject({ MetricName: 'DatabaseConnections', Threshold: 972 });
    expect(alarms['storefront-prod-redis-memory-1']).toMatchObject({
      Dimensions: [{ Name: 'CacheClusterId', Value: 'storefront-prod-redis-001' }],
    });
    for (const alarm of Object.values(alarms)) expect((alarm as { AlarmActions?: unknown[] }).AlarmActions).toHaveLength(1);
    prod.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
  });
});

describe('optional parts', () => {
  it('attaches a WAF with a per-IP rate limit to the ALB in dev only when enabled', () => {
    dev.template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    staging.template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    devWithOptions.template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { RateBasedStatement: Match.objectLike({ AggregateKeyType: 'IP' }) } }),
      ]),
    });
    const [loadBalancerId] = ofType(devWithOptions.resources, 'AWS::ElasticLoadBalancingV2::LoadBalancer')[0]!;
    devWithOptions.template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { ResourceArn: { Ref: loadBalancerId } });
  });

  it('adds the tools task (npm run db:seed) only when asked', () => {
    expect(containers(dev.resources).map((definition) => definition.Name)).not.toContain('tools');
    expect(container(devWithOptions.resources, 'tools').Command).toEqual(['npm', 'run', 'db:seed']);
  });
});

describe('app image', () => {
  it('builds infra/Dockerfile as an asset for the web and migration tasks when no imageUri is given', () => {
    expect(dockerImageAssets(prod)).toHaveLength(1);
    for (const name of ['web', 'migrate']) {
      const image = JSON.stringify((container(prod.resources, name) as { Image?: unknown }).Image);
      expect(image, name).toContain('container-assets');
    }
  });

  it('runs the given ECR image, verbatim, in the web and migration tasks and builds no app image', () => {
    for (const name of ['web', 'migrate']) {
      expect((container(staging.resources, name) as { Image?: unknown }).Image, name).toBe(IMAGE_URI);
    }
    expect(dockerImageAssets(staging)).toEqual([]);
    expect(stagedBuildContexts(staging.app)).toEqual([]);
  });

  it('lets the execution roles of both tasks pull from that repository', () => {
    const repositoryArn = {
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ecr:eu-west-1:111122223333:repository/storefront']],
    };
    for (const [, taskDefinition] of ofType(staging.resources, 'AWS::ECS::TaskDefinition')) {
      const roleId = (taskDefinition.Properties?.ExecutionRoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      const statements = ofType(staging.resources, 'AWS::IAM::Policy')
        .filter(([, policy]) => JSON.stringify(policy.Properties?.Roles) === JSON.stringify([{ Ref: roleId }]))
        .flatMap(([, policy]) => (policy.Properties?.PolicyDocument as { Statement: unknown[] }).Statement);
      expect(statements, roleId).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Action: expect.arrayContaining(['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']),
            Resource: repositoryArn,
          }),
          expect.objectContaining({ Action: 'ecr:GetAuthorizationToken', Resource: '*' }),
        ]),
      );
    }
    // Without an image reference nothing grants ECR pulls beyond what the asset path sets up itself.
    expect(JSON.stringify(prod.template.toJSON())).not.toContain(':repository/storefront');
  });

  it('rejects an image reference that is not an ECR image with a tag or digest, before anything is created', () => {
    expect(() => synth({ stage: 'dev', imageUri: 'docker.io/library/node:24' })).toThrow(/imageUri/);
    expect(() => synth({ stage: 'dev', imageUri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/storefront' })).toThrow(
      /tag or digest/,
    );
  });
});

describe('tags and packaging', () => {
  it('tags resources with the stage', () => {
    for (const type of ['AWS::EC2::VPC', 'AWS::RDS::DBInstance', 'AWS::S3::Bucket', 'AWS::ECS::Service']) {
      const [, resource] = ofType(prod.resources, type)[0]!;
      expect(tagsOf(resource)).toMatchObject({ Stage: 'prod', Application: 'storefront' });
    }
    const [, devVpc] = ofType(dev.resources, 'AWS::EC2::VPC')[0]!;
    expect(tagsOf(devVpc).Stage).toBe('dev');
  });

  it('stages a build context without node_modules, .next or infra code, but with the Dockerfile', () => {
    const contexts = stagedBuildContexts(prod.app);
    expect(contexts).toHaveLength(1);
    const context = contexts[0]!;
    expect(existsSync(path.join(context, 'package-lock.json'))).toBe(true);
    expect(existsSync(path.join(context, 'infra', 'Dockerfile'))).toBe(true);
    for (const excluded of ['node_modules', '.next', '.git', path.join('infra', 'lib'), path.join('infra', 'cdk.out')]) {
      expect(existsSync(path.join(context, excluded)), excluded).toBe(false);
    }
  });
});

type Statement = { Effect: string; Action: string | string[]; Principal?: Record<string, unknown>; Resource?: unknown };
type MountPoint = { ContainerPath: string; SourceVolume: string; ReadOnly: boolean };

function taskDefinitionOf(resources: Record<string, Resource>, containerName: string): Resource {
  const found = ofType(resources, 'AWS::ECS::TaskDefinition').find(([, resource]) =>
    (resource.Properties?.ContainerDefinitions as ContainerDefinition[]).some((definition) => definition.Name === containerName),
  );
  if (!found) throw new Error(`No task definition with ${containerName}`);
  return found[1];
}

describe('deployment defaults: WAF', () => {
  it('is on in prod without being asked: per-IP rate limit, IP reputation and the AWS common rule set, on the ALB', () => {
    const [, acl] = ofType(prod.resources, 'AWS::WAFv2::WebACL')[0]!;
    const rules = acl.Properties?.Rules as Array<{ Name: string; Statement: Record<string, Record<string, unknown>> }>;
    const rate = rules.find((rule) => rule.Statement.RateBasedStatement)?.Statement.RateBasedStatement;
    expect(rate).toMatchObject({ AggregateKeyType: 'IP', Limit: 2_000 });
    const managed = rules.map((rule) => rule.Statement.ManagedRuleGroupStatement).filter(Boolean);
    expect(managed.map((group) => group!.Name)).toEqual(['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet']);
    expect(acl.Properties?.DefaultAction).toEqual({ Allow: {} });
    const [loadBalancerId] = ofType(prod.resources, 'AWS::ElasticLoadBalancingV2::LoadBalancer')[0]!;
    prod.template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { ResourceArn: { Ref: loadBalancerId } });
  });

  it('only counts the common rule set\'s 8 KB body limit, which image uploads exceed, and blocks with the rest', () => {
    const [, acl] = ofType(prod.resources, 'AWS::WAFv2::WebACL')[0]!;
    const common = (acl.Properties?.Rules as Array<{ Statement: { ManagedRuleGroupStatement?: Record<string, unknown> }; OverrideAction?: unknown }>).find(
      (rule) => rule.Statement.ManagedRuleGroupStatement?.Name === 'AWSManagedRulesCommonRuleSet',
    )!;
    expect(common.OverrideAction).toEqual({ None: {} });
    expect(common.Statement.ManagedRuleGroupStatement?.RuleActionOverrides).toEqual(
      COMMON_RULE_SET_COUNT_ONLY.map((name) => ({ Name: name, ActionToUse: { Count: {} } })),
    );
    expect(COMMON_RULE_SET_COUNT_ONLY).toEqual(['SizeRestrictions_BODY']);
  });

  it('cannot be turned off in prod', () => {
    expect(resolveWaf(stageConfig('prod'), undefined)).toBe(true);
    expect(resolveWaf(stageConfig('dev'), undefined)).toBe(false);
    expect(resolveWaf(stageConfig('dev'), true)).toBe(true);
    expect(() => synth({ stage: 'prod', alarmEmail: 'ops@example.com', wafEnabled: false })).toThrow(/WAF cannot be turned off in prod/);
  });
});

describe('deployment defaults: ALB access logs', () => {
  it('are written to their own bucket under a prefix', () => {
    const [bucketId] = ofType(prod.resources, 'AWS::S3::Bucket').find(([id]) => id.startsWith('AccessLogsBucket'))!;
    prod.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.bucket', Value: { Ref: bucketId } },
        { Key: 'access_logs.s3.prefix', Value: ACCESS_LOG_PREFIX },
      ]),
    });
  });

  it('go to an encrypted bucket with public access blocked, TLS enforced and expiry per stage', () => {
    for (const [synthesized, days] of [[prod, 90], [dev, 7]] as const) {
      const [, bucket] = ofType(synthesized.resources, 'AWS::S3::Bucket').find(([id]) => id.startsWith('AccessLogsBucket'))!;
      expect(bucket.Properties).toMatchObject({
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: days, Status: 'Enabled' })] },
      });
    }
  });

  it('may be written by the region\'s ELB account or the log delivery service, whatever the region, before logging starts', () => {
    const [bucketId] = ofType(prod.resources, 'AWS::S3::Bucket').find(([id]) => id.startsWith('AccessLogsBucket'))!;
    const [policyId, policy] = ofType(prod.resources, 'AWS::S3::BucketPolicy').find(
      ([, candidate]) => JSON.stringify(candidate.Properties?.Bucket) === JSON.stringify({ Ref: bucketId }),
    )!;
    const statements = (policy.Properties?.PolicyDocument as { Statement: Statement[] }).Statement;
    const writers = statements.filter((statement) => statement.Effect === 'Allow' && statement.Action === 's3:PutObject');
    // (CDK may merge the two grants into one statement with both principals.)
    const principals = Object.assign({}, ...writers.map((statement) => statement.Principal)) as Record<string, unknown>;
    expect(principals).toEqual({
      Service: LOG_DELIVERY_SERVICE_PRINCIPAL,
      AWS: expect.objectContaining({ 'Fn::If': expect.anything() }),
    });
    expect(JSON.stringify(writers[0]!.Resource)).toContain(`${ACCESS_LOG_PREFIX}/AWSLogs/`);
    // TLS only.
    expect(statements.some((statement) => statement.Effect === 'Deny' && JSON.stringify(statement).includes('aws:SecureTransport'))).toBe(true);
    // eu-west-1's ELB account from the mapping, not a synth-time lookup.
    const mappings = prod.template.toJSON().Mappings as Record<string, Record<string, { account: string }>>;
    const elbAccounts = Object.values(mappings).find((mapping) => mapping['eu-west-1']?.account);
    expect(elbAccounts?.['eu-west-1']?.account).toBe('156460612806');
    const [, loadBalancer] = ofType(prod.resources, 'AWS::ElasticLoadBalancingV2::LoadBalancer')[0]!;
    expect(loadBalancer.DependsOn).toContain(policyId);
  });
});

describe('deployment defaults: alarm subscription', () => {
  it('is required in prod: synth stops, before any resource, without an e-mail or a topic ARN', () => {
    expect(() => synth({ stage: 'prod' })).toThrow(/prod stage needs somewhere to send its alarms.*alarmEmail.*alarmTopicArn/);
    expect(() => checkAlarmSubscription(stageConfig('prod'))).toThrow(/alarmEmail/);
    expect(() => checkAlarmSubscription(stageConfig('prod'), 'ops@example.com')).not.toThrow();
    expect(() => checkAlarmSubscription(stageConfig('prod'), undefined, OPERATOR_TOPIC_ARN)).not.toThrow();
    expect(() => checkAlarmSubscription(stageConfig('dev'))).not.toThrow();
  });

  it('rejects an address or topic ARN that cannot be one', () => {
    expect(() => checkAlarmSubscription(stageConfig('prod'), 'ops')).toThrow(/alarmEmail/);
    expect(() => checkAlarmSubscription(stageConfig('prod'), undefined, 'ops-pager')).toThrow(/alarmTopicArn/);
    expect(() => checkAlarmSubscription(stageConfig('dev'), undefined, 'arn:aws:sqs:eu-west-1:123456789012:q')).toThrow(/SNS topic ARN/);
  });

  it('with a topic ARN, every alarm notifies the operator\'s topic as well as the stack\'s', () => {
    const alarms = ofType(staging.resources, 'AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties!);
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toHaveLength(2);
      expect(alarm.AlarmActions).toContain(OPERATOR_TOPIC_ARN);
      expect(alarm.OKActions).toContain(OPERATOR_TOPIC_ARN);
    }
  });
});

describe('deployment defaults: CloudWatch dashboard', () => {
  const body = (synthesized: ReturnType<typeof synth>) => {
    const [, dashboard] = ofType(synthesized.resources, 'AWS::CloudWatch::Dashboard')[0]!;
    expect(dashboard.Properties?.DashboardName).toBe(`storefront-${synthesized.stack.config.stage}-operations`);
    return JSON.stringify(dashboard.Properties?.DashboardBody);
  };

  it('shows requests, p99 latency, 5xx, overload, checkout, the tasks, the database and Redis', () => {
    const json = body(prod);
    for (const expected of [
      'RequestCount',
      'TargetResponseTime',
      '\\"stat\\":\\"p99\\"',
      'HTTPCode_Target_5XX_Count',
      'HTTPCode_ELB_5XX_Count',
      'HTTPCode_ELB_503_Count',
      'OrdersPlaced',
      'CheckoutFailures',
      'RequestsShed',
      'RateLimitRejections',
      'CPUUtilization',
      'RunningTaskCount',
      'DatabaseConnections',
      'FreeStorageSpace',
      'DatabaseMemoryUsagePercentage',
      'EngineCPUUtilization',
      'storefront-prod-redis-002',
      'BlockedRequests',
    ]) {
      expect(json, expected).toContain(expected);
    }
  });

  it('says which app series stay in Prometheus only', () => {
    const json = body(dev);
    for (const series of ['storefront_requests_in_progress', 'storefront_db_pool_', 'storefront_redis_errors_total']) expect(json).toContain(series);
    expect(json).toContain('infra/prometheus/');
  });

  it("reads the app's own figures from the namespace its tasks write their EMF lines to", () => {
    const json = body(prod);
    expect(json).toContain('Storefront/prod');
    const [, web] = ofType(prod.resources, 'AWS::ECS::TaskDefinition').find(([, task]) =>
      JSON.stringify(task.Properties?.ContainerDefinitions).includes('"Name":"web"'),
    )!;
    const environment = (web.Properties!.ContainerDefinitions as Array<{ Name: string; Environment: Array<{ Name: string; Value: string }> }>)
      .find((container) => container.Name === 'web')!.Environment;
    expect(environment).toContainEqual({ Name: 'METRICS_EMF_NAMESPACE', Value: 'Storefront/prod' });
    expect(ofType(prod.resources, 'AWS::Logs::MetricFilter')).toEqual([]);
  });

});

describe('deployment defaults: read-only root filesystem', () => {
  it('runs the web and migration containers on a read-only root filesystem', () => {
    for (const name of ['web', 'migrate']) {
      expect((container(prod.resources, name) as { ReadonlyRootFilesystem?: boolean }).ReadonlyRootFilesystem, name).toBe(true);
    }
  });

  it('mounts a writable task volume on each path the app writes (/tmp, Next\'s cache) and on ECS Exec\'s', () => {
    for (const [name, paths] of Object.entries(WRITABLE_PATHS)) {
      const definition = container(prod.resources, name) as ContainerDefinition & { MountPoints?: MountPoint[] };
      const mounts = Object.fromEntries((definition.MountPoints ?? []).map((mount) => [mount.ContainerPath, mount]));
      expect(Object.keys(mounts).sort(), name).toEqual(Object.values(paths).sort());
      for (const mount of Object.values(mounts)) expect(mount.ReadOnly).toBe(false);
      const volumes = (taskDefinitionOf(prod.resources, name).Properties?.Volumes as Array<{ Name: string }>).map((volume) => volume.Name);
      expect(volumes.sort()).toEqual(Object.keys(paths).sort());
    }
    expect(Object.values(WRITABLE_PATHS.web)).toEqual(expect.arrayContaining(['/tmp', '/app/.next/cache']));
  });

  it('keeps product images in the media bucket (S3_BUCKET, which the app reads), not on the task\'s disk', () => {
    const web = env(container(prod.resources, 'web'));
    const [bucketId] = ofType(prod.resources, 'AWS::S3::Bucket').find(([id]) => id.startsWith('MediaBucket'))!;
    expect(web.S3_BUCKET).toEqual({ Ref: bucketId });
    expect(web.S3_REGION).toEqual({ Ref: 'AWS::Region' });
    expect(Object.keys(web)).not.toContain('STORAGE_DIR');
  });
});
