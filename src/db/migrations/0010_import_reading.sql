ALTER TABLE "import_drafts" DROP CONSTRAINT "import_drafts_status_check";--> statement-breakpoint
ALTER TABLE "import_drafts" ADD COLUMN "progress" jsonb;--> statement-breakpoint
ALTER TABLE "import_drafts" ADD COLUMN "failure" jsonb;--> statement-breakpoint
ALTER TABLE "import_drafts" ADD CONSTRAINT "import_drafts_status_check" CHECK ("import_drafts"."status" in ('reading','failed','draft','published','discarded'));