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

/** An app image already pushed to ECR, run as is instead of the asset build (the pipeline's scanned image). */
export type EcrImageReference = {
  /** The reference exactly as given; it becomes the task definitions' image. */
  uri: string;
  account: string;
  region: string;
  repositoryName: string;
  tag?: string;
  digest?: string;
};

// <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/<repository>[:<tag>][@sha256:<digest>]
const ECR_IMAGE_URI =
  /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$/;

/**
 * Reads an ECR image reference. A tag or a digest is required: an implicit `latest` would leave the task definition
 * unchanged when the tag moves, so CloudFormation would neither run the migrations nor roll the service. A digest
 * is the better choice (the pipeline's): the template then names one immutable image.
 */
export function parseEcrImageUri(uri: string): EcrImageReference {
  const match = ECR_IMAGE_URI.exec(uri);
  if (!match) {
    throw new Error(
      `imageUri ${JSON.stringify(uri)} is not an ECR image: expected ` +
        '<account>.dkr.ecr.<region>.amazonaws.com/<repository>@sha256:<digest> (or :<tag>)',
    );
  }
  const [, account, region, repositoryName, tag, digest] = match;
  if (!tag && !digest) throw new Error(`imageUri ${JSON.stringify(uri)} names no tag or digest; give @sha256:<digest>`);
  return { uri, account: account!, region: region!, repositoryName: repositoryName!, tag, digest };
}
