CREATE TABLE "content_pages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"seo_title" text,
	"seo_description" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_pages_status_check" CHECK ("content_pages"."status" in ('draft', 'published'))
);
--> statement-breakpoint
CREATE TABLE "home_page" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"hero_heading" text NOT NULL,
	"hero_text" text DEFAULT '' NOT NULL,
	"hero_image_url" text,
	"hero_image_alt" text DEFAULT '' NOT NULL,
	"cta_label" text,
	"cta_href" text,
	"featured_category_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"collections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "home_page_singleton_check" CHECK ("home_page"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "menu_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"menu" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"kind" text NOT NULL,
	"label" text,
	"page_id" uuid,
	"category_id" uuid,
	"href" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "menu_items_menu_check" CHECK ("menu_items"."menu" in ('header', 'footer')),
	CONSTRAINT "menu_items_target_check" CHECK (("menu_items"."kind" = 'page' and "menu_items"."page_id" is not null) or ("menu_items"."kind" = 'category' and "menu_items"."category_id" is not null) or ("menu_items"."kind" = 'link' and "menu_items"."href" is not null and "menu_items"."label" is not null))
);
--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "logo_url" text;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "accent_color" text DEFAULT '#2f5fd0' NOT NULL;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "contact_address" text;--> statement-breakpoint
ALTER TABLE "store_settings" ADD COLUMN "payment_instructions" text;--> statement-breakpoint
ALTER TABLE "menu_items" ADD CONSTRAINT "menu_items_page_id_content_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."content_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "menu_items" ADD CONSTRAINT "menu_items_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "content_pages_slug_unique" ON "content_pages" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "content_pages_status_idx" ON "content_pages" USING btree ("status");--> statement-breakpoint
CREATE INDEX "menu_items_menu_idx" ON "menu_items" USING btree ("menu","position");--> statement-breakpoint
CREATE INDEX "menu_items_page_id_idx" ON "menu_items" USING btree ("page_id");--> statement-breakpoint
CREATE INDEX "menu_items_category_id_idx" ON "menu_items" USING btree ("category_id");