// Test helper: a CDK app that writes its cloud assembly (and staged assets) to a temporary directory, removed after
// the test file finishes. Without an outdir CDK creates a new temporary directory per app and never removes it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App } from 'aws-cdk-lib';
import { afterAll } from 'vitest';
import { createApp } from './app';

const outdirs: string[] = [];

afterAll(() => {
  for (const outdir of outdirs.splice(0)) rmSync(outdir, { recursive: true, force: true });
});

export function testApp(context: Record<string, unknown> = {}): App {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'storefront-cdk-test-'));
  outdirs.push(outdir);
  return createApp({ outdir, context });
}
