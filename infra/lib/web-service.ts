import { Construct } from 'constructs';
import { Annotations, Duration, RemovalPolicy, Size, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import {
  ALB_IDLE_TIMEOUT_SECONDS,
  CONTAINER_PORT,
  CONTAINER_STOP_TIMEOUT_SECONDS,
  resourceName,
  SHUTDOWN_DRAIN_SECONDS,
  type StageConfig,
} from './config';
import { type EcrImageReference, storefrontImage } from './image';
import { MigrationRun } from './migration-run';

/** Same check as the Dockerfile's HEALTHCHECK: /api/health is liveness only and touches no dependency. */
export const CONTAINER_HEALTH_CHECK_COMMAND = [
  'CMD',
  'node',
  '-e',
  "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))",
];

/**
 * Writable paths on a read-only root filesystem, each an empty task-scoped volume. The app itself writes only
 * Next's cache (optimised images, ISR) and temporary files; the standalone server was run from a read-only copy as a
 * non-root user with only these paths writable (see docs/deploy.md) and served pages, images and a checkout. ECS Exec's
 * agent writes its state and logs under /var/lib/amazon and /var/log/amazon, so they are writable too.
 * The Dockerfile declares the app's paths as VOLUMEs: Fargate then gives each volume the image directory's owner
 * (the `node` user) instead of root.
 */
export const WRITABLE_PATHS = {
  web: { tmp: '/tmp', 'next-cache': '/app/.next/cache', 'ecs-exec-state': '/var/lib/amazon', 'ecs-exec-logs': '/var/log/amazon' },
  migrate: { tmp: '/tmp' },
} as const;

function mountWritableVolumes(
  taskDefinition: ecs.FargateTaskDefinition,
  container: ecs.ContainerDefinition,
  paths: Record<string, string>,
): void {
  for (const [name, containerPath] of Object.entries(paths)) {
    taskDefinition.addVolume({ name });
    container.addMountPoints({ sourceVolume: name, containerPath, readOnly: false });
  }
}

export const WEB_CONTAINER = 'web';
export const MIGRATE_CONTAINER = 'migrate';
export const TOOLS_CONTAINER = 'tools';

export type TaskSettings = {
  /** Environment shared by every task that runs the app image; DATABASE_POOL_MAX is set per task. */
  environment: Record<string, string>;
  secrets: Record<string, ecs.Secret>;
};

export type WebServiceProps = {
  config: StageConfig;
  vpc: ec2.IVpc;
  appSecurityGroup: ec2.ISecurityGroup;
  certificateArn: string;
  task: TaskSettings;
  /** Anything the migration task needs in place first (the database proxy and its targets). */
  migrationDependsOn: Construct[];
  /** Adds a `tools` task definition (full source image) for one-off commands such as `npm run db:seed`. */
  toolsTask: boolean;
  /** An app image already in ECR for the web and migration tasks; without it CDK builds infra/Dockerfile as an asset. */
  image?: EcrImageReference;
};

/** The ECS cluster, the web service behind an HTTPS ALB, its scaling, and the migration task run before rollouts. */
export class WebService extends Construct {
  readonly cluster: ecs.Cluster;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  readonly service: ecs.FargateService;
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly migrationTaskDefinition: ecs.FargateTaskDefinition;
  readonly toolsTaskDefinition?: ecs.FargateTaskDefinition;
  readonly migrationRun: MigrationRun;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: WebServiceProps) {
    super(scope, id);
    const { config, vpc, appSecurityGroup, task } = props;
    const { stage, service: sizing, database } = config;
    const appSubnets = vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS });

    this.cluster = new ecs.Cluster(this, 'Cluster', {
      clusterName: resourceName(stage, 'cluster'),
      vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/${resourceName(stage, 'app')}`,
      retention: config.logRetention,
      removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const logging = (streamPrefix: string) =>
      ecs.LogDrivers.awsLogs({
        logGroup: this.logGroup,
        streamPrefix,
        // A CloudWatch Logs hiccup must not block the app's stdout (and with it, request handling).
        mode: ecs.AwsLogDriverMode.NON_BLOCKING,
        maxBufferSize: Size.mebibytes(25),
      });
    const runtimePlatform = {
      cpuArchitecture: ecs.CpuArchitecture.X86_64,
      operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
    };
    // The given image by its exact reference (fromRegistry, so the template names it verbatim and synth needs no
    // lookup), else an asset build of the runtime stage.
    const image = props.image ? ecs.ContainerImage.fromRegistry(props.image.uri) : storefrontImage('runtime');

    // --- Web service task ----------------------------------------------------------------------------------------

    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'WebTask', {
      family: resourceName(stage, 'web'),
      cpu: sizing.cpu,
      memoryLimitMiB: sizing.memoryMiB,
      runtimePlatform,
    });
    const webContainer = this.taskDefinition.addContainer(WEB_CONTAINER, {
      containerName: WEB_CONTAINER,
      image,
      essential: true,
      portMappings: [{ containerPort: CONTAINER_PORT, name: 'http' }],
      environment: {
        ...task.environment,
        DATABASE_POOL_MAX: String(database.poolMaxPerTask),
        // Leave a quarter of the task's memory to buffers, native modules (sharp) and the runtime outside the heap.
        NODE_OPTIONS: `--max-old-space-size=${Math.floor(sizing.memoryMiB * 0.75)}`,
      },
      secrets: task.secrets,
      logging: logging(WEB_CONTAINER),
      healthCheck: {
        command: CONTAINER_HEALTH_CHECK_COMMAND,
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        retries: 3,
        startPeriod: Duration.seconds(30),
      },
      // SIGTERM → drain → exit; SIGKILL only after the drain and a grace period.
      stopTimeout: Duration.seconds(CONTAINER_STOP_TIMEOUT_SECONDS),
      // The image (server code, node_modules) cannot be changed at run time; WRITABLE_PATHS are volumes.
      readonlyRootFilesystem: true,
      // An init process as PID 1 forwards SIGTERM to node and reaps zombies.
      linuxParameters: new ecs.LinuxParameters(this, 'WebLinuxParameters', { initProcessEnabled: true }),
    });

    // --- Migration task: same image, runs `node migrate.mjs` and exits --------------------------------------------

    this.migrationTaskDefinition = new ecs.FargateTaskDefinition(this, 'MigrationTask', {
      family: resourceName(stage, 'migrate'),
      cpu: 256,
      memoryLimitMiB: 512,
      runtimePlatform,
    });
    const migrateContainer = this.migrationTaskDefinition.addContainer(MIGRATE_CONTAINER, {
      containerName: MIGRATE_CONTAINER,
      image,
      essential: true,
      command: ['node', 'migrate.mjs'],
      environment: { ...task.environment, DATABASE_POOL_MAX: String(database.migrationPoolMax) },
      secrets: task.secrets,
      logging: logging(MIGRATE_CONTAINER),
      readonlyRootFilesystem: true,
    });
    mountWritableVolumes(this.taskDefinition, webContainer, WRITABLE_PATHS.web);
    mountWritableVolumes(this.migrationTaskDefinition, migrateContainer, WRITABLE_PATHS.migrate);

    if (props.image) {
      // fromRegistry grants nothing (it assumes a public registry), so the execution roles get pull rights on the
      // named repository here; the ARN comes from the reference, not from a lookup.
      const repository = ecr.Repository.fromRepositoryAttributes(this, 'ImageRepository', {
        repositoryName: props.image.repositoryName,
        repositoryArn: Stack.of(this).formatArn({
          service: 'ecr',
          account: props.image.account,
          region: props.image.region,
          resource: 'repository',
          resourceName: props.image.repositoryName,
        }),
      });
      for (const taskDefinition of [this.taskDefinition, this.migrationTaskDefinition]) {
        repository.grantPull(taskDefinition.obtainExecutionRole());
      }
      for (const container of [webContainer, migrateContainer]) {
        Annotations.of(container).acknowledgeWarning(
          '@aws-cdk/aws-ecs:ecrImageRequiresPolicy',
          'Pull rights on the repository are granted to the execution role just above',
        );
      }
    }

    this.migrationRun = new MigrationRun(this, 'MigrationRun', {
      cluster: this.cluster,
      taskDefinition: this.migrationTaskDefinition,
      containerName: MIGRATE_CONTAINER,
      subnets: appSubnets.subnets,
      securityGroups: [appSecurityGroup],
      logGroup: this.logGroup,
      logStreamPrefix: MIGRATE_CONTAINER,
      logRetention: config.logRetention,
    });
    for (const dependency of props.migrationDependsOn) this.migrationRun.node.addDependency(dependency);
    // The task needs its routes to ECR and Secrets Manager (NAT) before it can start.
    this.migrationRun.node.addDependency(vpc);

    // --- One-off tools task (optional) ---------------------------------------------------------------------------

    if (props.toolsTask) {
      this.toolsTaskDefinition = new ecs.FargateTaskDefinition(this, 'ToolsTask', {
        family: resourceName(stage, 'tools'),
        cpu: 1024,
        memoryLimitMiB: 2048,
        runtimePlatform,
      });
      this.toolsTaskDefinition.addContainer(TOOLS_CONTAINER, {
        containerName: TOOLS_CONTAINER,
        image: storefrontImage('tools'),
        essential: true,
        command: ['npm', 'run', 'db:seed'],
        environment: { ...task.environment, DATABASE_POOL_MAX: String(database.migrationPoolMax) },
        secrets: task.secrets,
        logging: logging(TOOLS_CONTAINER),
      });
    }

    // --- Load balancer -----------------------------------------------------------------------------------------

    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      loadBalancerName: resourceName(stage, 'alb'),
      vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      idleTimeout: Duration.seconds(ALB_IDLE_TIMEOUT_SECONDS),
      dropInvalidHeaderFields: true,
      deletionProtection: config.deletionProtection,
    });

    this.targetGroup = new elbv2.ApplicationTargetGroup(this, 'WebTargets', {
      vpc,
      port: CONTAINER_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      // In-flight requests get the app's drain time to finish once a task is deregistered.
      deregistrationDelay: Duration.seconds(SHUTDOWN_DRAIN_SECONDS),
      healthCheck: {
        // Readiness (database and Redis): a task that cannot serve gets no traffic. ECS also replaces targets the
        // ALB keeps unhealthy, so the threshold allows a short dependency blip; when every target is unhealthy the
        // ALB fails open and keeps routing to all of them.
        path: '/api/ready',
        healthyHttpCodes: '200',
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 4,
      },
    });

    this.loadBalancer.addListener('Https', {
      port: 443,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [elbv2.ListenerCertificate.fromArn(props.certificateArn)],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      defaultTargetGroups: [this.targetGroup],
      open: true,
    });
    this.loadBalancer.addRedirect({ sourcePort: 80, sourceProtocol: elbv2.ApplicationProtocol.HTTP, targetPort: 443 });

    // --- Service -------------------------------------------------------------------------------------------------

    appSecurityGroup.connections.allowFrom(this.loadBalancer, ec2.Port.tcp(CONTAINER_PORT), 'ALB to app tasks');

    this.service = new ecs.FargateService(this, 'Service', {
      serviceName: resourceName(stage, 'web'),
      cluster: this.cluster,
      taskDefinition: this.taskDefinition,
      // No desiredCount: a deploy keeps the count autoscaling chose instead of resetting it to the minimum.
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [appSecurityGroup],
      assignPublicIp: false,
      minHealthyPercent: 100,
      maxHealthyPercent: sizing.deploymentMaxPercent,
      circuitBreaker: { enable: true, rollback: true },
      healthCheckGracePeriod: Duration.seconds(60),
      enableExecuteCommand: true,
      propagateTags: ecs.PropagatedTagSource.SERVICE,
    });
    this.service.attachToApplicationTargetGroup(this.targetGroup);
    // Migrations first, then the rollout.
    this.service.node.addDependency(this.migrationRun);

    const scaling = this.service.autoScaleTaskCount({ minCapacity: sizing.minTasks, maxCapacity: sizing.maxTasks });
    const cooldowns = { scaleOutCooldown: Duration.seconds(60), scaleInCooldown: Duration.minutes(5) };
    scaling.scaleOnCpuUtilization('CpuScaling', { targetUtilizationPercent: 70, ...cooldowns });
    scaling.scaleOnMemoryUtilization('MemoryScaling', { targetUtilizationPercent: 80, ...cooldowns });
    scaling.scaleOnRequestCount('RequestScaling', {
      requestsPerTarget: sizing.requestsPerTargetPerMinute,
      targetGroup: this.targetGroup,
      ...cooldowns,
    });
  }
}
