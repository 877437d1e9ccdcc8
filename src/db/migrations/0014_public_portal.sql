CREATE TABLE "public_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"program_id" uuid,
	"consolidation_id" uuid,
	"year" integer,
	"title" text NOT NULL,
	"number" text,
	"doc_date" text,
	"issuer_unit_id" uuid,
	"docx_sha256" text NOT NULL,
	"pdf_sha256" text,
	"docx_name" text NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_documents_kind_check" CHECK ("public_documents"."kind" in ('consolidated','review'))
);
--> statement-breakpoint
CREATE TABLE "transparency_checkpoints" (
	"size" bigint PRIMARY KEY NOT NULL,
	"root_hash" text NOT NULL,
	"note" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transparency_leaves" (
	"idx" bigint PRIMARY KEY NOT NULL,
	"audit_seq" bigint NOT NULL,
	"kind" text NOT NULL,
	"program_id" uuid,
	"node_id" uuid,
	"ref_id" uuid,
	"leaf" text NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_uploads" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "public_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "public_by" uuid;--> statement-breakpoint
ALTER TABLE "public_documents" ADD CONSTRAINT "public_documents_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_documents" ADD CONSTRAINT "public_documents_consolidation_id_consolidated_reports_id_fk" FOREIGN KEY ("consolidation_id") REFERENCES "public"."consolidated_reports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_documents" ADD CONSTRAINT "public_documents_issuer_unit_id_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_documents" ADD CONSTRAINT "public_documents_docx_sha256_files_sha256_fk" FOREIGN KEY ("docx_sha256") REFERENCES "public"."files"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_documents" ADD CONSTRAINT "public_documents_pdf_sha256_files_sha256_fk" FOREIGN KEY ("pdf_sha256") REFERENCES "public"."files"("sha256") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_documents_program_idx" ON "public_documents" USING btree ("program_id","published_at");--> statement-breakpoint
CREATE INDEX "transparency_leaves_program_idx" ON "transparency_leaves" USING btree ("program_id","idx");--> statement-breakpoint
CREATE INDEX "transparency_leaves_node_idx" ON "transparency_leaves" USING btree ("node_id","idx");--> statement-breakpoint
CREATE INDEX "transparency_leaves_ref_idx" ON "transparency_leaves" USING btree ("ref_id");--> statement-breakpoint
-- The public log is append-only, like the audit trail (0001): leaves and checkpoints are never changed.
CREATE OR REPLACE FUNCTION transparency_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER transparency_leaves_no_update BEFORE UPDATE OR DELETE ON transparency_leaves
  FOR EACH ROW EXECUTE FUNCTION transparency_append_only();
--> statement-breakpoint
CREATE TRIGGER transparency_leaves_no_truncate BEFORE TRUNCATE ON transparency_leaves
  FOR EACH STATEMENT EXECUTE FUNCTION transparency_append_only();
--> statement-breakpoint
CREATE TRIGGER transparency_checkpoints_no_update BEFORE UPDATE OR DELETE ON transparency_checkpoints
  FOR EACH ROW EXECUTE FUNCTION transparency_append_only();
--> statement-breakpoint
CREATE TRIGGER transparency_checkpoints_no_truncate BEFORE TRUNCATE ON transparency_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION transparency_append_only();
