// POST /api/admin/import/products — product CSV import (multipart: file, mode=dry-run|apply). Staff only.
// Answers the report: per-row errors, and what would be (dry run) or was (apply) created and updated.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { actorOf } from '@/lib/admin/actor';
import { importProductsCsv, MAX_IMPORT_BYTES } from '@/lib/catalog/products/csv-import';
import { readUpload } from '@/lib/admin/upload';
import { invalidateProduct } from '@/lib/catalog/cache';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/auth/guards';
import { clientIp } from '@/lib/rate-limit';

const fieldsSchema = z.object({ mode: z.enum(['dry-run', 'apply'], { error: 'Choose dry run or apply.' }) });

export const POST = route({ auth: 'staff' }, async ({ request, user, requestId, log }) => {
  const { file, fields } = await readUpload(request, MAX_IMPORT_BYTES);
  if (!file) throw new AppError('validation_failed', 'Choose a CSV file.', { fieldErrors: { file: ['Choose a CSV file.'] } });
  const { mode } = fieldsSchema.parse(fields);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(file);
  if (text.includes('\u0000')) throw new AppError('unsupported_media_type', 'That is not a CSV text file.', { fieldErrors: { file: ['Not a CSV text file.'] } });
  const report = await importProductsCsv(
    actorOf({ user: user!, requestId, ip: clientIp(request.headers) }),
    text,
    { dryRun: mode === 'dry-run' },
  );
  if (report.applied) for (const slug of report.slugs) invalidateProduct(slug);
  log.info({ mode, products: report.products, errors: report.errors.length, applied: report.applied }, 'product import');
  const { slugs: _slugs, ...body } = report;
  return NextResponse.json(body);
});
