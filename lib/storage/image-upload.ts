import sharp, { type Metadata } from 'sharp';
import { AppError } from '@/lib/errors';

// Every image a merchant uploads (product photos, the logo, the home page's hero) is judged by its content, never
// its name or declared type: sharp must decode it as one of the formats below. It is re-encoded (WebP, or PNG where
// email clients must show it), which also drops EXIF/GPS and any other metadata (sharp keeps none unless asked),
// after applying the camera's orientation.

export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024; // below the proxy's 10 MB request-body cap, with room for the form
export const MAX_DIMENSION = 8_000;
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'gif', 'heif']);

/** The formats, as people name them and as a file input's `accept` lists them. */
export const ACCEPTED_IMAGE_LABEL = 'JPEG, PNG, WebP, AVIF or GIF';
export const ACCEPTED_IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/avif,image/gif';

export type ImageUploadOptions = {
  /** Smallest width and height accepted. */
  minDimension: number;
  /** Stored images are at most this wide and high (never enlarged). */
  storedMaxDimension: number;
  format: 'webp' | 'png';
};

export type ProcessedImage = { body: Buffer; width: number; height: number; contentType: 'image/webp' | 'image/png'; extension: 'webp' | 'png' };

export async function processImageUpload(input: Buffer, options: ImageUploadOptions): Promise<ProcessedImage> {
  if (input.byteLength === 0) throw new AppError('validation_failed', 'The file is empty.', { fieldErrors: { file: ['Choose an image file.'] } });
  if (input.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError('payload_too_large', `Images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`, { fieldErrors: { file: [`At most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`] } });
  }
  const notImage = () =>
    new AppError('unsupported_media_type', `That file is not an image we can use (${ACCEPTED_IMAGE_LABEL}).`, {
      fieldErrors: { file: [`Not a ${ACCEPTED_IMAGE_LABEL} image.`] },
    });
  let metadata: Metadata;
  try {
    // limitInputPixels refuses decompression bombs before any pixel is decoded.
    metadata = await sharp(input, { limitInputPixels: MAX_DIMENSION * MAX_DIMENSION, failOn: 'error' }).metadata();
  } catch {
    throw notImage();
  }
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format) || !metadata.width || !metadata.height) throw notImage();
  const { width, height } = metadata;
  if (width < options.minDimension || height < options.minDimension || width > MAX_DIMENSION || height > MAX_DIMENSION) {
    const message = `Images must be between ${options.minDimension} and ${MAX_DIMENSION} pixels on each side (this one is ${width}×${height}).`;
    throw new AppError('validation_failed', message, { fieldErrors: { file: [message] } });
  }
  try {
    const pipeline = sharp(input, { limitInputPixels: MAX_DIMENSION * MAX_DIMENSION, failOn: 'error' })
      .rotate()
      .resize({ width: options.storedMaxDimension, height: options.storedMaxDimension, fit: 'inside', withoutEnlargement: true });
    const { data, info } = await (options.format === 'png' ? pipeline.png({ compressionLevel: 9 }) : pipeline.webp({ quality: 82 })).toBuffer({ resolveWithObject: true });
    return options.format === 'png'
      ? { body: data, width: info.width, height: info.height, contentType: 'image/png', extension: 'png' }
      : { body: data, width: info.width, height: info.height, contentType: 'image/webp', extension: 'webp' };
  } catch {
    throw notImage();
  }
}
