CREATE TABLE "api_refresh_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"session_version" integer NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_sessions_revoked_reason_check" CHECK ("api_sessions"."revoked_reason" in ('sign_out', 'refresh_reuse'))
);
--> statement-breakpoint
ALTER TABLE "api_refresh_tokens" ADD CONSTRAINT "api_refresh_tokens_session_id_api_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."api_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_sessions" ADD CONSTRAINT "api_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_refresh_tokens_token_hash_unique" ON "api_refresh_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_refresh_tokens_session_id_idx" ON "api_refresh_tokens" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "api_refresh_tokens_expires_at_idx" ON "api_refresh_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "api_sessions_user_id_idx" ON "api_sessions" USING btree ("user_id");