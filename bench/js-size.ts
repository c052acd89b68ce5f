// npx tsx bench/js-size.ts [base URL] [path] — the JavaScript a page ships, measured as bench/run.ts measures the
// product page (every <script src> in the HTML except noModule ones, each gzipped at level 9), listed per chunk with
// brotli beside it, against a server that is already running. Without a path it takes the first product linked from
// /search. What a chunk holds: `npx next analyze -o` then `npx next analyze export --route '/products/[slug]'`.

import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';

async function text(pathname: string): Promise<string> {
  const response = await fetch(new URL(pathname, base));
  if (!response.ok) throw new Error(`${pathname}: ${response.status}`);
  return response.text();
}

async function main() {
  let pathname = process.argv[3];
  if (!pathname) {
    const found = /href="(\/products\/[^"?]+)"/.exec(await text('/search'));
    if (!found) throw new Error('no product linked from /search');
    pathname = found[1]!;
  }
  const html = await text(pathname);
  const sources = [
    ...new Set([...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1]! + m[3]!)).map((m) => m[2]!)),
  ];
  const rows: { src: string; rawBytes: number; gzipBytes: number; brotliBytes: number }[] = [];
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    rows.push({
      src,
      rawBytes: body.length,
      gzipBytes: gzipSync(body, { level: 9 }).length,
      brotliBytes: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  rows.sort((a, b) => b.gzipBytes - a.gzipBytes);
  const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);
  console.log(`${pathname}\n    gzip  brotli     raw  script`);
  for (const row of rows) console.log(`${kb(row.gzipBytes)}  ${kb(row.brotliBytes)}  ${kb(row.rawBytes)}  ${row.src}`);
  const sum = (key: 'gzipBytes' | 'brotliBytes' | 'rawBytes') => rows.reduce((total, row) => total + row[key], 0);
  console.log(`${kb(sum('gzipBytes'))}  ${kb(sum('brotliBytes'))}  ${kb(sum('rawBytes'))}  total of ${rows.length} scripts (KB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
