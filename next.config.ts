import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { isProduction } from './lib/env';
import { HTML_LIMITED_BOTS } from './lib/server/bots';
import { staticSecurityHeaders } from './lib/server/security-headers';

const nextConfig: NextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  // Next's own default list, set explicitly: the page cache keys crawlers' copies by the same pattern.
  htmlLimitedBots: HTML_LIMITED_BOTS,
  // `npm run typecheck` (tsc over the whole repo, infra and tests included) is its own step in `npm test` and CI;
  // the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // PGlite loads its .wasm/.data files by path; bundling breaks that and keeps them out of the standalone trace.
  // prom-client and the OpenTelemetry SDK are loaded from node_modules rather than bundled into each route bundle:
  // one module instance per process (the metrics registry is also pinned on globalThis), and smaller bundles.
  serverExternalPackages: [
    '@electric-sql/pglite',
    'prom-client',
    '@opentelemetry/sdk-trace',
    '@opentelemetry/exporter-trace-otlp-http',
    '@opentelemetry/context-async-hooks',
    '@opentelemetry/resources',
    '@opentelemetry/core',
  ],
  // Read from disk at boot (embedded mode, DATABASE_MIGRATE_ON_START) and by migrate.mjs.
  outputFileTracingIncludes: { '/*': ['./db/migrations/**/*'] },
  // nosniff, Permissions-Policy, HSTS (production), … on every response, static files included; the per-request
  // ones (CSP with its nonce, Referrer-Policy per page, Cache-Control) are set in proxy.ts.
  async headers() {
    return [{ source: '/:path*', headers: staticSecurityHeaders(isProduction) }];
  },
  images: {
    formats: ['image/avif', 'image/webp'],
    localPatterns: [{ pathname: '/media/**' }],
  },
};

// The storefront's languages: next-intl reads each request's language and messages from lib/i18n/request.ts.
export default createNextIntlPlugin('./lib/i18n/request.ts')(nextConfig);
