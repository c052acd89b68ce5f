import 'server-only';
import { and, asc, count, eq, gt, inArray, lt, desc, sql } from 'drizzle-orm';
import { db, type Executor, type Transaction } from '@/db/client';
import { contentPages, homePage, menuItems, type MenuName } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/service';
import { slugify } from '@/lib/catalog/slug';
import { AppError } from '@/lib/errors';
import type { ContentPageInput, HomePageInput, MenuItemInput } from './schemas';
import { discardReplacedStoreImage } from '@/lib/store/media';
import { PAGE_TEMPLATES } from './templates';

// Content writes (admins): pages, menu entries, the home page. Each is one transaction with its audit row; the
// caller purges the content cache after the commit (./cache.ts).

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === '23505';
}

const slugTaken = () =>
  new AppError('validation_failed', 'Another page already uses this address.', { fieldErrors: { slug: ['Another page already uses this address. Choose another.'] } });

/** Creates (no id) or updates a page; returns its id and slug (and the old slug when it changed). */
export async function saveContentPage(actor: AuditActor, input: ContentPageInput, executor: Executor = db): Promise<{ id: string; slug: string; previousSlug: string | null }> {
  const slug = input.slug || slugify(input.title);
  if (!slug) throw new AppError('validation_failed', 'Give the page an address.', { fieldErrors: { slug: ['Use letters or digits in the title or the address.'] } });
  const values = { title: input.title, slug, body: input.body, seoTitle: input.seoTitle, seoDescription: input.seoDescription, status: input.status };
  try {
    return await executor.transaction(async (tx) => {
      if (!input.id) {
        const [created] = await tx
          .insert(contentPages)
          .values({ ...values, publishedAt: input.status === 'published' ? new Date() : null })
          .returning({ id: contentPages.id });
        await recordAudit(tx, actor, { action: 'page.create', entityType: 'content_page', entityId: created!.id, after: { slug, title: input.title, status: input.status } });
        return { id: created!.id, slug, previousSlug: null };
      }
      const [before] = await tx
        .select({ slug: contentPages.slug, title: contentPages.title, status: contentPages.status, publishedAt: contentPages.publishedAt })
        .from(contentPages)
        .where(eq(contentPages.id, input.id))
        .for('update');
      if (!before) throw new AppError('not_found', 'This page no longer exists.');
      const publishedAt = input.status === 'published' ? (before.publishedAt ?? new Date()) : before.publishedAt;
      await tx.update(contentPages).set({ ...values, publishedAt, updatedAt: new Date() }).where(eq(contentPages.id, input.id));
      await recordAudit(tx, actor, {
        action: 'page.update',
        entityType: 'content_page',
        entityId: input.id,
        before: { slug: before.slug, title: before.title, status: before.status },
        after: { slug, title: input.title, status: input.status },
      });
      return { id: input.id, slug, previousSlug: before.slug === slug ? null : before.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

/** Deletes a page; menu entries pointing at it go with it (ON DELETE CASCADE). */
export async function deleteContentPage(actor: AuditActor, id: string, executor: Executor = db): Promise<{ slug: string }> {
  return executor.transaction(async (tx) => {
    const [deleted] = await tx.delete(contentPages).where(eq(contentPages.id, id)).returning({ slug: contentPages.slug, title: contentPages.title });
    if (!deleted) throw new AppError('not_found', 'This page no longer exists.');
    await recordAudit(tx, actor, { action: 'page.delete', entityType: 'content_page', entityId: id, before: deleted });
    return { slug: deleted.slug };
  });
}

const MAX_MENU_ITEMS = 20;

async function lockMenu(tx: Transaction, menu: MenuName) {
  // Serialises writers of one menu, so concurrent adds or moves cannot hand out the same position.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`menu:${menu}`}))`);
}

export async function addMenuItem(actor: AuditActor, input: MenuItemInput, executor: Executor = db): Promise<string> {
  return executor.transaction(async (tx) => {
    await lockMenu(tx, input.menu);
    const [{ n, last } = { n: 0, last: -1 }] = await tx
      .select({ n: count(), last: sql<number>`coalesce(max(${menuItems.position}), -1)::int` })
      .from(menuItems)
      .where(eq(menuItems.menu, input.menu));
    if (n >= MAX_MENU_ITEMS) throw new AppError('validation_failed', `A menu holds at most ${MAX_MENU_ITEMS} entries.`, { fieldErrors: { target: [`A menu holds at most ${MAX_MENU_ITEMS} entries.`] } });
    let created: { id: string } | undefined;
    try {
      [created] = await tx
        .insert(menuItems)
        .values({ ...input, position: Number(last) + 1 })
        .returning({ id: menuItems.id });
    } catch (error) {
      // A page or category deleted meanwhile: the foreign key refuses it.
      if ((((error as { cause?: { code?: string } })?.cause ?? error) as { code?: string }).code === '23503') {
        throw new AppError('validation_failed', 'That page or category no longer exists.', { fieldErrors: { target: ['That page or category no longer exists.'] } });
      }
      throw error;
    }
    await recordAudit(tx, actor, { action: 'menu.add', entityType: 'menu_item', entityId: created!.id, after: { ...input } });
    return created!.id;
  });
}

export async function deleteMenuItem(actor: AuditActor, id: string, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const [deleted] = await tx.delete(menuItems).where(eq(menuItems.id, id)).returning({ menu: menuItems.menu, kind: menuItems.kind, label: menuItems.label });
    if (!deleted) throw new AppError('not_found', 'This entry no longer exists.');
    await recordAudit(tx, actor, { action: 'menu.remove', entityType: 'menu_item', entityId: id, before: deleted });
  });
}

/** Swaps an entry with its neighbour above or below; at either end nothing moves. */
export async function moveMenuItem(actor: AuditActor, id: string, direction: 'up' | 'down', executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const [item] = await tx.select({ menu: menuItems.menu, position: menuItems.position }).from(menuItems).where(eq(menuItems.id, id));
    if (!item) throw new AppError('not_found', 'This entry no longer exists.');
    await lockMenu(tx, item.menu);
    const [current] = await tx.select({ position: menuItems.position }).from(menuItems).where(eq(menuItems.id, id));
    if (!current) throw new AppError('not_found', 'This entry no longer exists.');
    const [neighbour] = await tx
      .select({ id: menuItems.id, position: menuItems.position })
      .from(menuItems)
      .where(and(eq(menuItems.menu, item.menu), direction === 'up' ? lt(menuItems.position, current.position) : gt(menuItems.position, current.position)))
      .orderBy(direction === 'up' ? desc(menuItems.position) : asc(menuItems.position))
      .limit(1);
    if (!neighbour) return;
    await tx.update(menuItems).set({ position: neighbour.position }).where(eq(menuItems.id, id));
    await tx.update(menuItems).set({ position: current.position }).where(eq(menuItems.id, neighbour.id));
    await recordAudit(tx, actor, { action: 'menu.move', entityType: 'menu_item', entityId: id, before: { position: current.position }, after: { position: neighbour.position } });
  });
}

export async function saveHomePage(actor: AuditActor, input: HomePageInput, executor: Executor = db): Promise<void> {
  const previousImage = await executor.transaction(async (tx) => {
    const [before] = await tx.select().from(homePage).where(eq(homePage.id, 1)).for('update');
    await tx
      .insert(homePage)
      .values({ id: 1, ...input })
      .onConflictDoUpdate({ target: homePage.id, set: { ...input, updatedAt: new Date() } });
    const { updatedAt: _ignored, id: _id, ...beforeValues } = before ?? { updatedAt: null, id: null };
    await recordAudit(tx, actor, { action: 'home.update', entityType: 'home_page', entityId: '1', before: before ? beforeValues : undefined, after: input });
    return before?.heroImageUrl ?? null;
  });
  await discardReplacedStoreImage(previousImage, input.heroImageUrl);
}

/**
 * Adds the standard pages (about, shipping and returns, privacy, terms, contact) that do not exist yet, as
 * published starting points, and — when the footer menu is empty — a footer linking them and the order lookup.
 * Idempotent: a slug already taken is left alone. Used by the demo seed and by the admin's "add the standard pages".
 */
export async function installStandardPages(executor: Executor, actor?: AuditActor): Promise<number> {
  return executor.transaction(async (tx) => {
    const inserted = await tx
      .insert(contentPages)
      .values(PAGE_TEMPLATES.map((page) => ({ ...page, status: 'published' as const, publishedAt: new Date() })))
      .onConflictDoNothing({ target: contentPages.slug })
      .returning({ id: contentPages.id, slug: contentPages.slug });
    await lockMenu(tx, 'footer');
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(menuItems).where(eq(menuItems.menu, 'footer'));
    if (Number(n) === 0) {
      const pages = await tx
        .select({ id: contentPages.id, slug: contentPages.slug })
        .from(contentPages)
        .where(inArray(contentPages.slug, PAGE_TEMPLATES.map((page) => page.slug)));
      const bySlug = new Map(pages.map((page) => [page.slug, page.id]));
      const entries = [
        ...PAGE_TEMPLATES.map((page) => bySlug.get(page.slug)).filter((id): id is string => Boolean(id)).map((pageId) => ({ kind: 'page' as const, pageId })),
        { kind: 'link' as const, href: '/orders/lookup', label: 'Order lookup' },
      ];
      await tx.insert(menuItems).values(entries.map((entry, position) => ({ menu: 'footer' as const, position, ...entry })));
    }
    if (actor && inserted.length > 0) {
      await recordAudit(tx, actor, { action: 'page.install_standard', entityType: 'content_page', entityId: null, after: { slugs: inserted.map((page) => page.slug) } });
    }
    return inserted.length;
  });
}
