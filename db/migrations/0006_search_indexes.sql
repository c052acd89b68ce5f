-- Search: an index-only path to the active variants of matched products (filters, facet counts), and option display
-- names as one index probe per option. See db/schema/catalog.ts.
DROP INDEX "product_options_lower_name_idx";--> statement-breakpoint
CREATE INDEX "variants_active_facets_idx" ON "variants" USING btree ("product_id","price_cents","stock_on_hand","option_tokens") WHERE "variants"."is_active";--> statement-breakpoint
CREATE INDEX "product_options_lower_name_idx" ON "product_options" USING btree (lower("name"),"name");