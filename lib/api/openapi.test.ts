import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeApiDocument } from './openapi';

// Every handler under app/api/store/v1 must be described: a new endpoint without documentation fails here.

const apiRoot = path.join(process.cwd(), 'app', 'api', 'store', 'v1');

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return entry === 'route.ts' ? [full] : [];
  });
}

describe('Store API OpenAPI document', () => {
  const document = storeApiDocument('https://shop.example.com');

  it('is OpenAPI 3.1 with a server under /api/store/v1', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers[0]!.url).toBe('https://shop.example.com/api/store/v1');
  });

  it('describes every route handler and method', () => {
    const handlers = routeFiles(apiRoot).flatMap((file) => {
      const apiPath = `/${path.relative(apiRoot, path.dirname(file)).split(path.sep).join('/')}`.replace(/\[([^\]]+)\]/g, '{$1}');
      const source = readFileSync(file, 'utf8');
      return [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => `${match[1]!.toLowerCase()} ${apiPath}`);
    });
    expect(handlers.length).toBeGreaterThan(5);
    const documented = Object.entries(document.paths).flatMap(([apiPath, methods]) => Object.keys(methods).map((method) => `${method} ${apiPath}`));
    for (const handler of handlers) expect(documented).toContain(handler);
  });

  it('resolves every schema reference', () => {
    const text = JSON.stringify(document);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)) {
      expect(Object.keys(document.components.schemas)).toContain(name);
    }
  });
});
