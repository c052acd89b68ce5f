ALTER TABLE "orders" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_customer_id_idx" ON "orders" USING btree ("customer_id","placed_at");--> statement-breakpoint
-- Every order gets its customer: the account that placed it, or a record per guest email (normalised as the app
-- stores emails: NFKC, trimmed, lower case), created here for guest orders placed before customer records existed.
-- Orders anonymised on erasure carry an address under .invalid and stay without a customer.
INSERT INTO "users" ("email", "name", "role", "created_at")
SELECT "guest"."email", (array_agg("guest"."name" ORDER BY "guest"."placed_at" DESC))[1], 'customer', min("guest"."placed_at")
FROM (
  SELECT lower(btrim(normalize("email", NFKC))) AS "email", coalesce("shipping_address"->>'name', '') AS "name", "placed_at"
  FROM "orders"
  WHERE "user_id" IS NULL AND "email" NOT LIKE '%.invalid'
) AS "guest"
GROUP BY "guest"."email"
ON CONFLICT ("email") DO NOTHING;--> statement-breakpoint
UPDATE "orders" SET "customer_id" = "user_id" WHERE "user_id" IS NOT NULL;--> statement-breakpoint
UPDATE "orders" SET "customer_id" = "users"."id"
FROM "users"
WHERE "orders"."user_id" IS NULL AND "orders"."email" NOT LIKE '%.invalid' AND "users"."email" = lower(btrim(normalize("orders"."email", NFKC)));
