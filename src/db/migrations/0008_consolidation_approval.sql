CREATE TABLE "consolidation_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consolidation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"revision" integer NOT NULL,
	"step" text NOT NULL,
	"report_version" integer NOT NULL,
	"heading" jsonb NOT NULL,
	"sections" jsonb NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_user" uuid,
	CONSTRAINT "consolidation_versions_step_check" CHECK ("consolidation_versions"."step" in ('sent','returned','approved'))
);
--> statement-breakpoint
ALTER TABLE "consolidated_reports" ADD COLUMN "status" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "consolidated_reports" ADD COLUMN "sent_version" integer;--> statement-breakpoint
ALTER TABLE "consolidated_reports" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "consolidated_reports" ADD COLUMN "status_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consolidated_reports" ADD COLUMN "status_by" uuid;--> statement-breakpoint
ALTER TABLE "consolidated_reports" ADD COLUMN "status_comment" text;--> statement-breakpoint
ALTER TABLE "consolidation_versions" ADD CONSTRAINT "consolidation_versions_consolidation_id_consolidated_reports_id_fk" FOREIGN KEY ("consolidation_id") REFERENCES "public"."consolidated_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolidation_versions" ADD CONSTRAINT "consolidation_versions_by_user_users_id_fk" FOREIGN KEY ("by_user") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consolidation_versions_seq_key" ON "consolidation_versions" USING btree ("consolidation_id","seq");--> statement-breakpoint
ALTER TABLE "consolidated_reports" ADD CONSTRAINT "consolidated_reports_status_by_users_id_fk" FOREIGN KEY ("status_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolidated_reports" ADD CONSTRAINT "consolidated_reports_status_check" CHECK ("consolidated_reports"."status" in ('draft','sent','returned','approved'));