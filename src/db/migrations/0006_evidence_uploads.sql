CREATE TABLE "evidence_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"obligation_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"filename" text NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"ext" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "sweep_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evidence_uploads" ADD CONSTRAINT "evidence_uploads_sha256_files_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."files"("sha256") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_uploads" ADD CONSTRAINT "evidence_uploads_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_uploads" ADD CONSTRAINT "evidence_uploads_obligation_id_report_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."report_obligations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_uploads_unit_sha_idx" ON "evidence_uploads" USING btree ("unit_id","sha256");--> statement-breakpoint
CREATE INDEX "evidence_uploads_obligation_idx" ON "evidence_uploads" USING btree ("obligation_id");--> statement-breakpoint
CREATE INDEX "evidence_uploads_sha_idx" ON "evidence_uploads" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "files_sweep_idx" ON "files" USING btree ("sweep_at");
--> statement-breakpoint
-- Back-fill: one upload record per file already uploaded, from the audit trail (who uploaded which
-- bytes into which unit report, under which name) and from the drafts and versions that reference a
-- file; the name gets the extension of the stored type when it has another one.
CREATE FUNCTION backfill_evidence_ext(mime text) RETURNS text AS $$
  SELECT CASE mime
    WHEN 'application/pdf' THEN 'pdf'
    WHEN 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' THEN 'docx'
    WHEN 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' THEN 'xlsx'
    WHEN 'application/msword' THEN 'doc'
    WHEN 'application/vnd.ms-excel' THEN 'xls'
    WHEN 'image/png' THEN 'png'
    WHEN 'image/jpeg' THEN 'jpg'
    ELSE 'bin' END
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE FUNCTION backfill_evidence_name(name text, mime text) RETURNS text AS $$
  SELECT CASE
    WHEN lower(name) ~ ('\.(' || (CASE mime
        WHEN 'application/pdf' THEN 'pdf'
        WHEN 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' THEN 'docx'
        WHEN 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' THEN 'xlsx'
        WHEN 'application/msword' THEN 'doc'
        WHEN 'application/vnd.ms-excel' THEN 'xls'
        WHEN 'image/png' THEN 'png'
        WHEN 'image/jpeg' THEN 'jpe?g'
        ELSE 'bin' END) || ')$') THEN name
    ELSE name || '.' || backfill_evidence_ext(mime)
  END
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
INSERT INTO "evidence_uploads" ("sha256", "unit_id", "obligation_id", "uploaded_by", "uploaded_at", "filename", "size", "mime", "ext")
SELECT f."sha256", o."unit_id", o."id", a."actor_id", a."at",
       backfill_evidence_name(coalesce(nullif(a."after"->>'filename', ''), f."sha256"), f."mime"),
       f."size", f."mime", backfill_evidence_ext(f."mime")
FROM "audit_events" a
JOIN "files" f ON f."sha256" = a."entity_id"
JOIN "report_obligations" o ON (a."after"->>'obligationId') ~ '^[0-9a-fA-F-]{36}$'
  AND o."id" = (a."after"->>'obligationId')::uuid
WHERE a."action" = 'file.upload' AND a."entity_type" = 'file';
--> statement-breakpoint
WITH refs AS (
  SELECT o."id" AS obligation_id, o."unit_id", ev->>'sha256' AS sha256, ev->>'filename' AS filename
  FROM "report_obligations" o,
       jsonb_each(CASE WHEN jsonb_typeof(o."draft"->'entries') = 'object' THEN o."draft"->'entries' ELSE '{}'::jsonb END) e,
       jsonb_array_elements(CASE WHEN jsonb_typeof(e.value->'evidence') = 'array' THEN e.value->'evidence' ELSE '[]'::jsonb END) ev
  UNION ALL
  SELECT v."obligation_id", v."unit_id", ev->>'sha256', ev->>'filename'
  FROM "report_versions" v,
       jsonb_each(CASE WHEN jsonb_typeof(v."content"->'entries') = 'object' THEN v."content"->'entries' ELSE '{}'::jsonb END) e,
       jsonb_array_elements(CASE WHEN jsonb_typeof(e.value->'evidence') = 'array' THEN e.value->'evidence' ELSE '[]'::jsonb END) ev
)
INSERT INTO "evidence_uploads" ("sha256", "unit_id", "obligation_id", "uploaded_by", "uploaded_at", "filename", "size", "mime", "ext")
SELECT DISTINCT ON (r."unit_id", r."sha256") f."sha256", r."unit_id", r."obligation_id", f."created_by", f."created_at",
       backfill_evidence_name(coalesce(nullif(r."filename", ''), f."sha256"), f."mime"),
       f."size", f."mime", backfill_evidence_ext(f."mime")
FROM refs r
JOIN "files" f ON f."sha256" = r."sha256"
WHERE NOT EXISTS (
  SELECT 1 FROM "evidence_uploads" u WHERE u."unit_id" = r."unit_id" AND u."sha256" = r."sha256"
)
ORDER BY r."unit_id", r."sha256", r."obligation_id";
--> statement-breakpoint
-- Files already stored are looked at by the sweep after the default grace period (7 days).
UPDATE "files" SET "sweep_at" = now() + interval '7 days';
--> statement-breakpoint
DROP FUNCTION backfill_evidence_name(text, text);
--> statement-breakpoint
DROP FUNCTION backfill_evidence_ext(text);
