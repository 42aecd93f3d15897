CREATE TABLE "assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"position" integer NOT NULL,
	"handout" text NOT NULL,
	"starter_code" text NOT NULL,
	"test_code" text NOT NULL,
	"test_version" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "completions" (
	"user_id" uuid NOT NULL,
	"assignment_id" integer NOT NULL,
	"submission_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "completions_user_id_assignment_id_pk" PRIMARY KEY("user_id","assignment_id")
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"assignment_id" integer NOT NULL,
	"code" text NOT NULL,
	"code_hash" text NOT NULL,
	"test_version" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"outcome" text,
	"message" text,
	"tests" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"output" text DEFAULT '' NOT NULL,
	"points_awarded" boolean DEFAULT false NOT NULL,
	"reused" boolean DEFAULT false NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"grading_ms" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"graded_at" timestamp with time zone,
	CONSTRAINT "submissions_status_check" CHECK ("submissions"."status" in ('queued','grading','graded','error'))
);
--> statement-breakpoint
ALTER TABLE "completions" ADD CONSTRAINT "completions_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_one_pending_per_user" ON "submissions" USING btree ("user_id") WHERE "submissions"."status" in ('queued','grading');--> statement-breakpoint
CREATE INDEX "submissions_reuse" ON "submissions" USING btree ("assignment_id","code_hash","test_version") WHERE "submissions"."status" = 'graded';--> statement-breakpoint
CREATE INDEX "submissions_queued" ON "submissions" USING btree ("id") WHERE "submissions"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "submissions_user_assignment" ON "submissions" USING btree ("user_id","assignment_id","id");