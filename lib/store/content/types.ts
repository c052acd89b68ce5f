import type { ContentPageStatus, HomeCollection, MenuItemKind, MenuName } from '@/db/schema/content';

// What content reads hand to pages and components (never rows).

export type ContentPageSummary = { id: string; slug: string; title: string; status: ContentPageStatus; updatedAt: string };

/** A page for the editor: the Markdown as written. */
export type ContentPageEdit = ContentPageSummary & { body: string; seoTitle: string | null; seoDescription: string | null };

/** A published page for shoppers: the body already rendered and sanitised. */
export type PublishedPage = { slug: string; title: string; html: string; seoTitle: string | null; seoDescription: string; updatedAt: string };

/** A menu entry resolved to a label and an address; entries whose page is a draft are left out. */
export type MenuLink = { label: string; href: string };

/** A menu entry for the editor. */
export type MenuItemEdit = { id: string; menu: MenuName; kind: MenuItemKind; label: string; href: string; position: number; note: string | null };

export type HomePageView = {
  heroHeading: string;
  heroText: string;
  heroImageUrl: string | null;
  heroImageAlt: string;
  ctaLabel: string | null;
  ctaHref: string | null;
  featuredCategoryIds: string[];
  collections: HomeCollection[];
  /** False until the merchant first saves the composer: the page shows the defaults. */
  saved: boolean;
};
