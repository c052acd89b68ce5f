import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { auditLog, homePage, storeSettings } from '@/db/schema';
import { actorFor, createPerson } from '@/lib/admin/testing/people';
import { getMediaStore } from '@/lib/storage';
import { homePageSchema } from './content/schemas';
import { saveHomePage } from './content/service';
import { uploadStoreImage } from './media';
import { storeBrandSchema } from './schemas';
import { getStoreBrand, updateStoreBrand } from './service';

// The logo and the hero: uploaded through the product-image pipeline into the media store, audited, and the file a
// save replaces is deleted once that save has committed.

afterAll(() => closeConnection());

const image = (width: number, height: number, format: 'jpeg' | 'png' = 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: '#cc5533' } })
    [format]()
    .toBuffer();

const uploadsBy = (actorId: string) => db.select().from(auditLog).where(and(eq(auditLog.action, 'media.upload'), eq(auditLog.actorId, actorId)));

const keyOf = (url: string) => url.replace(/^\/media\//, '');

describe('store images', () => {
  it('stores a logo as PNG (for email clients) and a hero as WebP, each audited with who uploaded it', async () => {
    const admin = await createPerson('admin');
    const logo = await uploadStoreImage(actorFor(admin), 'logo', await image(1600, 400));
    expect(logo.url).toMatch(/^\/media\/brand\/[0-9a-f-]{36}\.png$/);
    expect([logo.width, logo.height]).toEqual([800, 200]);
    const stored = await getMediaStore().get(keyOf(logo.url));
    expect(stored?.contentType).toBe('image/png');
    expect((await sharp(stored!.body).metadata()).format).toBe('png');

    const hero = await uploadStoreImage(actorFor(admin), 'hero', await image(1200, 600, 'png'));
    expect(hero.url).toMatch(/^\/media\/home\/[0-9a-f-]{36}\.webp$/);
    expect((await getMediaStore().get(keyOf(hero.url)))?.contentType).toBe('image/webp');

    const audit = await uploadsBy(admin.id);
    expect(audit.map((row) => (row.after as { purpose: string }).purpose).sort()).toEqual(['hero', 'logo']);
  });

  it('refuses a non-image and an image too small, storing nothing', async () => {
    const admin = await createPerson('admin');
    await expect(uploadStoreImage(actorFor(admin), 'logo', Buffer.from('GIF89a but really a text file'))).rejects.toMatchObject({ code: 'unsupported_media_type' });
    await expect(uploadStoreImage(actorFor(admin), 'hero', await image(120, 80))).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await uploadsBy(admin.id)).toHaveLength(0);
  });

  it('replacing or removing the saved logo or hero deletes the file it replaced; a path it did not upload is left alone', async () => {
    const admin = await createPerson('admin');
    const actor = actorFor(admin);
    const [originalSettings] = await db.select().from(storeSettings).where(eq(storeSettings.id, 1));
    const [originalHome] = await db.select().from(homePage).where(eq(homePage.id, 1));
    const brand = (await getStoreBrand())!;
    const brandInput = (logoUrl: string) =>
      storeBrandSchema.parse({ logoUrl, accentColor: brand.accentColor, contactPhone: brand.contactPhone ?? '', contactAddress: brand.contactAddress ?? '', paymentInstructions: brand.paymentInstructions ?? '' });
    try {
      const first = await uploadStoreImage(actor, 'logo', await image(400, 100));
      const second = await uploadStoreImage(actor, 'logo', await image(400, 100));
      await updateStoreBrand(actor, brandInput(first.url));
      await updateStoreBrand(actor, brandInput(second.url));
      expect(await getMediaStore().exists(keyOf(first.url))).toBe(false);
      expect(await getMediaStore().exists(keyOf(second.url))).toBe(true);
      expect((await getStoreBrand())!.logoUrl).toBe(second.url);
      await updateStoreBrand(actor, brandInput(''));
      expect((await getStoreBrand())!.logoUrl).toBeNull();
      expect(await getMediaStore().exists(keyOf(second.url))).toBe(false);

      const hero = await uploadStoreImage(actor, 'hero', await image(1000, 500));
      const homeInput = (heroImageUrl: string) => homePageSchema.parse({ heroHeading: 'Hello', heroImageUrl, heroImageAlt: 'A folded linen shirt' });
      await saveHomePage(actor, homeInput(hero.url));
      await saveHomePage(actor, homeInput(hero.url)); // saved again unchanged: kept
      expect(await getMediaStore().exists(keyOf(hero.url))).toBe(true);
      await saveHomePage(actor, homeInput('/media/seed/not-ours.webp'));
      expect(await getMediaStore().exists(keyOf(hero.url))).toBe(false);
      await saveHomePage(actor, homeInput(''));
      const [row] = await db.select({ heroImageUrl: homePage.heroImageUrl }).from(homePage).where(eq(homePage.id, 1));
      expect(row!.heroImageUrl).toBeNull();
    } finally {
      await db.update(storeSettings).set(originalSettings!).where(eq(storeSettings.id, 1));
      if (originalHome) await db.update(homePage).set(originalHome).where(eq(homePage.id, 1));
      else await db.delete(homePage).where(eq(homePage.id, 1));
    }
  });
});
