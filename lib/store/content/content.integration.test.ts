import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { categories, contentPages, menuItems } from '@/db/schema';
import { actorFor, auditRowsFor, createPerson } from '@/lib/admin/testing/people';
import { getCachedMenu, getCachedPublishedPage, invalidateContent } from './cache';
import { getHomePage, getPublishedPage, listMenu, listMenuForEdit } from './queries';
import { contentPageSchema, homePageSchema, menuItemSchema } from './schemas';
import { addMenuItem, deleteContentPage, deleteMenuItem, installStandardPages, moveMenuItem, saveContentPage, saveHomePage } from './service';
import { PAGE_TEMPLATES } from './templates';

afterAll(() => closeConnection());

const unique = () => randomBytes(4).toString('hex');

async function admin() {
  return actorFor(await createPerson('admin'));
}

describe('content pages', () => {
  it('creates a draft shoppers cannot see, publishes it, and renders its Markdown sanitised', async () => {
    const actor = await admin();
    const slug = `returns-${unique()}`;
    const input = contentPageSchema.parse({ title: 'Returns', slug, body: '## Thirty days\n\n<script>alert(1)</script>Send it back.', status: 'draft' });
    const { id } = await saveContentPage(actor, input);
    expect(await getPublishedPage(slug)).toBeNull();
    expect(await getPublishedPage(slug, { includeDrafts: true })).toMatchObject({ title: 'Returns' });

    await saveContentPage(actor, { ...input, id, status: 'published' });
    const page = await getPublishedPage(slug);
    expect(page!.html).toContain('<h2>Thirty days</h2>');
    expect(page!.html).not.toContain('script');
    // No SEO description written: the start of the text stands in.
    expect(page!.seoDescription).toBe('Thirty days Send it back.');
    expect((await auditRowsFor(id)).map((row) => row.action).sort()).toEqual(['page.create', 'page.update']);
  });

  it('makes the address from the title, and refuses an address another page has', async () => {
    const actor = await admin();
    const title = `Size guide ${unique()}`;
    const first = await saveContentPage(actor, contentPageSchema.parse({ title, body: '', status: 'published' }));
    expect(first.slug).toBe(title.toLowerCase().replace(/ /g, '-'));
    await expect(saveContentPage(actor, contentPageSchema.parse({ title: 'Other', slug: first.slug, body: '', status: 'draft' }))).rejects.toMatchObject({
      code: 'validation_failed',
      fieldErrors: { slug: [expect.stringContaining('Another page')] },
    });
  });

  it('installs the standard pages once, whatever exists already', async () => {
    const before = await db.$count(contentPages);
    await installStandardPages(db);
    await installStandardPages(db);
    const slugs = (await db.select({ slug: contentPages.slug }).from(contentPages)).map((row) => row.slug);
    for (const template of PAGE_TEMPLATES) expect(slugs.filter((slug) => slug === template.slug)).toHaveLength(1);
    expect(await db.$count(contentPages)).toBeGreaterThanOrEqual(before);
  });
});

describe('menus', () => {
  it('lists entries in order, hides drafts, follows moves and removals, and drops entries of a deleted page', async () => {
    const actor = await admin();
    const menu = 'header';
    for (const item of await listMenuForEdit(menu)) await deleteMenuItem(actor, item.id);
    const published = await saveContentPage(actor, contentPageSchema.parse({ title: `Story ${unique()}`, body: 'x', status: 'published' }));
    const draft = await saveContentPage(actor, contentPageSchema.parse({ title: `Soon ${unique()}`, body: 'x', status: 'draft' }));
    const [category] = await db.select({ id: categories.id, name: categories.name, slug: categories.slug }).from(categories).limit(1);

    await addMenuItem(actor, menuItemSchema.parse({ menu, target: `page:${published.id}` }));
    await addMenuItem(actor, menuItemSchema.parse({ menu, target: `page:${draft.id}` }));
    await addMenuItem(actor, menuItemSchema.parse({ menu, target: `category:${category!.id}`, label: 'Shop it' }));
    await addMenuItem(actor, menuItemSchema.parse({ menu, target: 'link:/orders/lookup', label: 'Track an order' }));

    expect(await listMenu(menu)).toEqual([
      { label: expect.stringMatching(/^Story /), href: `/pages/${published.slug}` },
      { label: 'Shop it', href: `/categories/${category!.slug}` },
      { label: 'Track an order', href: '/orders/lookup' },
    ]);
    const edit = await listMenuForEdit(menu);
    expect(edit[1]).toMatchObject({ note: expect.stringContaining('Draft') });

    await moveMenuItem(actor, edit[3]!.id, 'up');
    await moveMenuItem(actor, edit[0]!.id, 'up'); // already first: nothing moves
    expect((await listMenu(menu)).map((item) => item.label)).toEqual([expect.stringMatching(/^Story /), 'Track an order', 'Shop it']);

    await deleteContentPage(actor, published.id);
    expect((await listMenu(menu)).map((item) => item.label)).toEqual(['Track an order', 'Shop it']);
  });

  it('refuses what a form could be made to send: unknown targets, other sites, script links', () => {
    for (const target of ['page:nope', 'link://evil.example', 'link:javascript:alert(1)', 'link:https://evil.example', 'category:', 'other:x']) {
      const result = menuItemSchema.safeParse({ menu: 'footer', target });
      if (target === 'link:https://evil.example') expect(result.success).toBe(true); // https links are allowed, by design
      else expect(result.success, target).toBe(false);
    }
    expect(menuItemSchema.safeParse({ menu: 'sidebar', target: 'link:/search' }).success).toBe(false);
  });

  it('keeps positions distinct when entries are added at the same time', async () => {
    const actor = await admin();
    const menu = 'header';
    for (const item of await listMenuForEdit(menu)) await deleteMenuItem(actor, item.id);
    await Promise.all(Array.from({ length: 6 }, (_, i) => addMenuItem(actor, menuItemSchema.parse({ menu, target: `link:/search?q=${i}`, label: `Q${i}` }))));
    const positions = (await db.select({ position: menuItems.position }).from(menuItems).where(eq(menuItems.menu, menu))).map((row) => row.position);
    expect(new Set(positions).size).toBe(6);
  });
});

describe('home page and the content cache', () => {
  it('saves the composition, and a cached read shows an edit at once after the purge', async () => {
    const actor = await admin();
    const heading = `Autumn ${unique()}`;
    await saveHomePage(actor, homePageSchema.parse({ heroHeading: heading, heroText: 'New in', ctaLabel: 'Shop', ctaHref: '/search', showNewest: 'on', newestTitle: 'Just in' }));
    const home = await getHomePage('Fallback');
    expect(home).toMatchObject({ heroHeading: heading, ctaHref: '/search', collections: [{ key: 'newest', title: 'Just in' }], saved: true });

    const slug = `faq-${unique()}`;
    const { id } = await saveContentPage(actor, contentPageSchema.parse({ title: 'FAQ', slug, body: 'Old answer', status: 'published' }));
    expect((await getCachedPublishedPage(slug))!.html).toContain('Old answer');
    await saveContentPage(actor, contentPageSchema.parse({ id, title: 'FAQ', slug, body: 'New answer', status: 'published' }));
    // Still the cached copy until the edit's purge …
    expect((await getCachedPublishedPage(slug))!.html).toContain('Old answer');
    invalidateContent();
    // … and the new text right after it.
    expect((await getCachedPublishedPage(slug))!.html).toContain('New answer');
    expect(Array.isArray(await getCachedMenu('footer'))).toBe(true);
  });

  it('refuses a button without a label or a link, and links off the store other than https', () => {
    expect(homePageSchema.safeParse({ heroHeading: 'x', ctaLabel: 'Go' }).error?.issues[0]?.path).toEqual(['ctaHref']);
    expect(homePageSchema.safeParse({ heroHeading: 'x', ctaLabel: 'Go', ctaHref: 'javascript:alert(1)' }).success).toBe(false);
    expect(homePageSchema.safeParse({ heroHeading: 'x', heroImageUrl: 'https://elsewhere.example/a.png' }).success).toBe(false);
  });
});
