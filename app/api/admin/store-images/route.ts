// POST /api/admin/store-images — uploads the logo or the home page's hero (multipart: file, purpose). Admins only.
// A route handler rather than a server action: server action bodies are capped at 1 MB.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { actorOf } from '@/lib/admin/actor';
import { readUpload } from '@/lib/admin/upload';
import { route } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { clientIp } from '@/lib/rate-limit';
import { MAX_UPLOAD_BYTES } from '@/lib/storage/image-upload';
import { STORE_IMAGE_PURPOSES, uploadStoreImage } from '@/lib/store/media';

const fieldsSchema = z.object({ purpose: z.enum(STORE_IMAGE_PURPOSES, 'Unknown image.') });

export const POST = route({ auth: 'admin' }, async ({ request, user, requestId, log }) => {
  const { file, fields } = await readUpload(request, MAX_UPLOAD_BYTES);
  const { purpose } = fieldsSchema.parse(fields);
  if (!file) throw new AppError('validation_failed', 'Choose an image file.', { fieldErrors: { file: ['Choose an image file.'] } });
  const uploaded = await uploadStoreImage(actorOf({ user: user!, requestId, ip: clientIp(request.headers) }), purpose, file);
  log.info({ purpose }, 'store image uploaded');
  return NextResponse.json(uploaded, { status: 201 });
});
