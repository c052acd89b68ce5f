import { Construct } from 'constructs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { resourceName, type Stage } from './config';

/** Requests per client IP per 5 minutes, not counting hashed static assets (a page view fetches dozens). */
export const WAF_RATE_LIMIT_PER_5_MIN = 2_000;

/** A regional web ACL on the ALB: a per-IP rate limit and AWS's IP reputation list. */
export class WebFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: { stage: Stage; loadBalancerArn: string }) {
    super(scope, id);
    const metricName = (suffix: string) => resourceName(props.stage, `waf-${suffix}`);
    const visibility = (suffix: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: metricName(suffix),
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: resourceName(props.stage, 'web-acl'),
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('all'),
      rules: [
        {
          name: 'rate-limit-per-ip',
          priority: 0,
          action: { block: {} },
          visibilityConfig: visibility('rate-limit'),
          statement: {
            rateBasedStatement: {
              limit: WAF_RATE_LIMIT_PER_5_MIN,
              aggregateKeyType: 'IP',
              evaluationWindowSec: 300,
              scopeDownStatement: {
                notStatement: {
                  statement: {
                    byteMatchStatement: {
                      fieldToMatch: { uriPath: {} },
                      positionalConstraint: 'STARTS_WITH',
                      searchString: '/_next/static/',
                      textTransformations: [{ priority: 0, type: 'NONE' }],
                    },
                  },
                },
              },
            },
          },
        },
        {
          name: 'aws-ip-reputation',
          priority: 1,
          overrideAction: { none: {} },
          visibilityConfig: visibility('ip-reputation'),
          statement: {
            managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesAmazonIpReputationList' },
          },
        },
      ],
    });

    new wafv2.CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.loadBalancerArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
