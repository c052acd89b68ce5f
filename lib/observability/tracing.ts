import { env } from '@/lib/env';
import { logger } from '@/lib/log';

/**
 * OpenTelemetry tracing, exported over OTLP/HTTP — only when OTEL_EXPORTER_OTLP_ENDPOINT is set. Without it none
 * of the SDK is even loaded, and Next's own spans and db/client.ts's query spans stay no-ops.
 * Next.js creates the request/render spans itself once a global tracer provider exists; db/client.ts adds one span
 * per query. Returns a function that flushes and stops the exporter (called on shutdown), or null when disabled.
 */
export async function startTracing(): Promise<(() => Promise<void>) | null> {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return null;
  const [api, { TracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { AsyncLocalStorageContextManager }, { resourceFromAttributes }, { W3CTraceContextPropagator }] =
    await Promise.all([
      import('@opentelemetry/api'),
      import('@opentelemetry/sdk-trace'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/context-async-hooks'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/core'),
    ]);
  const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces`, timeoutMillis: 5_000 });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME }),
    // Batching keeps export off the request path; spans are dropped, never queued without bound, if the collector is away.
    spanProcessors: [new BatchSpanProcessor({ exporter, maxQueueSize: 2_048, scheduledDelayMillis: 2_000 })],
  });
  api.context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  api.propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  api.trace.setGlobalTracerProvider(provider);
  logger.info({ endpoint: new URL(endpoint).origin, serviceName: env.OTEL_SERVICE_NAME }, 'tracing: exporting spans over OTLP/HTTP');
  return () => provider.shutdown();
}
