import { describe, expect, it } from 'vitest';
import { stageConfig, STAGES, type StageConfig } from './config';
import {
  computeConnectionBudget,
  ConnectionBudgetError,
  type ConnectionBudgetInput,
  defaultMaxConnections,
} from './connection-budget';
import { testApp } from './test-app';
import { StorefrontStack } from './storefront-stack';

function budgetInput(config: StageConfig): ConnectionBudgetInput {
  return {
    instanceClass: config.database.instanceClass,
    proxyMaxConnectionsPercent: config.database.proxyMaxConnectionsPercent,
    maxTasks: config.service.maxTasks,
    deploymentMaxPercent: config.service.deploymentMaxPercent,
    poolMaxPerTask: config.database.poolMaxPerTask,
    migrationPoolMax: config.database.migrationPoolMax,
    adminSessions: config.database.adminSessions,
  };
}

describe('defaultMaxConnections', () => {
  it('applies LEAST(DBInstanceClassMemory / 9531392, 5000) to the usable share of the class memory', () => {
    // db.t4g.small: 2 GiB nominal, 1.5 GiB budgeted → 1610612736 / 9531392 = 168.98
    expect(defaultMaxConnections('db.t4g.small')).toBe(168);
    // db.r7g.large: 16 GiB nominal, 12 GiB budgeted → 1351.8
    expect(defaultMaxConnections('db.r7g.large')).toBe(1351);
  });

  it('caps at 5000 connections on large classes', () => {
    expect(defaultMaxConnections('db.r7g.4xlarge')).toBe(5000);
  });

  it('refuses an instance class whose memory it does not know', () => {
    expect(() => defaultMaxConnections('db.x2g.16xlarge')).toThrow(ConnectionBudgetError);
  });
});

describe('computeConnectionBudget', () => {
  it.each(STAGES)('passes for the shipped %s configuration, with the pool size the tasks get', (stage) => {
    const config = stageConfig(stage);
    const budget = computeConnectionBudget(budgetInput(config));
    expect(budget.demand).toBe(
      budget.peakTasks * config.database.poolMaxPerTask + config.database.migrationPoolMax + config.database.adminSessions,
    );
    expect(budget.demand).toBeLessThanOrEqual(budget.proxyMaxConnections);
    expect(budget.headroom).toBe(budget.proxyMaxConnections - budget.demand);
  });

  it('counts the old and new tasks that overlap during a deployment', () => {
    const input = budgetInput(stageConfig('prod'));
    const steady = computeConnectionBudget({ ...input, deploymentMaxPercent: 100 });
    const rolling = computeConnectionBudget({ ...input, deploymentMaxPercent: 200 });
    expect(steady.peakTasks).toBe(10);
    expect(rolling.peakTasks).toBe(20);
    expect(rolling.appConnections).toBe(2 * steady.appConnections);
  });

  it('fails when the task maximum is raised without raising the proxy limit', () => {
    const input = budgetInput(stageConfig('prod'));
    // 1351 × 90 % = 1215 proxy connections; 61 tasks peak at 122 × 10 + 12 reserved = 1232.
    expect(() => computeConnectionBudget({ ...input, maxTasks: 61 })).toThrow(/Connection budget exceeded/);
    // The same fleet fits once the database (and so the proxy limit) grows.
    expect(() => computeConnectionBudget({ ...input, maxTasks: 61, instanceClass: 'db.r7g.xlarge' })).not.toThrow();
  });

  it('fails when the pool per task is raised past what the proxy may open', () => {
    const input = budgetInput(stageConfig('dev'));
    // dev: 168 × 90 % = 151; 4 peak tasks × 40 = 160.
    expect(() => computeConnectionBudget({ ...input, poolMaxPerTask: 40 })).toThrow(ConnectionBudgetError);
  });

  it('fails when the proxy percentage is lowered under the demand', () => {
    const input = budgetInput(stageConfig('staging'));
    expect(() => computeConnectionBudget({ ...input, proxyMaxConnectionsPercent: 20 })).toThrow(ConnectionBudgetError);
  });

  it('rejects nonsense inputs instead of passing them', () => {
    const input = budgetInput(stageConfig('dev'));
    expect(() => computeConnectionBudget({ ...input, maxTasks: 0 })).toThrow(/maxTasks/);
    expect(() => computeConnectionBudget({ ...input, poolMaxPerTask: 2.5 })).toThrow(/poolMaxPerTask/);
    expect(() => computeConnectionBudget({ ...input, proxyMaxConnectionsPercent: 120 })).toThrow(/proxyMaxConnectionsPercent/);
  });
});

describe('the stack enforces the budget at synth time', () => {
  it('refuses to build prod when someone raises maxTasks alone', () => {
    const config = stageConfig('prod');
    config.service.maxTasks = 80;
    const app = testApp();
    expect(() => new StorefrontStack(app, 'TooManyTasks', { stage: 'prod', config, alarmEmail: 'ops@example.com' })).toThrow(ConnectionBudgetError);
  });

  it('builds prod with the shipped configuration', () => {
    const app = testApp();
    const stack = new StorefrontStack(app, 'Shipped', { stage: 'prod', alarmEmail: 'ops@example.com' });
    expect(stack.budget.proxyMaxConnections).toBe(1215);
    expect(stack.budget.demand).toBe(20 * 10 + 2 + 10);
  });
});
