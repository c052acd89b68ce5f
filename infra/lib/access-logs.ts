import { Construct } from 'constructs';
import { Aws, CfnCondition, CfnMapping, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { FactName, RegionInfo } from 'aws-cdk-lib/region-info';
import type { StageConfig } from './config';

export const ACCESS_LOG_PREFIX = 'alb';
/** Writes ALB access logs in the regions that have no ELB account of their own (opened from August 2022 on). */
export const LOG_DELIVERY_SERVICE_PRINCIPAL = 'logdelivery.elasticloadbalancing.amazonaws.com';
const NO_ELB_ACCOUNT = 'none';

/**
 * The load balancer's access logs (one line per request: client address, status, timings, WAF action) in a private
 * bucket that expires them after the stage's retention. ALB log delivery writes with SSE-S3 only (it cannot use a
 * KMS key), so the bucket uses S3-managed encryption.
 */
export class AccessLogs extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: { config: StageConfig; loadBalancer: elbv2.ApplicationLoadBalancer }) {
    super(scope, id);
    const { config } = props;

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [
        {
          id: 'expire-access-logs',
          expiration: Duration.days(config.accessLogRetentionDays),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      // Logs are evidence after an incident: kept with the stack's data where data is kept.
      removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !config.retainData,
    });

    // `loadBalancer.logAccessLogs()` needs the region at synth time (it names the region's ELB account in the bucket
    // policy), and this stack is region-agnostic. So the policy is built for any region at deploy time: the region's
    // ELB account from a mapping of every region CDK knows, and the log delivery service principal, which the
    // regions without such an account use. Where the region has no account, the first statement names this account
    // instead (which it may already write with IAM), keeping the policy valid.
    const regionMap = RegionInfo.regionMap(FactName.ELBV2_ACCOUNT);
    const mapping = new CfnMapping(this, 'ElbAccounts', {
      mapping: Object.fromEntries(
        RegionInfo.regions.map((region) => [region.name, { account: regionMap[region.name] ?? NO_ELB_ACCOUNT }]),
      ),
    });
    const elbAccount = mapping.findInMap(Aws.REGION, 'account');
    const noElbAccount = new CfnCondition(this, 'RegionHasNoElbAccount', {
      expression: Fn.conditionEquals(elbAccount, NO_ELB_ACCOUNT),
    });
    const writer = Fn.conditionIf(
      noElbAccount.logicalId,
      `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:root`,
      `arn:${Aws.PARTITION}:iam::${elbAccount}:root`,
    ).toString();
    const logObjects = this.bucket.arnForObjects(`${ACCESS_LOG_PREFIX}/AWSLogs/${Aws.ACCOUNT_ID}/*`);
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject'], principals: [new iam.ArnPrincipal(writer)], resources: [logObjects] }),
    );
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        principals: [new iam.ServicePrincipal(LOG_DELIVERY_SERVICE_PRINCIPAL)],
        resources: [logObjects],
      }),
    );

    const loadBalancer = props.loadBalancer;
    loadBalancer.setAttribute('access_logs.s3.enabled', 'true');
    loadBalancer.setAttribute('access_logs.s3.bucket', this.bucket.bucketName);
    loadBalancer.setAttribute('access_logs.s3.prefix', ACCESS_LOG_PREFIX);
    // The load balancer checks that it may write to the bucket when logging is turned on: the policy comes first.
    if (this.bucket.policy) loadBalancer.node.addDependency(this.bucket.policy);
  }
}
