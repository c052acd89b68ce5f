// Types for index.mjs (which the Lambda runtime runs untranspiled), for the infra tests and type check.

export type MigrationRunProperties = {
  ServiceToken?: string;
  ClusterArn: string;
  TaskDefinitionArn: string;
  ContainerName: string;
  Subnets: string[];
  SecurityGroups: string[];
  LogGroupName: string;
  LogStreamPrefix: string;
};

export type MigrationRunEvent = {
  RequestType: 'Create' | 'Update' | 'Delete';
  RequestId: string;
  LogicalResourceId: string;
  PhysicalResourceId?: string;
  ResourceProperties: MigrationRunProperties;
  OldResourceProperties?: MigrationRunProperties;
};

export type EcsTask = {
  taskArn?: string;
  lastStatus?: string;
  stopCode?: string;
  stoppedReason?: string;
  containers?: Array<{ name?: string; exitCode?: number | null; reason?: string }>;
};

export type EcsPort = {
  runTask(input: Record<string, unknown>): Promise<{
    tasks?: EcsTask[];
    failures?: Array<{ arn?: string; reason?: string; detail?: string }>;
  }>;
  describeTasks(input: { cluster: string; tasks: string[] }): Promise<{
    tasks?: EcsTask[];
    failures?: Array<{ arn?: string; reason?: string; detail?: string }>;
  }>;
};

export type MigrationOutcome = { status: 'running' } | { status: 'succeeded' } | { status: 'failed'; reason: string };

export function taskDefinitionRevision(arn: string | undefined): { family: string; revision: number } | undefined;
export function shouldRunMigration(event: MigrationRunEvent): boolean;
export function migrationOutcome(task: EcsTask, containerName: string): MigrationOutcome;
export type LambdaContext = { getRemainingTimeInMillis(): number };
export type OnEventResult = { PhysicalResourceId: string; Data: { Skipped: string; TaskArn: string } };

export function createHandler(
  ecs: EcsPort,
  options?: { sleep?: (ms: number) => Promise<void>; pollIntervalMs?: number },
): (event: MigrationRunEvent, context?: LambdaContext) => Promise<OnEventResult>;
export function onEvent(event: MigrationRunEvent, context?: LambdaContext): Promise<OnEventResult>;
