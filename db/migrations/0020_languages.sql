ALTER TABLE "orders" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "markets" ADD COLUMN "default_locale" text DEFAULT 'en' NOT NULL;