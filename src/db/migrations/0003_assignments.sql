CREATE TABLE "program_baselines" (
	"program_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_assignments" (
	"node_id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"focal_user_id" uuid,
	"focal_name" text,
	"focal_position" text,
	"focal_phone" text,
	"deadline" jsonb,
	"due_date" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "task_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"node_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"due_date" text,
	"indicator" jsonb,
	CONSTRAINT "task_products_kind_check" CHECK ("task_products"."kind" in ('plan','decision','report','scheme','draft_law','conference','other'))
);
--> statement-breakpoint
CREATE TABLE "task_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"node_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "task_units_role_check" CHECK ("task_units"."role" in ('lead','cooperating'))
);
--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "monitoring_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "implemented_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "program_baselines" ADD CONSTRAINT "program_baselines_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_node_id_program_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."program_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignments" ADD CONSTRAINT "task_assignments_focal_user_id_users_id_fk" FOREIGN KEY ("focal_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_products" ADD CONSTRAINT "task_products_node_id_program_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."program_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_products" ADD CONSTRAINT "task_products_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_units" ADD CONSTRAINT "task_units_node_id_program_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."program_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_units" ADD CONSTRAINT "task_units_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_units" ADD CONSTRAINT "task_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_assignments_program_idx" ON "task_assignments" USING btree ("program_id","due_date");--> statement-breakpoint
CREATE INDEX "task_products_node_idx" ON "task_products" USING btree ("node_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "task_units_one_lead" ON "task_units" USING btree ("node_id") WHERE "task_units"."role" = 'lead';--> statement-breakpoint
CREATE UNIQUE INDEX "task_units_node_unit_key" ON "task_units" USING btree ("node_id","unit_id");--> statement-breakpoint
CREATE INDEX "task_units_unit_idx" ON "task_units" USING btree ("unit_id","role");--> statement-breakpoint
CREATE INDEX "task_units_program_idx" ON "task_units" USING btree ("program_id");--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_monitoring_unit_id_units_id_fk" FOREIGN KEY ("monitoring_unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;