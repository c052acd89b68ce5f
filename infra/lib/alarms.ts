import { Construct } from 'constructs';
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import type * as rds from 'aws-cdk-lib/aws-rds';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { resourceName, type StageConfig } from './config';
import type { ConnectionBudget } from './connection-budget';

export const ALARM_THRESHOLDS = {
  http5xxRatePercent: 5,
  p99LatencySeconds: 2,
  serviceCpuPercent: 85,
  serviceMemoryPercent: 90,
  /** Share of the proxy's connection limit in use on the database. */
  databaseConnectionsFraction: 0.8,
  /** Share of the allocated storage still free. */
  databaseFreeStorageFraction: 0.1,
  redisMemoryPercent: 80,
} as const;

export type AlarmsProps = {
  config: StageConfig;
  budget: ConnectionBudget;
  loadBalancer: elbv2.ApplicationLoadBalancer;
  targetGroup: elbv2.ApplicationTargetGroup;
  service: ecs.FargateService;
  database: rds.DatabaseInstance;
  redisNodeIds: string[];
  alarmEmail?: string;
  /** An SNS topic of the operator's (paging, chat) that every alarm notifies too. */
  alarmTopicArn?: string;
};

/** Alarms an operator acts on, all notifying the stack's SNS topic (and the operator's own topic when given). */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  /** 5xx share of requests; also the ECS deployment alarm that rolls a bad version back. */
  readonly http5xxRate: cloudwatch.Alarm;
  readonly http5xxRateAlarmName: string;
  readonly all: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const { config, budget } = props;
    const { stage } = config;
    const minute = Duration.minutes(1);

    this.topic = new sns.Topic(this, 'Topic', {
      topicName: resourceName(stage, 'alarms'),
      displayName: `Storefront ${stage} alarms`,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const actions = [new SnsAction(this.topic)];
    if (props.alarmTopicArn) {
      actions.push(new SnsAction(sns.Topic.fromTopicArn(this, 'OperatorTopic', props.alarmTopicArn)));
    }

    const add = (alarmId: string, alarmProps: cloudwatch.AlarmProps) => {
      const alarm = new cloudwatch.Alarm(this, alarmId, alarmProps);
      alarm.addAlarmAction(...actions);
      alarm.addOkAction(...actions);
      this.all.push(alarm);
      return alarm;
    };

    // 5xx responses (from the targets or the ALB itself) as a share of all requests.
    const lbMetrics = props.loadBalancer.metrics;
    this.http5xxRateAlarmName = resourceName(stage, 'alb-5xx-rate');
    this.http5xxRate = add('Http5xxRate', {
      alarmName: this.http5xxRateAlarmName,
      alarmDescription: `More than ${ALARM_THRESHOLDS.http5xxRatePercent}% of requests answered 5xx`,
      metric: new cloudwatch.MathExpression({
        // The 5xx metrics are absent (not zero) in minutes without errors.
        expression: 'IF(requests > 0, 100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests, 0)',
        usingMetrics: {
          requests: lbMetrics.requestCount({ period: minute, statistic: 'Sum' }),
          target5xx: lbMetrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period: minute, statistic: 'Sum' }),
          elb5xx: lbMetrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period: minute, statistic: 'Sum' }),
        },
        period: minute,
        label: '5xx % of requests',
      }),
      threshold: ALARM_THRESHOLDS.http5xxRatePercent,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    add('P99Latency', {
      alarmName: resourceName(stage, 'p99-latency'),
      alarmDescription: `p99 target response time above ${ALARM_THRESHOLDS.p99LatencySeconds} s`,
      metric: props.targetGroup.metrics.targetResponseTime({ period: minute, statistic: 'p99' }),
      threshold: ALARM_THRESHOLDS.p99LatencySeconds,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 5,
      datapointsToAlarm: 5,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    // Scaling targets 70 % CPU / 80 % memory; these fire when scaling is not keeping up (or is at its maximum).
    add('ServiceCpu', {
      alarmName: resourceName(stage, 'service-cpu'),
      alarmDescription: `Service CPU above ${ALARM_THRESHOLDS.serviceCpuPercent}% for 10 minutes`,
      metric: props.service.metricCpuUtilization({ period: minute, statistic: 'Average' }),
      threshold: ALARM_THRESHOLDS.serviceCpuPercent,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 10,
      treatMissingData: cloudwatch.TreatMissingData.MISSING,
    });
    add('ServiceMemory', {
      alarmName: resourceName(stage, 'service-memory'),
      alarmDescription: `Service memory above ${ALARM_THRESHOLDS.serviceMemoryPercent}% for 5 minutes`,
      metric: props.service.metricMemoryUtilization({ period: minute, statistic: 'Average' }),
      threshold: ALARM_THRESHOLDS.serviceMemoryPercent,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 5,
      treatMissingData: cloudwatch.TreatMissingData.MISSING,
    });

    const connectionThreshold = Math.floor(budget.proxyMaxConnections * ALARM_THRESHOLDS.databaseConnectionsFraction);
    add('DatabaseConnections', {
      alarmName: resourceName(stage, 'db-connections'),
      alarmDescription: `Database connections above ${connectionThreshold} (80% of the ${budget.proxyMaxConnections} RDS Proxy may open)`,
      metric: props.database.metricDatabaseConnections({ period: minute, statistic: 'Maximum' }),
      threshold: connectionThreshold,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 5,
      treatMissingData: cloudwatch.TreatMissingData.MISSING,
    });

    const freeStorageBytes = Math.floor(
      config.database.allocatedStorageGiB * 1024 ** 3 * ALARM_THRESHOLDS.databaseFreeStorageFraction,
    );
    add('DatabaseFreeStorage', {
      alarmName: resourceName(stage, 'db-free-storage'),
      alarmDescription: `Database free storage below 10% of the allocated ${config.database.allocatedStorageGiB} GiB`,
      metric: props.database.metricFreeStorageSpace({ period: Duration.minutes(5), statistic: 'Minimum' }),
      threshold: freeStorageBytes,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 2,
      treatMissingData: cloudwatch.TreatMissingData.MISSING,
    });

    props.redisNodeIds.forEach((nodeId, index) => {
      add(`RedisMemory${index + 1}`, {
        alarmName: resourceName(stage, `redis-memory-${index + 1}`),
        alarmDescription: `Redis node ${nodeId} memory above ${ALARM_THRESHOLDS.redisMemoryPercent}%`,
        metric: new cloudwatch.Metric({
          namespace: 'AWS/ElastiCache',
          metricName: 'DatabaseMemoryUsagePercentage',
          dimensionsMap: { CacheClusterId: nodeId },
          period: minute,
          statistic: 'Maximum',
        }),
        threshold: ALARM_THRESHOLDS.redisMemoryPercent,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 5,
        treatMissingData: cloudwatch.TreatMissingData.MISSING,
      });
    });
  }
}
