import { Construct } from 'constructs';
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as rds from 'aws-cdk-lib/aws-rds';
import { resourceName, type Stage } from './config';

/** Namespace of the app's own metrics (its EMF log lines, METRICS_EMF_NAMESPACE): `Storefront/<stage>`. */
export function appMetricsNamespace(stage: Stage): string {
  return `Storefront/${stage}`;
}

export type DashboardProps = {
  stage: Stage;
  loadBalancer: elbv2.ApplicationLoadBalancer;
  targetGroup: elbv2.ApplicationTargetGroup;
  service: ecs.FargateService;
  clusterName: string;
  database: rds.DatabaseInstance;
  databaseProxyName: string;
  redisNodeIds: string[];
  /** The web ACL's name when the stage has one. */
  wafAclName?: string;
};

/**
 * One CloudWatch dashboard per stage: traffic, latency, errors, checkout, the tasks, the database and Redis.
 *
 * CloudWatch sees what AWS measures (ALB, ECS, RDS, ElastiCache, WAF) and the app's own figures (orders, checkout
 * failures, requests shed by admission control, rate-limit refusals), which the app writes once a minute as Embedded
 * Metric Format log lines. The rest of the app's Prometheus series (`/api/metrics`) stay there; a text widget says so
 * and points to the Grafana dashboard in infra/prometheus/.
 */
export class OperationsDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;
  readonly ordersPlaced: cloudwatch.Metric;
  readonly checkoutFailures: cloudwatch.Metric;
  readonly requestsShed: cloudwatch.Metric;

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    const { stage } = props;
    const minute = Duration.minutes(1);
    const lb = props.loadBalancer.metrics;
    const tg = props.targetGroup.metrics;
    const namespace = appMetricsNamespace(stage);

    // The app's own figures arrive as Embedded Metric Format log lines, once a minute (lib/observability/emf.ts,
    // METRICS_EMF_NAMESPACE): CloudWatch Logs turns them into these metrics without an agent or a filter.
    const appMetric = (metricName: string, label: string) =>
      new cloudwatch.Metric({ namespace, metricName, statistic: 'Sum', period: minute, label });
    this.ordersPlaced = appMetric('OrdersPlaced', 'orders placed');
    this.checkoutFailures = appMetric('CheckoutFailures', 'checkout failures');
    this.requestsShed = appMetric('RequestsShed', 'requests shed (503 by admission control)');
    const rateLimited = appMetric('RateLimitRejections', 'rate-limit refusals');

    const requests = lb.requestCount({ period: minute, statistic: 'Sum', label: 'requests' });
    const target5xx = lb.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period: minute, label: 'app 5xx' });
    const elb5xx = lb.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period: minute, label: 'load balancer 5xx' });
    const ecsMetric = (metricName: string, statistic: string, label: string) =>
      new cloudwatch.Metric({
        namespace: 'ECS/ContainerInsights',
        metricName,
        dimensionsMap: { ClusterName: props.clusterName, ServiceName: props.service.serviceName },
        statistic,
        period: minute,
        label,
      });
    const redisMetric = (metricName: string, nodeId: string, statistic: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/ElastiCache',
        metricName,
        dimensionsMap: { CacheClusterId: nodeId },
        statistic,
        period: minute,
        label: `${metricName} ${nodeId}`,
      });
    const proxyMetric = (metricName: string, label: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/RDS',
        metricName,
        dimensionsMap: { ProxyName: props.databaseProxyName },
        statistic: 'Maximum',
        period: minute,
        label,
      });

    const graph = (title: string, left: cloudwatch.IMetric[], extra: Partial<cloudwatch.GraphWidgetProps> = {}) =>
      new cloudwatch.GraphWidget({ title, left, width: 8, height: 6, ...extra });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: resourceName(stage, 'operations'),
      defaultInterval: Duration.hours(3),
    });

    this.dashboard.addWidgets(
      graph('Requests per minute', [requests, lb.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_4XX_COUNT, { period: minute, label: 'app 4xx' })]),
      graph('Response time (target)', [
        tg.targetResponseTime({ period: minute, statistic: 'p50', label: 'p50' }),
        tg.targetResponseTime({ period: minute, statistic: 'p99', label: 'p99' }),
      ]),
      graph('5xx', [target5xx, elb5xx], {
        right: [
          new cloudwatch.MathExpression({
            expression: 'IF(requests > 0, 100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests, 0)',
            usingMetrics: { requests, target5xx, elb5xx },
            period: minute,
            label: '5xx % of requests',
          }),
        ],
      }),
    );

    this.dashboard.addWidgets(
      graph('Checkout (web and Store API)', [this.ordersPlaced, this.checkoutFailures]),
      graph('Overload signs', [
        this.requestsShed,
        rateLimited,
        // Admission control answers 503 itself; the ALB counts those among the app's 5xx. A target that accepts no
        // connection, or times out, shows here as a connection error or an ELB 502/503/504.
        lb.httpCodeElb(elbv2.HttpCodeElb.ELB_503_COUNT, { period: minute, label: 'ELB 503 (no healthy target)' }),
        lb.httpCodeElb(elbv2.HttpCodeElb.ELB_504_COUNT, { period: minute, label: 'ELB 504 (target timeout)' }),
        lb.targetConnectionErrorCount({ period: minute, label: 'target connection errors' }),
        tg.unhealthyHostCount({ period: minute, statistic: 'Maximum', label: 'unhealthy targets' }),
      ]),
      new cloudwatch.TextWidget({
        width: 8,
        height: 6,
        markdown: [
          '### Not in CloudWatch',
          'Orders, checkout failures, shed requests and rate-limit refusals come from the app once a minute (EMF).',
          'These series exist only in the app\'s Prometheus endpoint (`/api/metrics`, bearer `METRICS_TOKEN`):',
          '',
          '- their labels (`reason`, `currency`, `policy`),',
          '- `storefront_requests_in_progress{state}`, `storefront_db_pool_*`, `storefront_redis_errors_total`.',
          '',
          'Scrape them per task and use `infra/prometheus/` (Grafana dashboard and alert rules); see docs/deploy.md.',
        ].join('\n'),
      }),
    );

    this.dashboard.addWidgets(
      graph('Service CPU and memory (%)', [
        props.service.metricCpuUtilization({ period: minute, label: 'CPU average' }),
        props.service.metricMemoryUtilization({ period: minute, label: 'memory average' }),
      ]),
      graph('Tasks', [
        ecsMetric('RunningTaskCount', 'Average', 'running'),
        ecsMetric('DesiredTaskCount', 'Average', 'desired'),
        tg.healthyHostCount({ period: minute, statistic: 'Minimum', label: 'healthy targets' }),
      ]),
      props.wafAclName
        ? graph('WAF', [
            new cloudwatch.Metric({
              namespace: 'AWS/WAFV2',
              metricName: 'BlockedRequests',
              dimensionsMap: { WebACL: props.wafAclName, Rule: 'ALL', Region: Stack.of(this).region },
              statistic: 'Sum',
              period: minute,
              label: 'blocked',
            }),
          ])
        : new cloudwatch.TextWidget({ width: 8, height: 6, markdown: '### WAF\nNo web ACL in this stage (`-c waf=true` adds one).' }),
    );

    const database = props.database;
    this.dashboard.addWidgets(
      graph('Database connections', [
        database.metricDatabaseConnections({ period: minute, statistic: 'Maximum', label: 'database' }),
        proxyMetric('ClientConnections', 'proxy clients'),
        proxyMetric('DatabaseConnectionsBorrowLatency', 'proxy borrow latency (µs)'),
      ]),
      graph('Database CPU (%) and latency (s)', [database.metricCPUUtilization({ period: minute, label: 'CPU' })], {
        right: [
          database.metric('ReadLatency', { period: minute, statistic: 'Average', label: 'read latency' }),
          database.metric('WriteLatency', { period: minute, statistic: 'Average', label: 'write latency' }),
        ],
      }),
      graph('Database free storage (bytes)', [database.metricFreeStorageSpace({ period: Duration.minutes(5), statistic: 'Minimum' })]),
    );

    this.dashboard.addWidgets(
      graph('Redis memory (%)', props.redisNodeIds.map((nodeId) => redisMetric('DatabaseMemoryUsagePercentage', nodeId, 'Maximum'))),
      graph('Redis engine CPU (%)', props.redisNodeIds.map((nodeId) => redisMetric('EngineCPUUtilization', nodeId, 'Maximum'))),
      graph(
        'Redis connections and evictions',
        props.redisNodeIds.map((nodeId) => redisMetric('CurrConnections', nodeId, 'Maximum')),
        { right: props.redisNodeIds.map((nodeId) => redisMetric('Evictions', nodeId, 'Sum')) },
      ),
    );
  }
}
