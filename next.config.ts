import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  // `npm run typecheck` (tsc over the whole repo, infra and tests included) is its own step in `npm test` and CI;
  // the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // PGlite loads its .wasm/.data files by path; bundling breaks that and keeps them out of the standalone trace.
  serverExternalPackages: ['@electric-sql/pglite'],
  // Read from disk at boot (embedded mode, DATABASE_MIGRATE_ON_START) and by migrate.mjs.
  outputFileTracingIncludes: { '/*': ['./db/migrations/**/*'] },
  images: {
    formats: ['image/avif', 'image/webp'],
    localPatterns: [{ pathname: '/media/**' }],
  },
};

export default nextConfig;
