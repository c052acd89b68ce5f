import { describe, expect, it } from 'vitest';
import {
  createHandler,
  type EcsPort,
  type EcsTask,
  migrationOutcome,
  type MigrationRunEvent,
  shouldRunMigration,
} from './index.mjs';

const CLUSTER = 'arn:aws:ecs:eu-west-1:123456789012:cluster/storefront-prod-cluster';
const taskDefinition = (revision: number) =>
  `arn:aws:ecs:eu-west-1:123456789012:task-definition/storefront-prod-migrate:${revision}`;
const TASK_ARN = 'arn:aws:ecs:eu-west-1:123456789012:task/storefront-prod-cluster/abc123';

function event(overrides: Partial<MigrationRunEvent> = {}, revision = 7): MigrationRunEvent {
  return {
    RequestType: 'Create',
    RequestId: 'request-1',
    LogicalResourceId: 'MigrationRun',
    ResourceProperties: {
      ClusterArn: CLUSTER,
      TaskDefinitionArn: taskDefinition(revision),
      ContainerName: 'migrate',
      Subnets: ['subnet-a', 'subnet-b'],
      SecurityGroups: ['sg-app'],
      LogGroupName: '/storefront-prod-app',
      LogStreamPrefix: 'migrate',
    },
    ...overrides,
  };
}

/** A fake ECS whose task reports the given states, one per DescribeTasks call. */
function fakeEcs(states: EcsTask[], runFailures: Array<{ reason: string }> = []) {
  const calls: { runTask: Array<Record<string, unknown>>; describeTasks: number } = { runTask: [], describeTasks: 0 };
  const ecs: EcsPort = {
    async runTask(input) {
      calls.runTask.push(input);
      return runFailures.length > 0 ? { tasks: [], failures: runFailures } : { tasks: [{ taskArn: TASK_ARN }], failures: [] };
    },
    async describeTasks() {
      const state = states[Math.min(calls.describeTasks, states.length - 1)]!;
      calls.describeTasks += 1;
      return { tasks: [{ taskArn: TASK_ARN, ...state }], failures: [] };
    },
  };
  return { ecs, calls };
}

const noSleep = async () => {};
const stopped = (exitCode: number | null, extra: Partial<EcsTask> = {}): EcsTask => ({
  lastStatus: 'STOPPED',
  containers: [{ name: 'migrate', exitCode }],
  ...extra,
});

describe('migration runner', () => {
  it('starts the task in the app subnets without a public IP and succeeds when it exits 0', async () => {
    const { ecs, calls } = fakeEcs([{ lastStatus: 'PROVISIONING' }, { lastStatus: 'RUNNING' }, stopped(0)]);
    const result = await createHandler(ecs, { sleep: noSleep })(event());
    expect(result.Data).toEqual({ Skipped: 'false', TaskArn: TASK_ARN });
    expect(calls.runTask).toHaveLength(1);
    expect(calls.runTask[0]).toMatchObject({
      cluster: CLUSTER,
      taskDefinition: taskDefinition(7),
      launchType: 'FARGATE',
      count: 1,
      networkConfiguration: {
        awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-app'], assignPublicIp: 'DISABLED' },
      },
    });
    expect(calls.describeTasks).toBe(3);
  });

  it('fails the deploy with the exit code and where the logs are when the migration fails', async () => {
    const { ecs } = fakeEcs([stopped(1)]);
    await expect(createHandler(ecs, { sleep: noSleep })(event())).rejects.toThrow(
      /failed \(exit code 1[^)]*\).*\/storefront-prod-app.*migrate/,
    );
  });

  it('fails when the task never ran its container (image pull, secrets)', async () => {
    const { ecs } = fakeEcs([
      {
        lastStatus: 'STOPPED',
        stopCode: 'TaskFailedToStart',
        stoppedReason: 'ResourceInitializationError: unable to pull secrets',
        containers: [{ name: 'migrate', exitCode: null }],
      },
    ]);
    await expect(createHandler(ecs, { sleep: noSleep })(event())).rejects.toThrow(/TaskFailedToStart.*unable to pull secrets/);
  });

  it('fails at once when ECS cannot place the task', async () => {
    const { ecs, calls } = fakeEcs([], [{ reason: 'RESOURCE:ENI' }]);
    await expect(createHandler(ecs, { sleep: noSleep })(event())).rejects.toThrow(/Could not start.*RESOURCE:ENI/);
    expect(calls.describeTasks).toBe(0);
  });

  it('gives up before the Lambda deadline and says the task is still running', async () => {
    const { ecs } = fakeEcs([{ lastStatus: 'RUNNING' }]);
    let remainingMs = 60_000;
    const handler = createHandler(ecs, {
      pollIntervalMs: 10_000,
      sleep: async (ms) => {
        remainingMs -= ms;
      },
    });
    await expect(handler(event(), { getRemainingTimeInMillis: () => remainingMs })).rejects.toThrow(/still running/);
  });

  it('runs again for a new image and skips deletes and rollbacks to an older revision', async () => {
    const update = (from: number, to: number) =>
      event({ RequestType: 'Update', PhysicalResourceId: 'run-1', OldResourceProperties: event({}, from).ResourceProperties }, to);
    expect(shouldRunMigration(update(7, 8))).toBe(true);
    expect(shouldRunMigration(update(8, 7))).toBe(false);
    expect(shouldRunMigration(event({ RequestType: 'Delete', PhysicalResourceId: 'run-1' }))).toBe(false);

    const { ecs, calls } = fakeEcs([stopped(0)]);
    const result = await createHandler(ecs, { sleep: noSleep })(update(8, 7));
    expect(result).toEqual({ PhysicalResourceId: 'run-1', Data: { Skipped: 'true', TaskArn: '' } });
    expect(calls.runTask).toHaveLength(0);
  });

  it('keeps the physical resource id across updates, so CloudFormation never deletes the run', async () => {
    const { ecs } = fakeEcs([stopped(0)]);
    const handler = createHandler(ecs, { sleep: noSleep });
    const created = await handler(event());
    const updated = await handler(
      event({ RequestType: 'Update', PhysicalResourceId: created.PhysicalResourceId, OldResourceProperties: event().ResourceProperties }, 8),
    );
    expect(updated.PhysicalResourceId).toBe(created.PhysicalResourceId);
  });

  it('reads only the migration container of a stopped task', () => {
    expect(migrationOutcome({ lastStatus: 'RUNNING' }, 'migrate')).toEqual({ status: 'running' });
    expect(
      migrationOutcome({ lastStatus: 'STOPPED', containers: [{ name: 'sidecar', exitCode: 0 }, { name: 'migrate', exitCode: 2 }] }, 'migrate'),
    ).toMatchObject({ status: 'failed', reason: expect.stringContaining('exit code 2') });
  });
});
