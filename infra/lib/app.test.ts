import { describe, expect, it } from 'vitest';
import { addStorefrontStacks, stackOptionsFromContext, stagesFromContext } from './app';
import { testApp } from './test-app';

describe('CDK app context', () => {
  it('deploys dev unless a stage is named, and every stage for `all`', () => {
    expect(stagesFromContext(undefined)).toEqual(['dev']);
    expect(stagesFromContext('prod')).toEqual(['prod']);
    expect(stagesFromContext('all')).toEqual(['dev', 'staging', 'prod']);
    expect(() => stagesFromContext('production')).toThrow(/Unknown stage/);
  });

  it('reads -c flags as the CLI passes them (strings)', () => {
    const app = testApp({
      waf: 'true',
      toolsTask: 'false',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      hostedZoneId: 'Z123',
      hostedZoneName: 'example.com',
      otlpEndpoint: 'http://collector.internal:4318',
      imageUri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/storefront@sha256:abc',
      alarmTopicArn: 'arn:aws:sns:eu-west-1:123456789012:ops-pager',
    });
    expect(stackOptionsFromContext(app)).toMatchObject({
      alarmTopicArn: 'arn:aws:sns:eu-west-1:123456789012:ops-pager',
      otlpEndpoint: 'http://collector.internal:4318',
      imageUri: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/storefront@sha256:abc',
      wafEnabled: true,
      toolsTask: false,
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      hostedZone: { id: 'Z123', name: 'example.com' },
    });
    // An empty value (an unset workflow variable) means "not given".
    expect(stackOptionsFromContext(testApp({ otlpEndpoint: '', imageUri: '' }))).toMatchObject({
      otlpEndpoint: undefined,
      imageUri: undefined,
    });
    expect(() => stackOptionsFromContext(testApp({ waf: 'yes' }))).toThrow(/waf/);
    // No waf flag: the stage decides (on in prod); an explicit false is kept so prod can refuse it.
    expect(stackOptionsFromContext(testApp()).wafEnabled).toBeUndefined();
    expect(stackOptionsFromContext(testApp({ waf: 'false' })).wafEnabled).toBe(false);
    expect(() => stackOptionsFromContext(testApp({ hostedZoneId: 'Z123' }))).toThrow(/hostedZoneName/);
  });

  it('applies the feature flags frozen in cdk.json to apps built in code', () => {
    const app = testApp();
    expect(app.node.tryGetContext('@aws-cdk/aws-ecs:arnFormatIncludesClusterName')).toBe(true);
  });

  it('refuses prod without an alarm e-mail or topic, as `cdk synth -c stage=prod` would', () => {
    expect(() => addStorefrontStacks(testApp({ stage: 'prod' }))).toThrow(/alarmEmail=.*alarmTopicArn=/);
  });

  it('names one stack per stage and rejects a malformed certificate ARN before synth', () => {
    const stacks = addStorefrontStacks(testApp({ stage: 'staging' }));
    expect(stacks.map((stack) => stack.stackName)).toEqual(['Storefront-staging']);
    expect(() => addStorefrontStacks(testApp({ stage: 'dev', certificateArn: 'not-an-arn' }))).toThrow(
      /CertificateArn/,
    );
  });
});
