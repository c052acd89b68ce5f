// GET /media/{key} — serves stored media (product images) from the media store. Keys are immutable, so
// responses are cached for a year; next/image reads originals from here and serves optimised variants.
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/auth/guards';
import { getMediaStore, isValidMediaKey } from '@/lib/storage';

const paramsSchema = z.object({ key: z.array(z.string()).min(1).max(16) });

export const GET = route({ params: paramsSchema }, async ({ params }) => {
  const key = params.key.join('/');
  if (!isValidMediaKey(key)) throw new AppError('not_found', 'No such file.');
  const object = await getMediaStore().get(key);
  if (!object) throw new AppError('not_found', 'No such file.');
  return new Response(new Uint8Array(object.body), {
    headers: {
      'content-type': object.contentType,
      'content-length': String(object.body.byteLength),
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    },
  });
});
