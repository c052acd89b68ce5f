import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { contentPages, homePage, menuItems, type MenuName } from '@/db/schema';
import { listCategoryChoices } from '@/lib/catalog/categories/queries';
import { markdownToPlainText, renderMarkdown } from './markdown';
import type { ContentPageEdit, ContentPageSummary, HomePageView, MenuItemEdit, MenuLink, PublishedPage } from './types';

// Content reads. Shoppers' reads (a published page, a menu, the home page) go through ./cache.ts; the admin's are
// read live.

export const pagePath = (slug: string) => `/pages/${slug}`;
export const categoryPath = (slug: string) => `/categories/${slug}`;

export async function listContentPages(executor: Executor = db): Promise<ContentPageSummary[]> {
  const rows = await executor
    .select({ id: contentPages.id, slug: contentPages.slug, title: contentPages.title, status: contentPages.status, updatedAt: contentPages.updatedAt })
    .from(contentPages)
    .orderBy(asc(contentPages.title));
  return rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() }));
}

export async function getContentPageForEdit(id: string, executor: Executor = db): Promise<ContentPageEdit | null> {
  const [row] = await executor
    .select({
      id: contentPages.id,
      slug: contentPages.slug,
      title: contentPages.title,
      status: contentPages.status,
      updatedAt: contentPages.updatedAt,
      body: contentPages.body,
      seoTitle: contentPages.seoTitle,
      seoDescription: contentPages.seoDescription,
    })
    .from(contentPages)
    .where(eq(contentPages.id, id));
  return row ? { ...row, updatedAt: row.updatedAt.toISOString() } : null;
}

/** A page as shoppers see it; drafts are "not found". `includeDrafts` is for the admin's preview. */
export async function getPublishedPage(slug: string, options: { includeDrafts?: boolean } = {}, executor: Executor = db): Promise<PublishedPage | null> {
  const includeDrafts = options.includeDrafts ?? false;
  const [row] = await executor
    .select({
      slug: contentPages.slug,
      title: contentPages.title,
      body: contentPages.body,
      seoTitle: contentPages.seoTitle,
      seoDescription: contentPages.seoDescription,
      updatedAt: contentPages.updatedAt,
    })
    .from(contentPages)
    .where(includeDrafts ? eq(contentPages.slug, slug) : and(eq(contentPages.slug, slug), eq(contentPages.status, 'published')));
  if (!row) return null;
  return {
    slug: row.slug,
    title: row.title,
    html: renderMarkdown(row.body),
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription ?? markdownToPlainText(row.body),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function readMenu(menu: MenuName, executor: Executor) {
  const [rows, categories] = await Promise.all([
    executor
      .select({
        id: menuItems.id,
        kind: menuItems.kind,
        label: menuItems.label,
        href: menuItems.href,
        position: menuItems.position,
        categoryId: menuItems.categoryId,
        pageSlug: contentPages.slug,
        pageTitle: contentPages.title,
        pageStatus: contentPages.status,
      })
      .from(menuItems)
      .leftJoin(contentPages, eq(contentPages.id, menuItems.pageId))
      .where(eq(menuItems.menu, menu))
      .orderBy(asc(menuItems.position), asc(menuItems.createdAt)),
    listCategoryChoices(executor),
  ]);
  const byId = new Map(categories.map((category) => [category.id, category]));
  return rows.map((row) => {
    if (row.kind === 'page') {
      return { row, label: row.label ?? row.pageTitle ?? '', href: pagePath(row.pageSlug ?? ''), hidden: row.pageStatus !== 'published', note: row.pageStatus === 'published' ? null : 'Draft page: hidden until published' };
    }
    if (row.kind === 'category') {
      const category = byId.get(row.categoryId ?? '');
      return { row, label: row.label ?? category?.name ?? '', href: categoryPath(category?.slug ?? ''), hidden: !category, note: null };
    }
    return { row, label: row.label ?? row.href ?? '', href: row.href ?? '/', hidden: false, note: null };
  });
}

/** A menu as shoppers see it: entries resolved to label and address, drafts left out. */
export async function listMenu(menu: MenuName, executor: Executor = db): Promise<MenuLink[]> {
  return (await readMenu(menu, executor)).filter((item) => !item.hidden).map(({ label, href }) => ({ label, href }));
}

export async function listMenuForEdit(menu: MenuName, executor: Executor = db): Promise<MenuItemEdit[]> {
  return (await readMenu(menu, executor)).map(({ row, label, href, note }) => ({ id: row.id, menu, kind: row.kind, label, href, position: row.position, note }));
}

export async function getHomePage(fallbackHeading: string, executor: Executor = db): Promise<HomePageView> {
  const [row] = await executor.select().from(homePage).where(eq(homePage.id, 1));
  if (!row) {
    return {
      heroHeading: fallbackHeading,
      heroText: 'Everyday goods, well made.',
      heroImageUrl: null,
      heroImageAlt: '',
      ctaLabel: 'Shop all',
      ctaHref: '/search',
      featuredCategoryIds: [],
      collections: [
        { key: 'featured', title: 'Featured products' },
        { key: 'newest', title: 'New arrivals' },
      ],
      saved: false,
    };
  }
  return {
    heroHeading: row.heroHeading,
    heroText: row.heroText,
    heroImageUrl: row.heroImageUrl,
    heroImageAlt: row.heroImageAlt,
    ctaLabel: row.ctaLabel,
    ctaHref: row.ctaHref,
    featuredCategoryIds: row.featuredCategoryIds,
    collections: row.collections,
    saved: true,
  };
}

/** The most recently edited pages first (for the sitemap and the admin's dashboard). */
export async function listPublishedPageSlugs(executor: Executor = db): Promise<{ slug: string; updatedAt: Date }[]> {
  return executor
    .select({ slug: contentPages.slug, updatedAt: contentPages.updatedAt })
    .from(contentPages)
    .where(eq(contentPages.status, 'published'))
    .orderBy(desc(contentPages.updatedAt));
}
