CREATE TABLE "product_image_variants" (
	"image_id" uuid NOT NULL,
	"variant_id" uuid NOT NULL,
	CONSTRAINT "product_image_variants_image_id_variant_id_pk" PRIMARY KEY("image_id","variant_id")
);
--> statement-breakpoint
ALTER TABLE "product_images" DROP CONSTRAINT "product_images_variant_id_variants_id_fk";
--> statement-breakpoint
DROP INDEX "product_images_variant_id_idx";--> statement-breakpoint
ALTER TABLE "product_image_variants" ADD CONSTRAINT "product_image_variants_image_id_product_images_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."product_images"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_image_variants" ADD CONSTRAINT "product_image_variants_variant_id_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_image_variants_variant_id_idx" ON "product_image_variants" USING btree ("variant_id");--> statement-breakpoint
-- Hand-added: each image keeps the one variant it was shown for, now as its first link.
INSERT INTO "product_image_variants" ("image_id", "variant_id") SELECT "id", "variant_id" FROM "product_images" WHERE "variant_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "product_images" DROP COLUMN "variant_id";