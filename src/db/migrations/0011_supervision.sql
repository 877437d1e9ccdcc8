CREATE TABLE "direction_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"direction_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"close_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "direction_units_status_check" CHECK ("direction_units"."status" in ('info','open','answered','closed'))
);
--> statement-breakpoint
CREATE TABLE "directions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"program_id" uuid,
	"text" text NOT NULL,
	"requires_action" boolean DEFAULT false NOT NULL,
	"due_date" text,
	"leader_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "directions_target_check" CHECK ("directions"."target_type" in ('task','report','obstacle','unit','program')),
	CONSTRAINT "directions_due_check" CHECK (not "directions"."requires_action" or "directions"."due_date" is not null)
);
--> statement-breakpoint
CREATE TABLE "inspection_conclusions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"supersedes_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"layout" text DEFAULT 'party' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"number" text,
	"issued_on" text,
	"signer_name" text,
	"signer_title" text,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "inspection_conclusions_status_check" CHECK ("inspection_conclusions"."status" in ('draft','issued','superseded')),
	CONSTRAINT "inspection_conclusions_layout_check" CHECK ("inspection_conclusions"."layout" in ('party','state'))
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conclusion_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"node_id" uuid,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"year" integer,
	"program_id" uuid,
	"contents" text DEFAULT '' NOT NULL,
	"starts_on" text,
	"ends_on" text,
	"announcement" text DEFAULT 'announced' NOT NULL,
	"visible_from" text,
	"basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"team" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "inspection_plans_kind_check" CHECK ("inspection_plans"."kind" in ('party_inspection','council_supervision','front_supervision','state_inspection','monitor_check')),
	CONSTRAINT "inspection_plans_announcement_check" CHECK ("inspection_plans"."announcement" in ('announced','unannounced')),
	CONSTRAINT "inspection_plans_status_check" CHECK ("inspection_plans"."status" in ('draft','active','closed'))
);
--> statement-breakpoint
CREATE TABLE "inspection_subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"node_id" uuid,
	"unit_plan_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"held_on" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conclusion_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"finding_id" uuid,
	"seq" integer NOT NULL,
	"responsible_unit_id" uuid NOT NULL,
	"node_id" uuid,
	"text" text NOT NULL,
	"due_date" text NOT NULL,
	"expected_product" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "recommendations_status_check" CHECK ("recommendations"."status" in ('open','submitted','returned','closed'))
);
--> statement-breakpoint
CREATE TABLE "remediation_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"state" text NOT NULL,
	"result" text NOT NULL,
	"products" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"decision" text,
	"decision_comment" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	CONSTRAINT "remediation_reports_state_check" CHECK ("remediation_reports"."state" in ('in_progress','done')),
	CONSTRAINT "remediation_reports_decision_check" CHECK ("remediation_reports"."decision" is null or "remediation_reports"."decision" in ('accepted','returned'))
);
--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "recommendation_id" uuid;--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "direction_id" uuid;--> statement-breakpoint
ALTER TABLE "direction_units" ADD CONSTRAINT "direction_units_direction_id_directions_id_fk" FOREIGN KEY ("direction_id") REFERENCES "public"."directions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direction_units" ADD CONSTRAINT "direction_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directions" ADD CONSTRAINT "directions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directions" ADD CONSTRAINT "directions_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_conclusions" ADD CONSTRAINT "inspection_conclusions_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_conclusions" ADD CONSTRAINT "inspection_conclusions_supersedes_id_inspection_conclusions_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."inspection_conclusions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_conclusion_id_inspection_conclusions_id_fk" FOREIGN KEY ("conclusion_id") REFERENCES "public"."inspection_conclusions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_node_id_program_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."program_nodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_body_unit_id_units_id_fk" FOREIGN KEY ("body_unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plans" ADD CONSTRAINT "inspection_plans_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_subjects" ADD CONSTRAINT "inspection_subjects_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_subjects" ADD CONSTRAINT "inspection_subjects_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_subjects" ADD CONSTRAINT "inspection_subjects_node_id_program_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."program_nodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_subjects" ADD CONSTRAINT "inspection_subjects_unit_plan_id_programs_id_fk" FOREIGN KEY ("unit_plan_id") REFERENCES "public"."programs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD CONSTRAINT "inspection_visits_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD CONSTRAINT "inspection_visits_subject_id_inspection_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."inspection_subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_conclusion_id_inspection_conclusions_id_fk" FOREIGN KEY ("conclusion_id") REFERENCES "public"."inspection_conclusions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_plan_id_inspection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_finding_id_inspection_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."inspection_findings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_responsible_unit_id_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_node_id_program_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."program_nodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_reports" ADD CONSTRAINT "remediation_reports_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_reports" ADD CONSTRAINT "remediation_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "direction_units_key" ON "direction_units" USING btree ("direction_id","unit_id");--> statement-breakpoint
CREATE INDEX "direction_units_unit_idx" ON "direction_units" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "directions_target_idx" ON "directions" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "directions_program_idx" ON "directions" USING btree ("program_id","created_at");--> statement-breakpoint
CREATE INDEX "inspection_conclusions_plan_idx" ON "inspection_conclusions" USING btree ("plan_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_findings_seq_key" ON "inspection_findings" USING btree ("conclusion_id","seq");--> statement-breakpoint
CREATE INDEX "inspection_plans_body_idx" ON "inspection_plans" USING btree ("body_unit_id","year");--> statement-breakpoint
CREATE INDEX "inspection_plans_program_idx" ON "inspection_plans" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "inspection_subjects_plan_idx" ON "inspection_subjects" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "inspection_subjects_unit_idx" ON "inspection_subjects" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "inspection_visits_plan_idx" ON "inspection_visits" USING btree ("plan_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_seq_key" ON "recommendations" USING btree ("conclusion_id","seq");--> statement-breakpoint
CREATE INDEX "recommendations_unit_idx" ON "recommendations" USING btree ("responsible_unit_id","status");--> statement-breakpoint
CREATE INDEX "recommendations_node_idx" ON "recommendations" USING btree ("node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "remediation_reports_seq_key" ON "remediation_reports" USING btree ("recommendation_id","seq");--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_direction_id_directions_id_fk" FOREIGN KEY ("direction_id") REFERENCES "public"."directions"("id") ON DELETE cascade ON UPDATE no action;