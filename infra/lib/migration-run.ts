import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Construct } from 'constructs';
import { CustomResource, Duration, Stack } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Provider } from 'aws-cdk-lib/custom-resources';

const HANDLER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../lambda/migration-runner');

export type MigrationRunProps = {
  cluster: ecs.ICluster;
  taskDefinition: ecs.FargateTaskDefinition;
  containerName: string;
  subnets: ec2.ISubnet[];
  securityGroups: ec2.ISecurityGroup[];
  logGroup: logs.ILogGroup;
  logStreamPrefix: string;
  logRetention: logs.RetentionDays;
};

/**
 * Runs the migration task once per deploy, before the service rolls out: a custom resource whose properties
 * include the migration task definition ARN, which changes whenever the image does. The service depends on this
 * construct, so CloudFormation updates the service only after the task exited 0.
 */
export class MigrationRun extends Construct {
  readonly resource: CustomResource;
  readonly handler: lambda.Function;

  constructor(scope: Construct, id: string, props: MigrationRunProps) {
    super(scope, id);

    this.handler = new lambda.Function(this, 'Handler', {
      description: 'Runs the storefront database migration task and waits for it to finish',
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.onEvent',
      code: lambda.Code.fromAsset(HANDLER_DIR, { exclude: ['*.d.mts', '*.test.ts'] }),
      // The Provider framework gives its own function 15 minutes; this one must answer before that.
      timeout: Duration.minutes(14),
      memorySize: 256,
      logGroup: new logs.LogGroup(this, 'HandlerLogs', { retention: props.logRetention }),
    });
    props.taskDefinition.grantRun(this.handler);
    this.handler.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ecs:DescribeTasks'],
        resources: [
          Stack.of(this).formatArn({
            service: 'ecs',
            resource: 'task',
            resourceName: `${props.cluster.clusterName}/*`,
          }),
        ],
      }),
    );

    const provider = new Provider(this, 'Provider', {
      onEventHandler: this.handler,
      logGroup: new logs.LogGroup(this, 'ProviderLogs', { retention: props.logRetention }),
    });

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::DatabaseMigration',
      properties: {
        ClusterArn: props.cluster.clusterArn,
        TaskDefinitionArn: props.taskDefinition.taskDefinitionArn,
        ContainerName: props.containerName,
        Subnets: props.subnets.map((subnet) => subnet.subnetId),
        SecurityGroups: props.securityGroups.map((group) => group.securityGroupId),
        LogGroupName: props.logGroup.logGroupName,
        LogStreamPrefix: props.logStreamPrefix,
      },
    });
  }
}
