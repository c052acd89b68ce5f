import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { MAX_UPLOAD_BYTES, processProductImage } from './image-processing';

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } }).png().toBuffer();

describe('processProductImage', () => {
  it('re-encodes an image to WebP without its metadata, keeping its size', async () => {
    const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3366cc' } })
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: 'secret-camera-owner' } } })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const out = await processProductImage(jpeg);
    const meta = await sharp(out.body).metadata();
    expect(meta.format).toBe('webp');
    expect([out.width, out.height]).toEqual([300, 200]);
    expect(meta.exif).toBeUndefined();
    expect(out.body.includes(Buffer.from('secret-camera-owner'))).toBe(false);
  });

  it('shrinks very large images to the stored maximum', async () => {
    const out = await processProductImage(await png(3000, 1500));
    expect([out.width, out.height]).toEqual([2000, 1000]);
  });

  it('refuses a non-image whatever it is called, and images too small', async () => {
    await expect(processProductImage(Buffer.from('%PDF-1.7 not an image at all'))).rejects.toMatchObject({ code: 'unsupported_media_type' });
    await expect(processProductImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="500" height="500"/>'))).rejects.toBeInstanceOf(AppError);
    await expect(processProductImage(await png(20, 20))).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(processProductImage(Buffer.alloc(0))).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('refuses an oversize upload before decoding it', async () => {
    await expect(processProductImage(Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0xff))).rejects.toMatchObject({ code: 'payload_too_large' });
  });
});
