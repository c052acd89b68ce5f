import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The GitHub workflows users of this repository run: parsed as YAML, and checked for the jobs and steps that
// protect main (PR checks) and production (scan, migration, approval).

type Step = {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
};
type Job = {
  needs?: string | string[];
  uses?: string;
  environment?: string;
  container?: string;
  services?: Record<string, { image: string }>;
  env?: Record<string, string>;
  outputs?: Record<string, string>;
  steps?: Step[];
};
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job> };

const root = path.resolve(__dirname, '..');
const load = (name: string) => parse(readFileSync(path.join(root, '.github', 'workflows', name), 'utf8')) as Workflow;
const runs = (job: Job | undefined) => (job?.steps ?? []).map((step) => step.run ?? '').join('\n');
const uses = (job: Job | undefined) => (job?.steps ?? []).map((step) => step.uses ?? '');
const needs = (job: Job | undefined) => [job?.needs ?? []].flat();

describe('.github/workflows/ci.yml', () => {
  const ci = load('ci.yml');

  it('runs on pull requests and can be called by the deploy workflow', () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['pull_request', 'workflow_call']));
  });

  it('has lint, typecheck, unit, integration and e2e jobs running the package scripts', () => {
    expect(runs(ci.jobs.lint)).toContain('npm run lint');
    expect(runs(ci.jobs.typecheck)).toContain('npm run typecheck');
    expect(runs(ci.jobs.unit)).toContain('npm run test:unit');
    expect(runs(ci.jobs.integration)).toContain('npm run test:integration');
    expect(runs(ci.jobs.e2e)).toContain('npm run test:e2e');
    for (const job of Object.values(ci.jobs)) expect(runs(job)).not.toContain('npm ci');
  });

  it('gives integration and e2e PostgreSQL and Redis service containers, and e2e Chromium from apt', () => {
    for (const name of ['integration', 'e2e'] as const) {
      const job = ci.jobs[name];
      expect(job?.services?.postgres?.image).toMatch(/^postgres:/);
      expect(job?.services?.redis?.image).toMatch(/^redis:/);
      expect(job?.env?.DATABASE_URL).toMatch(/^postgres:\/\//);
      expect(job?.env?.REDIS_URL).toMatch(/^redis:\/\//);
    }
    expect(runs(ci.jobs.integration)).toContain('postgresql-client');
    expect(runs(ci.jobs.e2e)).toMatch(/apt-get install[^\n]*chromium/);
    expect(runs(ci.jobs.e2e)).not.toContain('playwright install');
  });
});

describe('.github/workflows/deploy.yml', () => {
  const deploy = load('deploy.yml');

  it('runs on pushes to main, after the same checks as pull requests', () => {
    expect((deploy.on.push as { branches: string[] }).branches).toEqual(['main']);
    expect(deploy.jobs.checks?.uses).toBe('./.github/workflows/ci.yml');
    expect(deploy.jobs.image?.needs).toBe('checks');
  });

  it('builds the image from infra/Dockerfile, scans it with Trivy before pushing it to ECR', () => {
    const steps = deploy.jobs.image?.steps ?? [];
    const build = steps.findIndex((step) => step.uses?.startsWith('docker/build-push-action'));
    const scan = steps.findIndex((step) => step.uses?.startsWith('aquasecurity/trivy-action'));
    const push = steps.findIndex((step) => step.run?.includes('docker push'));
    expect(steps[build]?.with?.file).toBe('infra/Dockerfile');
    expect(steps[build]?.with?.push).toBe(false);
    expect(steps[scan]?.with?.['exit-code']).toBe('1');
    expect(uses(deploy.jobs.image)).toContain('aws-actions/amazon-ecr-login@v2');
    expect(build).toBeGreaterThanOrEqual(0);
    expect(scan).toBeGreaterThan(build);
    expect(push).toBeGreaterThan(scan);
  });

  it('deploys staging with CDK (migration task included), then production behind a manual approval', () => {
    expect(deploy.jobs['deploy-staging']?.needs).toBe('image');
    expect(deploy.jobs['deploy-staging']?.environment).toBe('staging');
    expect(needs(deploy.jobs['deploy-production'])).toContain('deploy-staging');
    expect(deploy.jobs['deploy-production']?.environment).toBe('production');
    for (const [name, stage] of [['deploy-staging', 'staging'], ['deploy-production', 'prod']] as const) {
      const step = deploy.jobs[name]?.steps?.find((candidate) => candidate.run?.includes('cdk deploy'));
      expect(step?.name).toMatch(/migration/i);
      expect(step?.run).toContain(`-c stage=${stage}`);
    }
  });

  it('deploys the image it scanned, by digest, and nothing rebuilds it', () => {
    const image = deploy.jobs.image;
    const steps = image?.steps ?? [];
    const scan = steps.findIndex((step) => step.uses?.startsWith('aquasecurity/trivy-action'));
    const push = steps.findIndex((step) => step.run?.includes('docker push'));
    const pushStep = steps[push];
    // The job's output is the reference the push step wrote: the pushed tag's digest as ECR recorded it.
    expect(pushStep?.id).toBeDefined();
    expect(image?.outputs?.image_uri).toBe(`\${{ steps.${pushStep?.id}.outputs.image_uri }}`);
    expect(pushStep?.run).toContain('aws ecr describe-images');
    expect(pushStep?.run).toMatch(/image_uri=\$REGISTRY\/\$REPOSITORY@\$digest/);
    expect(pushStep?.env?.IMAGE).toBe(steps[scan]?.with?.['image-ref']);
    // …and an account ID masked as a secret would make Actions drop that output.
    const credentials = steps.find((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials'));
    expect(credentials?.with?.['mask-aws-account-id']).toBe(false);

    for (const name of ['deploy-staging', 'deploy-production']) {
      const job = deploy.jobs[name];
      expect(needs(job), name).toContain('image');
      const step = job?.steps?.find((candidate) => candidate.run?.includes('cdk deploy'));
      expect(step?.env?.IMAGE_URI, name).toBe('${{ needs.image.outputs.image_uri }}');
      expect(step?.run, name).toContain('-c imageUri="$IMAGE_URI"');
      // An empty reference would make CDK build the image from source: the step stops first.
      expect(step?.run, name).toContain('${IMAGE_URI:?');
      expect(runs(job), name).not.toMatch(/docker (build|push)/);
      expect(uses(job).filter((action) => action.startsWith('docker/')), name).toEqual([]);
    }
  });
});
