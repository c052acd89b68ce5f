import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export const APP_NAME = 'storefront';

export const STAGES = ['dev', 'staging', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

export function parseStage(value: unknown): Stage {
  if (typeof value === 'string' && (STAGES as readonly string[]).includes(value)) return value as Stage;
  throw new Error(`Unknown stage ${JSON.stringify(value)}: expected one of ${STAGES.join(', ')}`);
}

/**
 * The one graceful-shutdown number. The ALB keeps in-flight requests on a draining target for this long
 * (deregistration delay), and the app is given the same time to finish work after SIGTERM.
 */
export const SHUTDOWN_DRAIN_SECONDS = 25;
/** Time after the drain for closing pools and flushing logs before ECS sends SIGKILL. */
export const SHUTDOWN_EXIT_GRACE_SECONDS = 5;
/** ECS container stopTimeout; Fargate caps it at 120 s. */
export const CONTAINER_STOP_TIMEOUT_SECONDS = SHUTDOWN_DRAIN_SECONDS + SHUTDOWN_EXIT_GRACE_SECONDS;

/** ALB idle timeout. Node's keep-alive must outlast it, or the ALB reuses sockets Node already closed (sporadic 502s). */
export const ALB_IDLE_TIMEOUT_SECONDS = 60;
export const NODE_KEEP_ALIVE_TIMEOUT_MS = (ALB_IDLE_TIMEOUT_SECONDS + 5) * 1000;

export const CONTAINER_PORT = 3000;
export const DATABASE_NAME = 'storefront';
export const DATABASE_PORT = 5432;
export const REDIS_PORT = 6379;

export type StageConfig = {
  stage: Stage;
  natGateways: number;
  service: {
    /** Fargate CPU units (1024 = 1 vCPU) and memory. */
    cpu: number;
    memoryMiB: number;
    minTasks: number;
    maxTasks: number;
    /** ECS may run this percentage of the desired count while a deployment overlaps old and new tasks. */
    deploymentMaxPercent: number;
    /** ALBRequestCountPerTarget is a per-minute sum. */
    requestsPerTargetPerMinute: number;
  };
  database: {
    instanceClass: string;
    allocatedStorageGiB: number;
    maxAllocatedStorageGiB: number;
    multiAz: boolean;
    /** Days of automated backups; point-in-time restore covers the same window. */
    backupRetentionDays: number;
    enhancedMonitoring: boolean;
    /** DATABASE_POOL_MAX for each app task. */
    poolMaxPerTask: number;
    /** DATABASE_POOL_MAX for the one-off migration task. */
    migrationPoolMax: number;
    /** Sessions kept free for operators (psql through the proxy, one-off seed task). */
    adminSessions: number;
    proxyMaxConnectionsPercent: number;
    proxyMaxIdleConnectionsPercent: number;
  };
  redis: {
    nodeType: string;
    replicas: number;
    snapshotRetentionDays: number;
  };
  logRetention: RetentionDays;
  /** Days the load balancer's access logs are kept in their S3 bucket. */
  accessLogRetentionDays: number;
  /**
   * The AWS WAF web ACL on the load balancer by default (the `waf` context flag can turn it on elsewhere). A stage
   * that requires it refuses `waf=false`.
   */
  waf: 'required' | 'optional';
  /** Synth refuses the stage without somewhere to send alarms (an e-mail address or an SNS topic ARN). */
  requireAlarmSubscription: boolean;
  /** Keep data stores (snapshot the database, retain buckets) when the stack is deleted. */
  retainData: boolean;
  /** Deletion protection on the database and the load balancer: deleting either takes a deliberate extra step. */
  deletionProtection: boolean;
};

const STAGE_CONFIGS: Record<Stage, StageConfig> = {
  dev: {
    stage: 'dev',
    natGateways: 1,
    service: {
      cpu: 512,
      memoryMiB: 1024,
      minTasks: 1,
      maxTasks: 2,
      deploymentMaxPercent: 200,
      requestsPerTargetPerMinute: 3_000,
    },
    database: {
      instanceClass: 'db.t4g.small',
      allocatedStorageGiB: 20,
      maxAllocatedStorageGiB: 50,
      multiAz: false,
      backupRetentionDays: 1,
      enhancedMonitoring: false,
      poolMaxPerTask: 10,
      migrationPoolMax: 2,
      adminSessions: 5,
      proxyMaxConnectionsPercent: 90,
      proxyMaxIdleConnectionsPercent: 50,
    },
    redis: { nodeType: 'cache.t4g.micro', replicas: 0, snapshotRetentionDays: 0 },
    logRetention: RetentionDays.ONE_WEEK,
    accessLogRetentionDays: 7,
    waf: 'optional',
    requireAlarmSubscription: false,
    retainData: false,
    deletionProtection: false,
  },
  staging: {
    stage: 'staging',
    natGateways: 1,
    service: {
      cpu: 1024,
      memoryMiB: 2048,
      minTasks: 2,
      maxTasks: 4,
      deploymentMaxPercent: 200,
      requestsPerTargetPerMinute: 6_000,
    },
    database: {
      instanceClass: 'db.t4g.medium',
      allocatedStorageGiB: 20,
      maxAllocatedStorageGiB: 100,
      multiAz: false,
      backupRetentionDays: 7,
      enhancedMonitoring: false,
      poolMaxPerTask: 10,
      migrationPoolMax: 2,
      adminSessions: 5,
      proxyMaxConnectionsPercent: 90,
      proxyMaxIdleConnectionsPercent: 50,
    },
    redis: { nodeType: 'cache.t4g.small', replicas: 0, snapshotRetentionDays: 0 },
    logRetention: RetentionDays.ONE_MONTH,
    accessLogRetentionDays: 30,
    waf: 'optional',
    requireAlarmSubscription: false,
    retainData: true,
    deletionProtection: false,
  },
  prod: {
    stage: 'prod',
    // One NAT per AZ: losing an AZ must not cut the other AZ's tasks off from ECR, Secrets Manager and S3.
    natGateways: 2,
    service: {
      cpu: 1024,
      memoryMiB: 2048,
      minTasks: 2,
      maxTasks: 10,
      deploymentMaxPercent: 200,
      // ≈100 req/s per 1-vCPU task: well under what one vCPU renders for a DB-backed dynamic page,
      // so request-count scaling acts before CPU saturates on cheap (cached) traffic bursts.
      requestsPerTargetPerMinute: 6_000,
    },
    database: {
      instanceClass: 'db.r7g.large',
      allocatedStorageGiB: 100,
      maxAllocatedStorageGiB: 1000,
      multiAz: true,
      backupRetentionDays: 14,
      enhancedMonitoring: true,
      poolMaxPerTask: 10,
      migrationPoolMax: 2,
      adminSessions: 10,
      proxyMaxConnectionsPercent: 90,
      proxyMaxIdleConnectionsPercent: 50,
    },
    redis: { nodeType: 'cache.m7g.large', replicas: 1, snapshotRetentionDays: 1 },
    logRetention: RetentionDays.THREE_MONTHS,
    accessLogRetentionDays: 90,
    waf: 'required',
    requireAlarmSubscription: true,
    retainData: true,
    deletionProtection: true,
  },
};

export function stageConfig(stage: Stage): StageConfig {
  // A deep copy, so a caller adjusting its config (tests, overrides) never changes the shipped one.
  return structuredClone(STAGE_CONFIGS[stage]);
}

/** Names of AWS resources that need a fixed name (secrets, alarms, log groups): `storefront-prod-…`. */
export function resourceName(stage: Stage, suffix: string): string {
  return `${APP_NAME}-${stage}-${suffix}`;
}
