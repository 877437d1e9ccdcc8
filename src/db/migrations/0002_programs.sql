CREATE TABLE "import_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"filename" text,
	"format" text NOT NULL,
	"source" text NOT NULL,
	"doc" jsonb NOT NULL,
	"body_map" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"program_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "import_drafts_status_check" CHECK ("import_drafts"."status" in ('draft','published','discarded'))
);
--> statement-breakpoint
CREATE TABLE "program_nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"marker" text NOT NULL,
	"label" text NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"span_start" integer NOT NULL,
	"span_end" integer NOT NULL,
	"is_task" boolean DEFAULT false NOT NULL,
	"cells" jsonb,
	"extracted" jsonb,
	"search_text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"code" text NOT NULL,
	"level" text NOT NULL,
	"doc_date" text,
	"citations" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_responsibilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"label" text NOT NULL,
	"bodies" jsonb NOT NULL,
	"lead_unit_id" uuid,
	"cooperating" jsonb NOT NULL,
	"duties" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid,
	"doc_kind" text,
	"number" text,
	"title" text NOT NULL,
	"issuer" text,
	"doc_date" text,
	"party_layout" boolean DEFAULT false NOT NULL,
	"meta" jsonb NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"search_text" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "program_nodes" ADD CONSTRAINT "program_nodes_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_nodes" ADD CONSTRAINT "program_nodes_parent_id_program_nodes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."program_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_references" ADD CONSTRAINT "program_references_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_responsibilities" ADD CONSTRAINT "program_responsibilities_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_responsibilities" ADD CONSTRAINT "program_responsibilities_node_id_program_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."program_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_responsibilities" ADD CONSTRAINT "program_responsibilities_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_draft_id_import_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."import_drafts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_drafts_status_idx" ON "import_drafts" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "program_nodes_program_idx" ON "program_nodes" USING btree ("program_id","position");--> statement-breakpoint
CREATE INDEX "program_nodes_parent_idx" ON "program_nodes" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "program_nodes_label_idx" ON "program_nodes" USING btree ("program_id","label");--> statement-breakpoint
CREATE INDEX "program_references_program_idx" ON "program_references" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "program_responsibilities_program_idx" ON "program_responsibilities" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "programs_published_idx" ON "programs" USING btree ("published_at");