ALTER TABLE "variants" ADD COLUMN "option_tokens" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "product_options_lower_name_idx" ON "product_options" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "variants_option_tokens_idx" ON "variants" USING gin ("option_tokens");--> statement-breakpoint
-- variants.option_tokens mirrors variant_option_values as "lower(option name)=value" strings. Triggers keep it in
-- step with every writer (seed, admin, CSV import): rows added or removed, option values or names renamed.
CREATE OR REPLACE FUNCTION refresh_variant_option_tokens(variant_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  -- Set-based, keyed joins only: it runs inside bulk inserts (seed, CSV import) whose table statistics are stale.
  WITH target AS (SELECT DISTINCT unnest(variant_ids) AS id),
  tokens AS (
    SELECT t.id,
           coalesce(array_agg(lower(po.name) || '=' || pov.value ORDER BY po.position, po.name) FILTER (WHERE po.id IS NOT NULL),
                    '{}'::text[]) AS option_tokens
    FROM target t
    LEFT JOIN variant_option_values vov ON vov.variant_id = t.id
    LEFT JOIN product_option_values pov ON pov.id = vov.option_value_id
    LEFT JOIN product_options po ON po.id = pov.option_id
    GROUP BY t.id)
  UPDATE variants v SET option_tokens = tokens.option_tokens
  FROM tokens
  WHERE v.id = tokens.id AND v.option_tokens IS DISTINCT FROM tokens.option_tokens;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION variant_option_values_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_variant_option_tokens(ARRAY(SELECT DISTINCT variant_id FROM changed_rows));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER variant_option_values_insert_tokens AFTER INSERT ON variant_option_values
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION variant_option_values_inserted();--> statement-breakpoint
CREATE TRIGGER variant_option_values_delete_tokens AFTER DELETE ON variant_option_values
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION variant_option_values_inserted();--> statement-breakpoint
CREATE OR REPLACE FUNCTION product_option_value_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_variant_option_tokens(ARRAY(SELECT variant_id FROM variant_option_values WHERE option_value_id = NEW.id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER product_option_values_rename_tokens AFTER UPDATE OF value ON product_option_values
  FOR EACH ROW WHEN (OLD.value IS DISTINCT FROM NEW.value) EXECUTE FUNCTION product_option_value_renamed();--> statement-breakpoint
CREATE OR REPLACE FUNCTION product_option_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_variant_option_tokens(ARRAY(SELECT id FROM variants WHERE product_id = NEW.product_id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER product_options_rename_tokens AFTER UPDATE OF name ON product_options
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION product_option_renamed();--> statement-breakpoint
-- Backfill what is already there.
SELECT refresh_variant_option_tokens(ARRAY(SELECT id FROM variants));
