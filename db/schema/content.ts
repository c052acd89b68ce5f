import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { categories } from './catalog';
import { createdAt, id, updatedAt } from './columns';

// The store's own words: content pages (about, shipping and returns, legal), the header and footer menus, and the
// composed home page. Edited by admins; read by every shopper through the content cache (lib/store/content).

export const contentPageStatuses = ['draft', 'published'] as const;
export type ContentPageStatus = (typeof contentPageStatuses)[number];

export const contentPages = pgTable(
  'content_pages',
  {
    id: id(),
    slug: text().notNull(),
    title: text().notNull(),
    /** Markdown as the merchant wrote it; rendered to HTML and sanitised on output, never stored as HTML. */
    body: text().notNull().default(''),
    seoTitle: text(),
    seoDescription: text(),
    status: text({ enum: contentPageStatuses }).notNull().default('draft'),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('content_pages_slug_unique').on(t.slug),
    index('content_pages_status_idx').on(t.status),
    check('content_pages_status_check', sql`${t.status} in ('draft', 'published')`),
  ],
);

export const menuNames = ['header', 'footer'] as const;
export type MenuName = (typeof menuNames)[number];
export const menuItemKinds = ['page', 'category', 'link'] as const;
export type MenuItemKind = (typeof menuItemKinds)[number];

/** One entry of a menu: a content page, a category, or one of the store's own paths (e.g. the order lookup). */
export const menuItems = pgTable(
  'menu_items',
  {
    id: id(),
    menu: text({ enum: menuNames }).notNull(),
    position: integer().notNull().default(0),
    kind: text({ enum: menuItemKinds }).notNull(),
    /** Shown instead of the page's title or the category's name; required for links. */
    label: text(),
    pageId: uuid().references(() => contentPages.id, { onDelete: 'cascade' }),
    categoryId: uuid().references(() => categories.id, { onDelete: 'cascade' }),
    href: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index('menu_items_menu_idx').on(t.menu, t.position),
    index('menu_items_page_id_idx').on(t.pageId),
    index('menu_items_category_id_idx').on(t.categoryId),
    check('menu_items_menu_check', sql`${t.menu} in ('header', 'footer')`),
    check(
      'menu_items_target_check',
      sql`(${t.kind} = 'page' and ${t.pageId} is not null) or (${t.kind} = 'category' and ${t.categoryId} is not null) or (${t.kind} = 'link' and ${t.href} is not null and ${t.label} is not null)`,
    ),
  ],
);

export type HomeCollection = { key: 'featured' | 'newest'; title: string };

/** The home page as the merchant composed it (one row). */
export const homePage = pgTable(
  'home_page',
  {
    id: integer().primaryKey().default(1),
    heroHeading: text().notNull(),
    heroText: text().notNull().default(''),
    heroImageUrl: text(),
    heroImageAlt: text().notNull().default(''),
    ctaLabel: text(),
    ctaHref: text(),
    featuredCategoryIds: jsonb().$type<string[]>().notNull().default([]),
    collections: jsonb().$type<HomeCollection[]>().notNull().default([]),
    updatedAt: updatedAt(),
  },
  (t) => [check('home_page_singleton_check', sql`${t.id} = 1`)],
);

export type ContentPage = typeof contentPages.$inferSelect;
export type NewContentPage = typeof contentPages.$inferInsert;
export type MenuItem = typeof menuItems.$inferSelect;
export type NewMenuItem = typeof menuItems.$inferInsert;
export type HomePageRow = typeof homePage.$inferSelect;
