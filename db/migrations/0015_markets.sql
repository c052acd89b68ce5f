CREATE TABLE "markets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"countries" varchar(2)[] NOT NULL,
	"currency" varchar(3) NOT NULL,
	"tax_display" text DEFAULT 'exclusive' NOT NULL,
	"exchange_rate" numeric(20, 10) DEFAULT '1' NOT NULL,
	"rounding_rule" text DEFAULT 'none' NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "markets_code_check" CHECK ("markets"."code" ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
	CONSTRAINT "markets_tax_display_check" CHECK ("markets"."tax_display" in ('inclusive', 'exclusive')),
	CONSTRAINT "markets_rounding_rule_check" CHECK ("markets"."rounding_rule" in ('none', 'whole', '99', '95')),
	CONSTRAINT "markets_exchange_rate_check" CHECK ("markets"."exchange_rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "variant_market_prices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"variant_id" uuid NOT NULL,
	"market_id" uuid NOT NULL,
	"price_cents" integer NOT NULL,
	"compare_at_price_cents" integer,
	"currency" varchar(3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "variant_market_prices_price_check" CHECK ("variant_market_prices"."price_cents" >= 0),
	CONSTRAINT "variant_market_prices_compare_at_check" CHECK ("variant_market_prices"."compare_at_price_cents" is null or "variant_market_prices"."compare_at_price_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "carts" ADD COLUMN "market_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "market_code" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "exchange_rate" numeric(20, 10);--> statement-breakpoint
ALTER TABLE "variant_market_prices" ADD CONSTRAINT "variant_market_prices_variant_id_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "variant_market_prices" ADD CONSTRAINT "variant_market_prices_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "markets_code_unique" ON "markets" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "markets_default_unique" ON "markets" USING btree ("is_default") WHERE "markets"."is_default";--> statement-breakpoint
CREATE INDEX "markets_countries_idx" ON "markets" USING gin ("countries");--> statement-breakpoint
CREATE INDEX "markets_position_idx" ON "markets" USING btree ("position");--> statement-breakpoint
CREATE UNIQUE INDEX "variant_market_prices_variant_market_unique" ON "variant_market_prices" USING btree ("variant_id","market_id");--> statement-breakpoint
CREATE INDEX "variant_market_prices_market_id_idx" ON "variant_market_prices" USING btree ("market_id");--> statement-breakpoint
ALTER TABLE "carts" ADD CONSTRAINT "carts_market_id_markets_id_fk" FOREIGN KEY ("market_id") REFERENCES "public"."markets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "carts_market_id_idx" ON "carts" USING btree ("market_id");