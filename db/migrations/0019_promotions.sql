CREATE TABLE "customer_group_members" (
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_group_members_group_id_user_id_pk" PRIMARY KEY("group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "customer_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_promotions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"promotion_id" uuid,
	"customer_id" uuid,
	"title" text NOT NULL,
	"code" text,
	"amount_cents" integer NOT NULL,
	"free_shipping" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_promotions_amount_check" CHECK ("order_promotions"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "promotions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"code" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"eligibility" text DEFAULT 'everyone' NOT NULL,
	"customer_group_id" uuid,
	"currency" varchar(3) NOT NULL,
	"min_subtotal_cents" integer DEFAULT 0 NOT NULL,
	"min_quantity" integer DEFAULT 0 NOT NULL,
	"scope" text DEFAULT 'order' NOT NULL,
	"product_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"category_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"exclude_sale_items" boolean DEFAULT false NOT NULL,
	"stackable" boolean DEFAULT true NOT NULL,
	"action_kind" text NOT NULL,
	"action" jsonb NOT NULL,
	"usage_limit" integer,
	"per_customer_limit" integer,
	"times_used" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotions_eligibility_check" CHECK ("promotions"."eligibility" in ('everyone', 'signed_in', 'group', 'first_order')),
	CONSTRAINT "promotions_group_check" CHECK (("promotions"."eligibility" = 'group') = ("promotions"."customer_group_id" is not null)),
	CONSTRAINT "promotions_scope_check" CHECK ("promotions"."scope" in ('order', 'products', 'categories')),
	CONSTRAINT "promotions_action_kind_check" CHECK ("promotions"."action_kind" in ('percent', 'fixed', 'free_shipping', 'buy_x_get_y', 'tiered') and "promotions"."action" ->> 'kind' = "promotions"."action_kind"),
	CONSTRAINT "promotions_minimums_check" CHECK ("promotions"."min_subtotal_cents" >= 0 and "promotions"."min_quantity" >= 0),
	CONSTRAINT "promotions_usage_limit_check" CHECK ("promotions"."usage_limit" is null or "promotions"."usage_limit" >= 1),
	CONSTRAINT "promotions_per_customer_check" CHECK ("promotions"."per_customer_limit" is null or "promotions"."per_customer_limit" >= 1),
	CONSTRAINT "promotions_times_used_check" CHECK ("promotions"."times_used" >= 0 and ("promotions"."usage_limit" is null or "promotions"."times_used" <= "promotions"."usage_limit")),
	CONSTRAINT "promotions_dates_check" CHECK ("promotions"."starts_at" is null or "promotions"."ends_at" is null or "promotions"."ends_at" > "promotions"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "customer_group_members" ADD CONSTRAINT "customer_group_members_group_id_customer_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."customer_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_group_members" ADD CONSTRAINT "customer_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_promotions" ADD CONSTRAINT "order_promotions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_promotions" ADD CONSTRAINT "order_promotions_promotion_id_promotions_id_fk" FOREIGN KEY ("promotion_id") REFERENCES "public"."promotions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_promotions" ADD CONSTRAINT "order_promotions_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_customer_group_id_customer_groups_id_fk" FOREIGN KEY ("customer_group_id") REFERENCES "public"."customer_groups"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_group_members_user_id_idx" ON "customer_group_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_groups_name_unique" ON "customer_groups" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "order_promotions_order_promotion_unique" ON "order_promotions" USING btree ("order_id","promotion_id");--> statement-breakpoint
CREATE INDEX "order_promotions_promotion_customer_idx" ON "order_promotions" USING btree ("promotion_id","customer_id");--> statement-breakpoint
CREATE INDEX "order_promotions_customer_id_idx" ON "order_promotions" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "promotions_code_unique" ON "promotions" USING btree ("code") WHERE "promotions"."code" is not null;--> statement-breakpoint
CREATE INDEX "promotions_active_idx" ON "promotions" USING btree ("is_active","ends_at");--> statement-breakpoint
CREATE INDEX "promotions_customer_group_id_idx" ON "promotions" USING btree ("customer_group_id");--> statement-breakpoint
CREATE INDEX "promotions_created_at_idx" ON "promotions" USING btree ("created_at");