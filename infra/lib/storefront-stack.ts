import type { Construct } from 'constructs';
import { CfnOutput, CfnParameter, Fn, Stack, type StackProps, Tags, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import { AccessLogs } from './access-logs';
import { Alarms } from './alarms';
import {
  APP_NAME,
  DATABASE_NAME,
  DATABASE_PORT,
  NODE_KEEP_ALIVE_TIMEOUT_MS,
  SHUTDOWN_DRAIN_SECONDS,
  type Stage,
  type StageConfig,
  stageConfig,
} from './config';
import { computeConnectionBudget, type ConnectionBudget } from './connection-budget';
import { appMetricsNamespace, OperationsDashboard } from './dashboard';
import { DataStores } from './data-stores';
import { parseEcrImageUri } from './image';
import { MediaStorage } from './media';
import { AppSecrets } from './secrets';
import { WebFirewall } from './waf';
import { MIGRATE_CONTAINER, WebService } from './web-service';

export type StorefrontStackProps = StackProps & {
  stage: Stage;
  /** Defaults to the shipped configuration for the stage. */
  config?: StageConfig;
  /** ACM certificate for the HTTPS listener; without it the stack takes a `CertificateArn` parameter. */
  certificateArn?: string;
  /** The shop's host name (SITE_URL is https://domainName); without it the stack takes a `DomainName` parameter. */
  domainName?: string;
  /** A Route 53 public hosted zone to create the alias record for domainName in (needs domainName). */
  hostedZone?: { id: string; name: string };
  /** The WAF web ACL on the load balancer; unset means the stage's default (on in prod, where it cannot be turned off). */
  wafEnabled?: boolean;
  /** Subscribed to the alarm topic. Prod needs this or alarmTopicArn. */
  alarmEmail?: string;
  /** An existing SNS topic (paging, chat) every alarm also notifies. Prod needs this or alarmEmail. */
  alarmTopicArn?: string;
  /** ADMIN_EMAIL of the first admin account; the app's default applies when unset. */
  adminEmail?: string;
  /** Adds the `tools` task definition for one-off commands (demo data seeding). */
  toolsTask?: boolean;
  /** OTLP/HTTP collector for traces (OTEL_EXPORTER_OTLP_ENDPOINT); without it the app loads no tracing code. */
  otlpEndpoint?: string;
  /**
   * An app image already in ECR (`<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:…`, or `:<tag>`) to run
   * instead of building infra/Dockerfile as a CDK asset: the pipeline passes the image it scanned and pushed.
   */
  imageUri?: string;
};

const CERTIFICATE_ARN_PATTERN = '^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$';
const DOMAIN_NAME_PATTERN = '^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$';
const SNS_TOPIC_ARN_PATTERN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;
// Deliberately loose: SNS itself validates the address (and the owner confirms it).
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Where alarms go, checked before any resource: a stage that requires a subscription (prod) does not synthesize
 * without one, so no production stack can alarm into a topic nobody reads.
 */
export function checkAlarmSubscription(config: StageConfig, alarmEmail?: string, alarmTopicArn?: string): void {
  if (alarmEmail !== undefined && !EMAIL_PATTERN.test(alarmEmail)) {
    throw new Error(`alarmEmail ${JSON.stringify(alarmEmail)} is not an e-mail address`);
  }
  if (alarmTopicArn !== undefined && !SNS_TOPIC_ARN_PATTERN.test(alarmTopicArn)) {
    throw new Error(`alarmTopicArn ${JSON.stringify(alarmTopicArn)} is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)`);
  }
  if (config.requireAlarmSubscription && !alarmEmail && !alarmTopicArn) {
    throw new Error(
      `The ${config.stage} stage needs somewhere to send its alarms: give -c alarmEmail=<address> ` +
        '(subscribed to the alarm topic) or -c alarmTopicArn=arn:aws:sns:<region>:<account>:<topic> (an existing topic ' +
        'every alarm also notifies), or both.',
    );
  }
}

/** The stage's WAF default, or the explicit choice; a stage that requires the WAF refuses to run without it. */
export function resolveWaf(config: StageConfig, wafEnabled: boolean | undefined): boolean {
  if (config.waf === 'required') {
    if (wafEnabled === false) throw new Error(`The WAF cannot be turned off in ${config.stage} (waf=false was given)`);
    return true;
  }
  return wafEnabled ?? false;
}

/** OTEL_EXPORTER_OTLP_ENDPOINT is an OTLP/HTTP base URL; checked here so a typo fails the synth, not the task's boot. */
function checkOtlpEndpoint(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`otlpEndpoint ${JSON.stringify(value)} is not a URL (e.g. http://collector.internal:4318)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`otlpEndpoint ${JSON.stringify(value)} must be an http(s) URL (OTLP/HTTP)`);
  }
  return value;
}

/** A literal from the CDK context when given (validated now), else a CloudFormation parameter set at deploy time. */
function contextOrParameter(
  scope: Construct,
  value: string | undefined,
  parameterId: string,
  description: string,
  pattern: string,
): string {
  if (value !== undefined) {
    if (!new RegExp(pattern).test(value)) throw new Error(`${parameterId} ${JSON.stringify(value)} does not match ${pattern}`);
    return value;
  }
  return new CfnParameter(scope, parameterId, { type: 'String', description, allowedPattern: pattern }).valueAsString;
}

/** One stage of the storefront: network, data stores, the web service and its migration task, media, alarms. */
export class StorefrontStack extends Stack {
  readonly config: StageConfig;
  readonly budget: ConnectionBudget;
  readonly web: WebService;
  readonly data: DataStores;
  readonly media: MediaStorage;
  readonly alarms: Alarms;
  readonly firewall?: WebFirewall;
  readonly accessLogs: AccessLogs;
  readonly dashboard: OperationsDashboard;

  constructor(scope: Construct, id: string, props: StorefrontStackProps) {
    super(scope, id, {
      description: `Storefront (${props.stage}): Next.js on ECS Fargate, RDS PostgreSQL via RDS Proxy, ElastiCache Redis`,
      terminationProtection: props.stage === 'prod',
      ...props,
    });
    const config = props.config ?? stageConfig(props.stage);
    if (config.stage !== props.stage) throw new Error(`Config for ${config.stage} given to the ${props.stage} stack`);
    this.config = config;
    const { stage } = config;

    // Checked before any resource, like the connection budget below.
    checkAlarmSubscription(config, props.alarmEmail, props.alarmTopicArn);
    const wafEnabled = resolveWaf(config, props.wafEnabled);
    const image = props.imageUri === undefined ? undefined : parseEcrImageUri(props.imageUri);

    // First, before any resource: a fleet that could exhaust the database's connections does not synthesize.
    this.budget = computeConnectionBudget({
      instanceClass: config.database.instanceClass,
      proxyMaxConnectionsPercent: config.database.proxyMaxConnectionsPercent,
      maxTasks: config.service.maxTasks,
      deploymentMaxPercent: config.service.deploymentMaxPercent,
      poolMaxPerTask: config.database.poolMaxPerTask,
      migrationPoolMax: config.database.migrationPoolMax,
      adminSessions: config.database.adminSessions,
    });

    Tags.of(this).add('Application', APP_NAME);
    Tags.of(this).add('Stage', stage);

    const certificateArn = contextOrParameter(
      this,
      props.certificateArn,
      'CertificateArn',
      'ARN of the ACM certificate (same region as the stack) for the shop domain',
      CERTIFICATE_ARN_PATTERN,
    );
    const domainName = contextOrParameter(
      this,
      props.domainName,
      'DomainName',
      'Host name of the shop, e.g. shop.example.com (SITE_URL becomes https://<DomainName>)',
      DOMAIN_NAME_PATTERN,
    );
    const siteUrl = Token.isUnresolved(domainName) ? Fn.join('', ['https://', domainName]) : `https://${domainName}`;

    // --- Network -----------------------------------------------------------------------------------------------

    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: config.natGateways,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
    });
    // Image layers (ECR serves them from S3) and media bypass the NAT gateways, which bill per GB.
    vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3 });

    const appSecurityGroup = new ec2.SecurityGroup(this, 'AppSecurityGroup', {
      vpc,
      description: 'Storefront app tasks (web service, migrations, one-off tasks)',
      allowAllOutbound: true,
    });

    // --- Data ----------------------------------------------------------------------------------------------------

    this.data = new DataStores(this, 'Data', { config, vpc, appSecurityGroup });
    const appSecrets = new AppSecrets(this, 'Secrets', { stage });
    this.media = new MediaStorage(this, 'Media', { config });

    // --- Web service ---------------------------------------------------------------------------------------------

    const environment: Record<string, string> = {
      NODE_ENV: 'production',
      SITE_URL: siteUrl,
      // Auth.js behind the ALB: the host header is the shop's, forwarded as is.
      AUTH_TRUST_HOST: 'true',
      // The ALB appends the client's address to X-Forwarded-For: one trusted hop (rate limits key on it; SECURITY.md).
      TRUSTED_PROXY_HOPS: '1',
      PGHOST: this.data.proxy.endpoint,
      PGPORT: String(DATABASE_PORT),
      PGDATABASE: DATABASE_NAME,
      // RDS Proxy requires TLS; postgres.js needs it said explicitly.
      PGSSLMODE: 'require',
      // Named prepared statements pin each client to one database connection behind RDS Proxy.
      DATABASE_PREPARED_STATEMENTS: 'false',
      DATABASE_CONNECT_TIMEOUT_S: '10',
      // The migration task applies migrations before each rollout; tasks never do it on start.
      DATABASE_MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'info',
      // Orders, checkout failures, shed requests and rate-limit refusals reach CloudWatch as EMF log lines (dashboard).
      METRICS_EMF_NAMESPACE: appMetricsNamespace(stage),
      // Next's standalone server reads this (ms): longer than the ALB idle timeout.
      KEEP_ALIVE_TIMEOUT: String(NODE_KEEP_ALIVE_TIMEOUT_MS),
      SHUTDOWN_DRAIN_S: String(SHUTDOWN_DRAIN_SECONDS),
      // Product images go to the media bucket (lib/storage reads S3_BUCKET; with it unset the app would write them
      // to the task's disk, lost on replacement and read-only here).
      S3_BUCKET: this.media.bucket.bucketName,
      S3_REGION: this.region,
      ...(props.adminEmail ? { ADMIN_EMAIL: props.adminEmail } : {}),
      // Tracing only where a collector is named: unset, the app loads no tracing code at all.
      ...(props.otlpEndpoint
        ? { OTEL_EXPORTER_OTLP_ENDPOINT: checkOtlpEndpoint(props.otlpEndpoint), OTEL_SERVICE_NAME: `${APP_NAME}-${stage}` }
        : {}),
    };
    const secrets: Record<string, ecs.Secret> = {
      PGUSER: ecs.Secret.fromSecretsManager(this.data.databaseSecret, 'username'),
      PGPASSWORD: ecs.Secret.fromSecretsManager(this.data.databaseSecret, 'password'),
      REDIS_URL: ecs.Secret.fromSecretsManager(this.data.redisUrl),
      AUTH_SECRET: ecs.Secret.fromSecretsManager(appSecrets.authSecret),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: ecs.Secret.fromSecretsManager(appSecrets.serverActionsKey),
      STRIPE_SECRET_KEY: ecs.Secret.fromSecretsManager(appSecrets.stripe, 'secretKey'),
      STRIPE_WEBHOOK_SECRET: ecs.Secret.fromSecretsManager(appSecrets.stripe, 'webhookSecret'),
      STRIPE_PUBLISHABLE_KEY: ecs.Secret.fromSecretsManager(appSecrets.stripe, 'publishableKey'),
      ADMIN_PASSWORD: ecs.Secret.fromSecretsManager(appSecrets.adminPassword),
      // Without it /api/metrics answers 404 in production.
      METRICS_TOKEN: ecs.Secret.fromSecretsManager(appSecrets.metricsToken),
    };

    this.web = new WebService(this, 'Web', {
      config,
      vpc,
      appSecurityGroup,
      certificateArn,
      task: { environment, secrets },
      migrationDependsOn: [this.data.database, this.data.proxy],
      toolsTask: props.toolsTask ?? false,
      image,
    });
    for (const taskDefinition of [this.web.taskDefinition, this.web.toolsTaskDefinition]) {
      if (taskDefinition) this.media.bucket.grantReadWrite(taskDefinition.taskRole);
    }

    if (props.hostedZone) {
      if (!props.domainName) throw new Error('hostedZone needs domainName (the record to create in it)');
      const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
        hostedZoneId: props.hostedZone.id,
        zoneName: props.hostedZone.name,
      });
      new route53.ARecord(this, 'ShopRecord', {
        zone,
        recordName: props.domainName,
        target: route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(this.web.loadBalancer)),
      });
    }

    // --- Protection and monitoring ---------------------------------------------------------------------------------

    this.accessLogs = new AccessLogs(this, 'AccessLogs', { config, loadBalancer: this.web.loadBalancer });

    if (wafEnabled) {
      this.firewall = new WebFirewall(this, 'Firewall', {
        stage,
        loadBalancerArn: this.web.loadBalancer.loadBalancerArn,
      });
    }

    this.alarms = new Alarms(this, 'Alarms', {
      config,
      budget: this.budget,
      loadBalancer: this.web.loadBalancer,
      targetGroup: this.web.targetGroup,
      service: this.web.service,
      database: this.data.database,
      redisNodeIds: this.data.redisNodeIds,
      alarmEmail: props.alarmEmail,
      alarmTopicArn: props.alarmTopicArn,
    });
    // A version that starts answering 5xx is rolled back by ECS, even when its tasks pass health checks.
    // By its literal name: a Ref would make CDK warn about a possible cycle (this alarm watches the ALB, not the
    // service, so there is none).
    this.web.service.enableDeploymentAlarms([this.alarms.http5xxRateAlarmName]);
    this.web.service.node.addDependency(this.alarms.http5xxRate);

    this.dashboard = new OperationsDashboard(this, 'Dashboard', {
      stage,
      loadBalancer: this.web.loadBalancer,
      targetGroup: this.web.targetGroup,
      service: this.web.service,
      clusterName: this.web.cluster.clusterName,
      database: this.data.database,
      databaseProxyName: this.data.proxy.dbProxyName,
      redisNodeIds: this.data.redisNodeIds,
      wafAclName: this.firewall?.webAclName,
    });

    // --- Outputs -------------------------------------------------------------------------------------------------

    const output = (outputId: string, value: string, description: string) =>
      new CfnOutput(this, outputId, { value, description });
    output('SiteUrl', siteUrl, 'SITE_URL of the shop');
    output('LoadBalancerDnsName', this.web.loadBalancer.loadBalancerDnsName, 'Point the shop domain here (CNAME or alias)');
    output('MediaCdnDomain', this.media.distribution.distributionDomainName, 'CloudFront domain for product images');
    output('MediaBucketName', this.media.bucket.bucketName, 'S3 bucket for product images');
    output('ClusterName', this.web.cluster.clusterName, 'ECS cluster');
    output('ServiceName', this.web.service.serviceName, 'ECS web service');
    output('LogGroupName', this.web.logGroup.logGroupName, 'CloudWatch Logs group of the app, migration and tools tasks');
    output('DatabaseProxyEndpoint', this.data.proxy.endpoint, 'PGHOST of the app (RDS Proxy, TLS required)');
    output('AlarmTopicArn', this.alarms.topic.topicArn, 'SNS topic the alarms notify');
    output('AccessLogBucketName', this.accessLogs.bucket.bucketName, 'S3 bucket of the load balancer access logs');
    output('DashboardName', this.dashboard.dashboard.dashboardName, 'CloudWatch dashboard of this stage');
    const appSubnets = vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }).subnetIds;
    // Single-quoted: the value holds braces and commas, which the shell would otherwise expand.
    const runTaskCommand = (family: string) =>
      Fn.join('', [
        'aws ecs run-task --launch-type FARGATE --cluster ',
        this.web.cluster.clusterName,
        ' --task-definition ',
        family,
        " --network-configuration 'awsvpcConfiguration={subnets=[",
        Fn.join(',', appSubnets),
        '],securityGroups=[',
        appSecurityGroup.securityGroupId,
        "],assignPublicIp=DISABLED}'",
      ]);
    output(
      'RunMigrationCommand',
      runTaskCommand(this.web.migrationTaskDefinition.family),
      `Runs the migrations by hand (container ${MIGRATE_CONTAINER}); every deploy already runs them first`,
    );
    if (this.web.toolsTaskDefinition) {
      output(
        'RunSeedCommand',
        runTaskCommand(this.web.toolsTaskDefinition.family),
        'Loads demo data (npm run db:seed) into this stage',
      );
    }
  }
}
