import { Construct } from 'constructs';
import { Duration, Fn, RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as rds from 'aws-cdk-lib/aws-rds';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { DATABASE_NAME, DATABASE_PORT, REDIS_PORT, resourceName, type StageConfig } from './config';
import { secretName } from './secrets';

export type DataStoresProps = {
  config: StageConfig;
  vpc: ec2.IVpc;
  /** Security group of everything that runs the app image (service, migration and one-off tasks). */
  appSecurityGroup: ec2.ISecurityGroup;
};

/** PostgreSQL behind RDS Proxy, and Redis, each reachable only from the app's security group. */
export class DataStores extends Construct {
  readonly database: rds.DatabaseInstance;
  readonly databaseSecret: ISecret;
  readonly proxy: rds.DatabaseProxy;
  readonly redis: elasticache.CfnReplicationGroup;
  readonly redisAuthToken: Secret;
  /** REDIS_URL (`rediss://:token@host:port`), composed by CloudFormation so the token never appears in the template. */
  readonly redisUrl: Secret;
  /** CacheClusterIds of the Redis nodes (primary first), for per-node alarms. */
  readonly redisNodeIds: string[];

  constructor(scope: Construct, id: string, props: DataStoresProps) {
    super(scope, id);
    const { config, vpc, appSecurityGroup } = props;
    const { stage, database: db, redis } = config;
    const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };

    // --- PostgreSQL -------------------------------------------------------------------------------------------

    // Major version only: RDS picks the current minor and autoMinorVersionUpgrade keeps it patched without the
    // template fighting the upgrade.
    const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.of('17', '17') });
    const parameterGroup = new rds.ParameterGroup(this, 'DatabaseParameters', {
      engine,
      description: `${resourceName(stage, 'db')} parameters`,
      parameters: {
        // The default on PostgreSQL 15+; stated so nobody loosens it by accident.
        'rds.force_ssl': '1',
        log_min_duration_statement: '1000',
        // A client that dies inside a transaction must not hold locks (and a proxy connection) forever.
        idle_in_transaction_session_timeout: '60000',
      },
    });

    const databaseSecurityGroup = new ec2.SecurityGroup(this, 'DatabaseSecurityGroup', {
      vpc,
      description: 'PostgreSQL: reachable from RDS Proxy only',
      allowAllOutbound: false,
    });

    this.database = new rds.DatabaseInstance(this, 'Database', {
      instanceIdentifier: resourceName(stage, 'db'),
      engine,
      instanceType: new ec2.InstanceType(db.instanceClass.replace(/^db\./, '')),
      vpc,
      vpcSubnets: isolated,
      securityGroups: [databaseSecurityGroup],
      credentials: rds.Credentials.fromGeneratedSecret('storefront', { secretName: secretName(stage, 'database') }),
      databaseName: DATABASE_NAME,
      port: DATABASE_PORT,
      parameterGroup,
      multiAz: db.multiAz,
      storageType: rds.StorageType.GP3,
      allocatedStorage: db.allocatedStorageGiB,
      maxAllocatedStorage: db.maxAllocatedStorageGiB,
      storageEncrypted: true,
      // Automated backups with this retention also give point-in-time restore over the same window.
      backupRetention: Duration.days(db.backupRetentionDays),
      preferredBackupWindow: '03:00-04:00',
      preferredMaintenanceWindow: 'sun:04:30-sun:05:30',
      deleteAutomatedBackups: !config.retainData,
      deletionProtection: config.deletionProtection,
      removalPolicy: config.retainData ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY,
      copyTagsToSnapshot: true,
      autoMinorVersionUpgrade: true,
      enablePerformanceInsights: true,
      performanceInsightRetention: rds.PerformanceInsightRetention.DEFAULT,
      monitoringInterval: db.enhancedMonitoring ? Duration.seconds(60) : undefined,
      cloudwatchLogsExports: ['postgresql'],
      cloudwatchLogsRetention: config.logRetention,
      publiclyAccessible: false,
    });
    if (!this.database.secret) throw new Error('The database was created without a generated secret');
    this.databaseSecret = this.database.secret;

    // --- RDS Proxy ---------------------------------------------------------------------------------------------

    const proxySecurityGroup = new ec2.SecurityGroup(this, 'ProxySecurityGroup', {
      vpc,
      description: 'RDS Proxy: reachable from the app; reaches PostgreSQL and Secrets Manager',
      // The proxy fetches the database credentials from Secrets Manager over HTTPS.
      allowAllOutbound: true,
    });
    proxySecurityGroup.addIngressRule(appSecurityGroup, ec2.Port.tcp(DATABASE_PORT), 'App tasks to RDS Proxy');
    databaseSecurityGroup.addIngressRule(proxySecurityGroup, ec2.Port.tcp(DATABASE_PORT), 'RDS Proxy to PostgreSQL');

    this.proxy = this.database.addProxy('Proxy', {
      dbProxyName: resourceName(stage, 'db-proxy'),
      secrets: [this.databaseSecret],
      vpc,
      // Private subnets with egress, not isolated ones: the proxy must reach Secrets Manager.
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [proxySecurityGroup],
      requireTLS: true,
      iamAuth: false,
      maxConnectionsPercent: db.proxyMaxConnectionsPercent,
      maxIdleConnectionsPercent: db.proxyMaxIdleConnectionsPercent,
      borrowTimeout: Duration.seconds(30),
      idleClientTimeout: Duration.minutes(30),
    });

    // --- Redis -------------------------------------------------------------------------------------------------

    this.redisAuthToken = new Secret(this, 'RedisAuthToken', {
      secretName: secretName(stage, 'redis-auth-token'),
      description: 'ElastiCache AUTH token for the storefront Redis (alphanumeric, so it is safe inside a URL).',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });

    const redisSecurityGroup = new ec2.SecurityGroup(this, 'RedisSecurityGroup', {
      vpc,
      description: 'Redis: reachable from the app only',
      allowAllOutbound: false,
    });
    redisSecurityGroup.addIngressRule(appSecurityGroup, ec2.Port.tcp(REDIS_PORT), 'App tasks to Redis');

    const redisSubnets = new elasticache.CfnSubnetGroup(this, 'RedisSubnets', {
      cacheSubnetGroupName: resourceName(stage, 'redis'),
      description: `${resourceName(stage, 'redis')} subnets`,
      subnetIds: vpc.selectSubnets(isolated).subnetIds,
    });

    const replicationGroupId = resourceName(stage, 'redis');
    const nodeCount = 1 + redis.replicas;
    this.redis = new elasticache.CfnReplicationGroup(this, 'Redis', {
      replicationGroupId,
      replicationGroupDescription: `Storefront ${stage}: cache, rate limits`,
      engine: 'redis',
      engineVersion: '7.1',
      cacheNodeType: redis.nodeType,
      // Cluster mode off: one shard, a primary and `replicas` read replicas behind one primary endpoint.
      numCacheClusters: nodeCount,
      automaticFailoverEnabled: redis.replicas > 0,
      multiAzEnabled: redis.replicas > 0,
      port: REDIS_PORT,
      cacheSubnetGroupName: redisSubnets.ref,
      securityGroupIds: [redisSecurityGroup.securityGroupId],
      atRestEncryptionEnabled: true,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      // A dynamic reference: CloudFormation resolves it at deploy time; the template holds only the secret's ARN.
      authToken: this.redisAuthToken.secretValue.unsafeUnwrap(),
      snapshotRetentionLimit: redis.snapshotRetentionDays,
      autoMinorVersionUpgrade: true,
      preferredMaintenanceWindow: 'sun:05:30-sun:06:30',
    });
    this.redisNodeIds = Array.from({ length: nodeCount }, (_, index) =>
      `${replicationGroupId}-${String(index + 1).padStart(3, '0')}`,
    );

    this.redisUrl = new Secret(this, 'RedisUrl', {
      secretName: secretName(stage, 'redis-url'),
      description: 'REDIS_URL for the storefront (TLS, with the AUTH token). Re-deploy after rotating the token.',
      secretStringValue: SecretValue.unsafePlainText(
        Fn.join('', [
          'rediss://:',
          this.redisAuthToken.secretValue.unsafeUnwrap(),
          '@',
          this.redis.attrPrimaryEndPointAddress,
          ':',
          this.redis.attrPrimaryEndPointPort,
        ]),
      ),
    });
  }
}
