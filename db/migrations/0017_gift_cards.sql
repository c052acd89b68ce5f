CREATE TABLE "customer_credit_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"credit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"balance_after_cents" integer NOT NULL,
	"order_id" uuid,
	"reason" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_credit_transactions_kind_check" CHECK ("customer_credit_transactions"."kind" in ('issue', 'redeem', 'refund', 'adjust')),
	CONSTRAINT "customer_credit_transactions_balance_check" CHECK ("customer_credit_transactions"."balance_after_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "customer_credits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"currency" varchar(3) NOT NULL,
	"balance_cents" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_credits_balance_check" CHECK ("customer_credits"."balance_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "gift_card_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gift_card_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"balance_after_cents" integer NOT NULL,
	"order_id" uuid,
	"reason" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gift_card_transactions_kind_check" CHECK ("gift_card_transactions"."kind" in ('issue', 'redeem', 'refund', 'adjust')),
	CONSTRAINT "gift_card_transactions_balance_check" CHECK ("gift_card_transactions"."balance_after_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "gift_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code_hash" text NOT NULL,
	"last_four" text NOT NULL,
	"currency" varchar(3) NOT NULL,
	"initial_cents" integer NOT NULL,
	"balance_cents" integer NOT NULL,
	"expires_at" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"source_order_id" uuid,
	"source_order_line_id" uuid,
	"source_unit" integer,
	"issued_by_id" uuid,
	"recipient_email" text,
	"recipient_name" text,
	"message" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gift_cards_balance_check" CHECK ("gift_cards"."balance_cents" >= 0 and "gift_cards"."initial_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "is_gift_card" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD COLUMN "gift_card_recipient" jsonb;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "is_gift_card" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "gift_card_recipient" jsonb;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "gift_card_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "store_credit_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_credit_transactions" ADD CONSTRAINT "customer_credit_transactions_credit_id_customer_credits_id_fk" FOREIGN KEY ("credit_id") REFERENCES "public"."customer_credits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_credit_transactions" ADD CONSTRAINT "customer_credit_transactions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_credit_transactions" ADD CONSTRAINT "customer_credit_transactions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_credits" ADD CONSTRAINT "customer_credits_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_card_transactions" ADD CONSTRAINT "gift_card_transactions_gift_card_id_gift_cards_id_fk" FOREIGN KEY ("gift_card_id") REFERENCES "public"."gift_cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_card_transactions" ADD CONSTRAINT "gift_card_transactions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_card_transactions" ADD CONSTRAINT "gift_card_transactions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_cards" ADD CONSTRAINT "gift_cards_source_order_id_orders_id_fk" FOREIGN KEY ("source_order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_cards" ADD CONSTRAINT "gift_cards_source_order_line_id_order_lines_id_fk" FOREIGN KEY ("source_order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_cards" ADD CONSTRAINT "gift_cards_issued_by_id_users_id_fk" FOREIGN KEY ("issued_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_credit_transactions_credit_idx" ON "customer_credit_transactions" USING btree ("credit_id","created_at");--> statement-breakpoint
CREATE INDEX "customer_credit_transactions_order_id_idx" ON "customer_credit_transactions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "customer_credit_transactions_actor_id_idx" ON "customer_credit_transactions" USING btree ("actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_credit_transactions_redeem_unique" ON "customer_credit_transactions" USING btree ("credit_id","order_id") WHERE "customer_credit_transactions"."kind" = 'redeem';--> statement-breakpoint
CREATE UNIQUE INDEX "customer_credit_transactions_refund_unique" ON "customer_credit_transactions" USING btree ("credit_id","order_id") WHERE "customer_credit_transactions"."kind" = 'refund';--> statement-breakpoint
CREATE UNIQUE INDEX "customer_credits_customer_currency_unique" ON "customer_credits" USING btree ("customer_id","currency");--> statement-breakpoint
CREATE INDEX "gift_card_transactions_card_idx" ON "gift_card_transactions" USING btree ("gift_card_id","created_at");--> statement-breakpoint
CREATE INDEX "gift_card_transactions_order_id_idx" ON "gift_card_transactions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "gift_card_transactions_actor_id_idx" ON "gift_card_transactions" USING btree ("actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gift_card_transactions_redeem_unique" ON "gift_card_transactions" USING btree ("gift_card_id","order_id") WHERE "gift_card_transactions"."kind" = 'redeem';--> statement-breakpoint
CREATE UNIQUE INDEX "gift_card_transactions_refund_unique" ON "gift_card_transactions" USING btree ("gift_card_id","order_id") WHERE "gift_card_transactions"."kind" = 'refund';--> statement-breakpoint
CREATE UNIQUE INDEX "gift_cards_code_hash_unique" ON "gift_cards" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "gift_cards_source_line_unit_unique" ON "gift_cards" USING btree ("source_order_line_id","source_unit");--> statement-breakpoint
CREATE INDEX "gift_cards_source_order_id_idx" ON "gift_cards" USING btree ("source_order_id");--> statement-breakpoint
CREATE INDEX "gift_cards_issued_by_id_idx" ON "gift_cards" USING btree ("issued_by_id");--> statement-breakpoint
CREATE INDEX "gift_cards_created_at_idx" ON "gift_cards" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tendered_check" CHECK ("orders"."gift_card_cents" >= 0 and "orders"."store_credit_cents" >= 0 and "orders"."gift_card_cents" + "orders"."store_credit_cents" <= "orders"."total_cents");