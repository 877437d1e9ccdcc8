ALTER TABLE "direction_units" ADD COLUMN "answer_links" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "direction_units" ADD COLUMN "return_comment" text;--> statement-breakpoint
ALTER TABLE "direction_units" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "direction_units" ADD COLUMN "returned_by" uuid;--> statement-breakpoint
ALTER TABLE "direction_units" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "direction_units" ADD COLUMN "updated_by" uuid;