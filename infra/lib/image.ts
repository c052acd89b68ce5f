import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import { ContainerImage } from 'aws-cdk-lib/aws-ecs';

/** The build context is the repository root; the Dockerfile lives in infra/. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DOCKERFILE = 'infra/Dockerfile';

/**
 * Kept out of the image asset. CDK stages (copies and hashes) the build context at synth time, so without this it
 * would copy node_modules and .next (hundreds of MB) and rebuild the image whenever a test, doc or infra file
 * changed. The same entries are in the root .dockerignore, which a plain `docker build` reads (a test keeps the two
 * lists in step).
 */
export const IMAGE_CONTEXT_EXCLUDES = [
  'node_modules',
  '**/node_modules',
  '.next',
  'out',
  '.data',
  '.git',
  'coverage',
  'test-results',
  'playwright-report',
  'blob-report',
  'bench/.tmp',
  '*.tsbuildinfo',
  '.env',
  '.env.*',
  '!.env.example',
  'infra',
  '!infra/Dockerfile',
  'docs',
  'e2e',
  '.ci',
  '.github',
  '**/*.test.ts',
  '**/*.test.tsx',
];

export type ImageTarget = 'runtime' | 'tools';

/**
 * The app image (`runtime` stage: the standalone server and migrate.mjs) or the `tools` stage (full source and
 * dev dependencies, for one-off `npm run …` tasks such as seeding demo data).
 */
export function storefrontImage(target: ImageTarget = 'runtime'): ContainerImage {
  return ContainerImage.fromAsset(REPO_ROOT, {
    file: DOCKERFILE,
    target,
    exclude: IMAGE_CONTEXT_EXCLUDES,
    // Fargate tasks run x86_64; pinning the platform keeps an arm64 laptop from pushing an image that cannot start.
    platform: Platform.LINUX_AMD64,
  });
}
