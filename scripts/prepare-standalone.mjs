// Completes .next/standalone after `next build` so that the directory alone is the deployable:
//   server.js        the app (Next's output)
//   .next/static     client assets (Next leaves them out of standalone)
//   public/          static files
//   migrate.mjs      the migration runner for one-off tasks: `node migrate.mjs`
import { build } from 'esbuild';
import { cp, rm, stat } from 'node:fs/promises';
import path from 'node:path';

const root = process.cwd();
const standalone = path.join(root, '.next', 'standalone');

async function exists(target) {
  try {
    await stat(target);
    return true;
  } catch {
    return false;
  }
}

if (!(await exists(path.join(standalone, 'server.js')))) {
  console.error('No .next/standalone/server.js — run `next build` first (next.config.ts sets output: "standalone").');
  process.exit(1);
}

await rm(path.join(standalone, '.next', 'static'), { recursive: true, force: true });
await cp(path.join(root, '.next', 'static'), path.join(standalone, '.next', 'static'), { recursive: true });
if (await exists(path.join(root, 'public'))) {
  await cp(path.join(root, 'public'), path.join(standalone, 'public'), { recursive: true });
}
await cp(path.join(root, 'db', 'migrations'), path.join(standalone, 'db', 'migrations'), { recursive: true });

await build({
  entryPoints: [path.join(root, 'db', 'migrate-cli.ts')],
  outfile: path.join(standalone, 'migrate.mjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // PGlite loads its WASM from its own package directory, which the standalone trace already contains.
  external: ['@electric-sql/pglite', '@electric-sql/pglite/*'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});

console.log('standalone output ready: .next/standalone (server.js, migrate.mjs, .next/static, public)');
