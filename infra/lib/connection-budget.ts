// How many PostgreSQL connections the fleet may open, checked at synth time.
//
// RDS sets max_connections for PostgreSQL to LEAST({DBInstanceClassMemory/9531392}, 5000). RDS Proxy opens at most
// maxConnectionsPercent of that. The worst case for the proxy is every client connection being busy or pinned at
// once (a transaction, a session advisory lock, SET), so that is what the app's pools are budgeted against:
//
//   peak tasks × DATABASE_POOL_MAX + migration pool + operator sessions ≤ proxy limit
//
// where peak tasks counts the overlap while a deployment runs old and new tasks side by side.

const MAX_CONNECTIONS_MEMORY_DIVISOR_BYTES = 9_531_392;
const MAX_CONNECTIONS_CAP = 5_000;
const GIB = 1024 ** 3;

/**
 * DBInstanceClassMemory is the class's memory less what RDS keeps for the OS and its agents, which AWS does not
 * publish (observed: ~80 connections on a 1 GiB class where the nominal memory gives 112). Budgeting on 75 % of
 * the nominal memory stays below the real value on every class size, so the check errs on the safe side.
 */
export const USABLE_MEMORY_FRACTION = 0.75;

/** Nominal memory of the instance classes this stack may use (AWS instance type tables). */
export const INSTANCE_CLASS_MEMORY_GIB: Readonly<Record<string, number>> = {
  'db.t4g.micro': 1,
  'db.t4g.small': 2,
  'db.t4g.medium': 4,
  'db.t4g.large': 8,
  'db.t4g.xlarge': 16,
  'db.t4g.2xlarge': 32,
  'db.m7g.large': 8,
  'db.m7g.xlarge': 16,
  'db.m7g.2xlarge': 32,
  'db.m7g.4xlarge': 64,
  'db.r7g.large': 16,
  'db.r7g.xlarge': 32,
  'db.r7g.2xlarge': 64,
  'db.r7g.4xlarge': 128,
};

export class ConnectionBudgetError extends Error {
  override name = 'ConnectionBudgetError';
}

/** PostgreSQL's max_connections on RDS for an instance class, from the default parameter group formula. */
export function defaultMaxConnections(instanceClass: string): number {
  const memoryGiB = INSTANCE_CLASS_MEMORY_GIB[instanceClass];
  if (memoryGiB === undefined) {
    throw new ConnectionBudgetError(
      `Unknown instance class ${instanceClass}: add its memory to INSTANCE_CLASS_MEMORY_GIB in infra/lib/connection-budget.ts`,
    );
  }
  const dbInstanceClassMemoryBytes = memoryGiB * GIB * USABLE_MEMORY_FRACTION;
  return Math.min(Math.floor(dbInstanceClassMemoryBytes / MAX_CONNECTIONS_MEMORY_DIVISOR_BYTES), MAX_CONNECTIONS_CAP);
}

export type ConnectionBudgetInput = {
  instanceClass: string;
  proxyMaxConnectionsPercent: number;
  maxTasks: number;
  deploymentMaxPercent: number;
  poolMaxPerTask: number;
  migrationPoolMax: number;
  adminSessions: number;
};

export type ConnectionBudget = {
  /** max_connections of the database instance. */
  databaseMaxConnections: number;
  /** Connections RDS Proxy may open to the database. */
  proxyMaxConnections: number;
  /** Most app tasks running at once (maximum scale during a deployment). */
  peakTasks: number;
  appConnections: number;
  reservedConnections: number;
  /** Everything the fleet may ask the proxy for at once. */
  demand: number;
  /** proxyMaxConnections - demand; never negative for a budget that passed. */
  headroom: number;
};

/** Computes the budget and throws ConnectionBudgetError when the fleet could ask for more than the proxy may open. */
export function computeConnectionBudget(input: ConnectionBudgetInput): ConnectionBudget {
  const positiveInts: Array<keyof ConnectionBudgetInput> = ['maxTasks', 'poolMaxPerTask', 'migrationPoolMax'];
  for (const key of positiveInts) {
    const value = input[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new ConnectionBudgetError(`${key} must be a positive integer, got ${String(value)}`);
    }
  }
  if (!Number.isInteger(input.adminSessions) || input.adminSessions < 0) {
    throw new ConnectionBudgetError(`adminSessions must be a non-negative integer, got ${input.adminSessions}`);
  }
  if (input.proxyMaxConnectionsPercent < 1 || input.proxyMaxConnectionsPercent > 100) {
    throw new ConnectionBudgetError(`proxyMaxConnectionsPercent must be 1–100, got ${input.proxyMaxConnectionsPercent}`);
  }
  if (input.deploymentMaxPercent < 100 || input.deploymentMaxPercent > 200) {
    throw new ConnectionBudgetError(`deploymentMaxPercent must be 100–200, got ${input.deploymentMaxPercent}`);
  }

  const databaseMaxConnections = defaultMaxConnections(input.instanceClass);
  const proxyMaxConnections = Math.floor((databaseMaxConnections * input.proxyMaxConnectionsPercent) / 100);
  const peakTasks = Math.ceil((input.maxTasks * input.deploymentMaxPercent) / 100);
  const appConnections = peakTasks * input.poolMaxPerTask;
  const reservedConnections = input.migrationPoolMax + input.adminSessions;
  const demand = appConnections + reservedConnections;

  if (demand > proxyMaxConnections) {
    throw new ConnectionBudgetError(
      `Connection budget exceeded: ${peakTasks} peak tasks × ${input.poolMaxPerTask} (DATABASE_POOL_MAX) + ` +
        `${input.migrationPoolMax} (migration) + ${input.adminSessions} (operators) = ${demand}, but RDS Proxy may open ` +
        `only ${proxyMaxConnections} (${input.proxyMaxConnectionsPercent}% of max_connections ${databaseMaxConnections} ` +
        `on ${input.instanceClass}). Lower the task maximum or the pool size, or raise the instance class or the ` +
        `proxy's maxConnectionsPercent.`,
    );
  }

  return {
    databaseMaxConnections,
    proxyMaxConnections,
    peakTasks,
    appConnections,
    reservedConnections,
    demand,
    headroom: proxyMaxConnections - demand,
  };
}
