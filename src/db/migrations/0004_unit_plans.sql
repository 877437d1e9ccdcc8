CREATE TABLE "task_links" (
	"node_id" uuid NOT NULL,
	"parent_node_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"parent_program_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_drafts" ADD COLUMN "parent_program_id" uuid;--> statement-breakpoint
ALTER TABLE "import_drafts" ADD COLUMN "owner_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "plans_due_date" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "parent_program_id" uuid;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "owner_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "task_links" ADD CONSTRAINT "task_links_node_id_program_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."program_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_links" ADD CONSTRAINT "task_links_parent_node_id_program_nodes_id_fk" FOREIGN KEY ("parent_node_id") REFERENCES "public"."program_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_links" ADD CONSTRAINT "task_links_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_links" ADD CONSTRAINT "task_links_parent_program_id_programs_id_fk" FOREIGN KEY ("parent_program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "task_links_key" ON "task_links" USING btree ("node_id","parent_node_id");--> statement-breakpoint
CREATE INDEX "task_links_parent_idx" ON "task_links" USING btree ("parent_program_id","parent_node_id");--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_parent_program_id_programs_id_fk" FOREIGN KEY ("parent_program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programs_parent_idx" ON "programs" USING btree ("parent_program_id","owner_unit_id");