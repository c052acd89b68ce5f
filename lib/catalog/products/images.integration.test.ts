import { asc, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { productImages } from '@/db/schema';
import { getMediaStore } from '@/lib/storage';
import { auditCount, matrixProduct, staffActor, uniqueSuffix } from '@/lib/admin/testing';
import { addProductImage, deleteImage, moveImage, updateImageAlt } from './images';
import { saveProduct } from './service';

afterAll(() => closeConnection());

const png = (background: string) => sharp({ create: { width: 120, height: 90, channels: 3, background } }).png().toBuffer();

async function imagesOf(productId: string) {
  return db.select().from(productImages).where(eq(productImages.productId, productId)).orderBy(asc(productImages.position));
}

describe('product images', () => {
  it('stores uploads as WebP, reorders them, edits alt text and deletes the file with the row, auditing each', async () => {
    const actor = await staffActor();
    const { id: productId } = await saveProduct(actor, matrixProduct(uniqueSuffix()));
    const store = getMediaStore();
    const first = await addProductImage(actor, { productId, file: await png('#ff0000'), altText: 'Red' });
    const second = await addProductImage(actor, { productId, file: await png('#0000ff'), altText: 'Blue' });

    let rows = await imagesOf(productId);
    expect(rows.map((r) => [r.altText, r.position, r.width, r.height])).toEqual([['Red', 0, 120, 90], ['Blue', 1, 120, 90]]);
    const stored = await store.get(rows[0]!.storageKey);
    expect(stored?.contentType).toBe('image/webp');
    expect((await sharp(stored!.body).metadata()).format).toBe('webp');

    await moveImage(actor, second.id, 'up');
    await updateImageAlt(actor, first.id, 'Bright red');
    rows = await imagesOf(productId);
    expect(rows.map((r) => r.altText)).toEqual(['Blue', 'Bright red']);

    const key = rows[1]!.storageKey;
    await deleteImage(actor, first.id);
    expect((await imagesOf(productId)).map((r) => r.altText)).toEqual(['Blue']);
    expect(await store.exists(key)).toBe(false);
    for (const action of ['product.image_add', 'product.image_reorder', 'product.image_alt', 'product.image_delete']) {
      expect(await auditCount(action, productId), action).toBeGreaterThan(0);
    }
  });

  it('refuses a non-image and stores nothing', async () => {
    const actor = await staffActor();
    const { id: productId } = await saveProduct(actor, matrixProduct(uniqueSuffix()));
    await expect(addProductImage(actor, { productId, file: Buffer.from('GIF89a but not really'), altText: '' })).rejects.toMatchObject({ code: 'unsupported_media_type' });
    expect(await imagesOf(productId)).toEqual([]);
    await expect(addProductImage(actor, { productId: '00000000-0000-4000-8000-000000000000', file: await png('#00ff00'), altText: '' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
