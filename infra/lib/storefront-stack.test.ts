import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from './test-app';
import {
  ALB_IDLE_TIMEOUT_SECONDS,
  CONTAINER_STOP_TIMEOUT_SECONDS,
  SHUTDOWN_DRAIN_SECONDS,
  SHUTDOWN_EXIT_GRACE_SECONDS,
} from './config';
import { StorefrontStack, type StorefrontStackProps } from './storefront-stack';

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
  staging = synth({ stage: 'staging', otlpEndpoint: OTLP_ENDPOINT, imageUri: IMAGE_URI });
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
  it('attaches a WAF with a per-IP rate limit to the ALB only when enabled', () => {
    dev.template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    prod.template.resourceCountIs('AWS::WAFv2::WebACL', 0);
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
