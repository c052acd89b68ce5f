import { asc, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { productImageVariants, productImages } from '@/db/schema';
import { getMediaStore } from '@/lib/storage';
import { auditCount, matrixProduct, staffActor, uniqueSuffix } from '@/lib/admin/testing';
import { getProductDetail } from '@/lib/catalog/product';
import { imageIndexForVariant } from '@/lib/catalog/gallery';
import { addProductImage, deleteImage, moveImage, reorderImages, setImageVariants, updateImageAlt } from './images';
import { saveProduct } from './service';

afterAll(() => closeConnection());

const png = (background: string) => sharp({ create: { width: 120, height: 90, channels: 3, background } }).png().toBuffer();

async function imagesOf(productId: string) {
  return db.select().from(productImages).where(eq(productImages.productId, productId)).orderBy(asc(productImages.position));
}

/** Each image's variants, in image order, sorted (what the store would show it for). */
async function variantsOf(productId: string) {
  const images = await imagesOf(productId);
  const links = await db.select().from(productImageVariants);
  return images.map((image) => links.filter((link) => link.imageId === image.id).map((link) => link.variantId).sort());
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

  it('shows an image for several variants of its own product only; the store page picks it for each of them and their colour', async () => {
    const actor = await staffActor();
    const saved = await saveProduct(actor, matrixProduct(uniqueSuffix()));
    const other = await saveProduct(actor, matrixProduct(uniqueSuffix()));
    await addProductImage(actor, { productId: saved.id, file: await png('#888888'), altText: 'Every colour' });
    const blue = await addProductImage(actor, { productId: saved.id, file: await png('#0000ff'), altText: 'Blue' });
    const detail = (await getProductDetail(saved.slug))!;
    const sBlue = detail.variants.find((variant) => variant.options.Size === 'S' && variant.options.Colour === 'Blue')!;
    const mBlue = detail.variants.find((variant) => variant.options.Size === 'M' && variant.options.Colour === 'Blue')!;
    const mRed = detail.variants.find((variant) => variant.options.Size === 'M' && variant.options.Colour === 'Red')!;
    const sRed = detail.variants.find((variant) => variant.options.Size === 'S' && variant.options.Colour === 'Red')!;
    const foreign = (await getProductDetail(other.slug))!.variants[0]!;

    // Another product's variant is not found, even beside one of its own, and nothing changes.
    await expect(setImageVariants(actor, blue.id, [sBlue.id, foreign.id])).rejects.toMatchObject({ code: 'not_found' });
    expect(await variantsOf(saved.id)).toEqual([[], []]);

    await setImageVariants(actor, blue.id, [sBlue.id]);
    expect(await variantsOf(saved.id)).toEqual([[], [sBlue.id]]);
    expect(await auditCount('product.image_variant', saved.id)).toBe(1);
    let after = (await getProductDetail(saved.slug))!;
    expect(after.images.map((image) => image.variantIds)).toEqual([[], [sBlue.id]]);
    expect(after.images.map((image) => image.variantId)).toEqual([null, sBlue.id]);
    expect(imageIndexForVariant(after.images, after.variants, sBlue.id)).toBe(1);
    // M / Blue has no image of its own: the one sharing its colour stands in; M / Red gets the image for all.
    expect(imageIndexForVariant(after.images, after.variants, mBlue.id)).toBe(1);
    expect(imageIndexForVariant(after.images, after.variants, mRed.id)).toBe(0);

    // The same image for S / Blue and S / Red (named twice: kept once): both variants show it.
    await setImageVariants(actor, blue.id, [sRed.id, sBlue.id, sRed.id]);
    expect(await variantsOf(saved.id)).toEqual([[], [sBlue.id, sRed.id].sort()]);
    after = (await getProductDetail(saved.slug))!;
    expect(imageIndexForVariant(after.images, after.variants, sRed.id)).toBe(1);
    expect(imageIndexForVariant(after.images, after.variants, sBlue.id)).toBe(1);

    await setImageVariants(actor, blue.id, []);
    expect(await variantsOf(saved.id)).toEqual([[], []]);
    expect(await auditCount('product.image_variant', saved.id)).toBe(3);
  });

  it('puts images in a dragged order, refusing a stale one; a variant’s image leads the store page after the reorder', async () => {
    const actor = await staffActor();
    const saved = await saveProduct(actor, matrixProduct(uniqueSuffix()));
    const a = await addProductImage(actor, { productId: saved.id, file: await png('#111111'), altText: 'A' });
    const b = await addProductImage(actor, { productId: saved.id, file: await png('#222222'), altText: 'B' });
    const c = await addProductImage(actor, { productId: saved.id, file: await png('#333333'), altText: 'C' });
    const audits = await auditCount('product.image_reorder', saved.id);

    await reorderImages(actor, saved.id, [c.id, a.id, b.id]);
    expect((await imagesOf(saved.id)).map((row) => [row.altText, row.position])).toEqual([['C', 0], ['A', 1], ['B', 2]]);
    expect(await auditCount('product.image_reorder', saved.id)).toBe(audits + 1);
    // The same order again writes nothing.
    await reorderImages(actor, saved.id, [c.id, a.id, b.id]);
    expect(await auditCount('product.image_reorder', saved.id)).toBe(audits + 1);

    // An order missing an image, naming one twice, or naming another product's image changes nothing.
    const other = await saveProduct(actor, matrixProduct(uniqueSuffix()));
    const foreign = await addProductImage(actor, { productId: other.id, file: await png('#444444'), altText: 'X' });
    for (const stale of [[a.id, b.id], [a.id, a.id, b.id], [a.id, b.id, foreign.id]]) {
      await expect(reorderImages(actor, saved.id, stale)).rejects.toMatchObject({ code: 'conflict' });
    }
    expect((await imagesOf(saved.id)).map((row) => row.altText)).toEqual(['C', 'A', 'B']);

    // B (last) is assigned to S / Blue: the store shows it first for that variant, the first image for the others.
    const detail = (await getProductDetail(saved.slug))!;
    const sBlue = detail.variants.find((variant) => variant.options.Size === 'S' && variant.options.Colour === 'Blue')!;
    const mRed = detail.variants.find((variant) => variant.options.Size === 'M' && variant.options.Colour === 'Red')!;
    await setImageVariants(actor, b.id, [sBlue.id]);
    const after = (await getProductDetail(saved.slug))!;
    expect(after.images[imageIndexForVariant(after.images, after.variants, sBlue.id)]!.alt).toBe('B');
    expect(after.images[imageIndexForVariant(after.images, after.variants, mRed.id)]!.alt).toBe('C');
  });
});
