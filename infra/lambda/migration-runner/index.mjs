// CloudFormation custom resource (CDK Provider framework): runs the database migration task once per
// deploy and waits for it to exit 0, so the ECS service rolls out a new version only after its migrations are
// applied. A failed migration fails the resource, and CloudFormation rolls the stack back with the old version
// still serving. The app's advisory lock keeps a second runner (a manual run-task) from applying concurrently.
//
// Plain JavaScript on purpose: the Lambda runtime runs it as is, with the AWS SDK it ships.

/** The family and revision of a task definition ARN (`…:task-definition/family:42`). */
export function taskDefinitionRevision(arn) {
  const match = /:task-definition\/([^:]+):(\d+)$/.exec(arn ?? '');
  return match ? { family: match[1], revision: Number(match[2]) } : undefined;
}

/**
 * Whether this event starts a migration task. Deletes never do. An update to a lower revision of the same task
 * definition family is CloudFormation rolling back: that older image's migrations are already applied (they only
 * move forward), and running it again could fail the rollback when the database is why the deploy failed.
 */
export function shouldRunMigration(event) {
  if (event.RequestType === 'Delete') return false;
  if (event.RequestType === 'Create') return true;
  const next = taskDefinitionRevision(event.ResourceProperties?.TaskDefinitionArn);
  const previous = taskDefinitionRevision(event.OldResourceProperties?.TaskDefinitionArn);
  if (next && previous && next.family === previous.family && next.revision < previous.revision) return false;
  return true;
}

/** Reads a stopped (or still running) task: `running`, `succeeded`, or `failed` with a reason for the stack events. */
export function migrationOutcome(task, containerName) {
  if (task.lastStatus !== 'STOPPED') return { status: 'running' };
  const container = (task.containers ?? []).find((candidate) => candidate.name === containerName);
  if (container && container.exitCode === 0) return { status: 'succeeded' };
  const details = [
    container?.exitCode !== undefined && container?.exitCode !== null ? `exit code ${container.exitCode}` : undefined,
    container?.reason,
    task.stopCode,
    task.stoppedReason,
  ].filter(Boolean);
  return { status: 'failed', reason: details.length > 0 ? details.join('; ') : 'stopped without an exit code' };
}

const POLL_INTERVAL_MS = 10_000;
/** Stop polling this long before the Lambda's own deadline, so the failure (not a timeout) reaches CloudFormation. */
const DEADLINE_MARGIN_MS = 20_000;

const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Provider framework's asynchronous isComplete waiter retries any error until its total timeout and then
 * reports only "Operation timed out", so a failed migration would hold the deploy for the whole timeout and lose its
 * reason. Waiting inside onEvent instead fails the resource at once with the task's exit code. The cost: a
 * migration must finish within this function's timeout (14 minutes); longer ones are run by hand first (see
 * docs/deploy.md).
 */
export function createHandler(ecs, { sleep = defaultSleep, pollIntervalMs = POLL_INTERVAL_MS } = {}) {
  return async function onEvent(event, context) {
    const physicalResourceId = event.PhysicalResourceId ?? `${event.LogicalResourceId}-${event.RequestId}`;
    if (!shouldRunMigration(event)) {
      return { PhysicalResourceId: physicalResourceId, Data: { Skipped: 'true', TaskArn: '' } };
    }
    const props = event.ResourceProperties;
    const started = await ecs.runTask({
      cluster: props.ClusterArn,
      taskDefinition: props.TaskDefinitionArn,
      launchType: 'FARGATE',
      count: 1,
      startedBy: 'cloudformation-migrate',
      propagateTags: 'TASK_DEFINITION',
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: props.Subnets,
          securityGroups: props.SecurityGroups,
          assignPublicIp: 'DISABLED',
        },
      },
    });
    const taskArn = started.tasks?.[0]?.taskArn;
    if (!taskArn || (started.failures ?? []).length > 0) {
      const failures = (started.failures ?? []).map((failure) => `${failure.reason ?? ''} ${failure.detail ?? ''}`.trim());
      throw new Error(`Could not start the migration task: ${failures.join('; ') || 'RunTask returned no task'}`);
    }
    const logs = `Its output is in CloudWatch Logs group ${props.LogGroupName}, stream prefix ${props.LogStreamPrefix}.`;

    for (;;) {
      const remainingMs = context?.getRemainingTimeInMillis?.() ?? Number.POSITIVE_INFINITY;
      if (remainingMs < pollIntervalMs + DEADLINE_MARGIN_MS) {
        throw new Error(
          `Migration task ${taskArn} is still running; the deploy stops here and the service keeps its current ` +
            `version. ${logs} Run long migrations by hand before deploying.`,
        );
      }
      await sleep(pollIntervalMs);
      const described = await ecs.describeTasks({ cluster: props.ClusterArn, tasks: [taskArn] });
      const task = described.tasks?.[0];
      if (!task) {
        throw new Error(`Migration task ${taskArn} not found: ${JSON.stringify(described.failures ?? [])}`);
      }
      const outcome = migrationOutcome(task, props.ContainerName);
      if (outcome.status === 'succeeded') {
        return { PhysicalResourceId: physicalResourceId, Data: { Skipped: 'false', TaskArn: taskArn } };
      }
      if (outcome.status === 'failed') throw new Error(`Migration task ${taskArn} failed (${outcome.reason}). ${logs}`);
    }
  };
}

let handler;

/** Lambda entry point. */
export async function onEvent(event, context) {
  if (!handler) {
    // The Node.js Lambda runtime ships AWS SDK v3; imported lazily so tests can inject a fake client.
    const { ECSClient, RunTaskCommand, DescribeTasksCommand } = await import('@aws-sdk/client-ecs');
    const client = new ECSClient({});
    handler = createHandler({
      runTask: (input) => client.send(new RunTaskCommand(input)),
      describeTasks: (input) => client.send(new DescribeTasksCommand(input)),
    });
  }
  return handler(event, context);
}
