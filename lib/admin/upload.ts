import 'server-only';
import type { NextRequest } from 'next/server';
import { AppError } from '@/lib/errors';

/**
 * Reads a multipart upload with one file field named "file" and plain text fields. The declared length is checked
 * before the body is read, and the file's real size after.
 */
export async function readUpload(request: NextRequest, maxFileBytes: number): Promise<{ file: Buffer | null; fields: Record<string, string> }> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data.');
  const declared = Number(request.headers.get('content-length') ?? 0);
  const tooLarge = () =>
    new AppError('payload_too_large', `The file may be at most ${Math.round(maxFileBytes / 1024 / 1024)} MB.`, {
      fieldErrors: { file: [`At most ${Math.round(maxFileBytes / 1024 / 1024)} MB.`] },
    });
  if (declared > maxFileBytes + 64 * 1024) throw tooLarge();
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError('bad_request', 'The upload could not be read.');
  }
  const fields: Record<string, string> = {};
  let file: Buffer | null = null;
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') fields[key] = value;
    else if (key === 'file' && value.size > 0) {
      if (value.size > maxFileBytes) throw tooLarge();
      file = Buffer.from(await value.arrayBuffer());
    }
  }
  return { file, fields };
}
