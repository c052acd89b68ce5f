import { Construct } from 'constructs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { resourceName, type Stage } from './config';

/** Requests per client IP per 5 minutes, not counting hashed static assets (a page view fetches dozens). */
export const WAF_RATE_LIMIT_PER_5_MIN = 2_000;

/**
 * Rules of AWS's common rule set that only count instead of blocking. SizeRestrictions_BODY blocks request bodies over
 * 8 KB, and the admin's product image uploads, CSV imports and Stripe's webhook events can be larger (the app bounds
 * each upload itself). The count stays visible in the rule's metrics and sampled requests.
 */
export const COMMON_RULE_SET_COUNT_ONLY = ['SizeRestrictions_BODY'] as const;

/** A regional web ACL on the ALB: a per-IP rate limit, AWS's IP reputation list and AWS's common rule set. */
export class WebFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;
  readonly webAclName: string;

  constructor(scope: Construct, id: string, props: { stage: Stage; loadBalancerArn: string }) {
    super(scope, id);
    const metricName = (suffix: string) => resourceName(props.stage, `waf-${suffix}`);
    const visibility = (suffix: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: metricName(suffix),
    });

    this.webAclName = resourceName(props.stage, 'web-acl');
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: this.webAclName,
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
        {
          name: 'aws-common-rules',
          priority: 2,
          overrideAction: { none: {} },
          visibilityConfig: visibility('common'),
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              ruleActionOverrides: COMMON_RULE_SET_COUNT_ONLY.map((name) => ({ name, actionToUse: { count: {} } })),
            },
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
