// Database schema. Domain rules live in constraints (docs/design.md §2):
// one pending submission per user is a partial unique index, +100 per assignment
// is the primary key of completions.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { type Outcome, PENDING_STATUSES, STATUSES, type Status, sqlList, type TestResult } from "../submissions/status";

/**
 * A module of the course (a folder with module.md). Like an assignment, it is never deleted:
 * one whose folder is gone is `hidden` until it comes back (the slug is the identity).
 */
export const modules = pgTable("modules", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  /** Markdown */
  intro: text("intro").notNull().default(""),
  position: integer("position").notNull(),
  hidden: boolean("hidden").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const assignments = pgTable("assignments", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  /** 1..N across the course, modules in order (a hidden one keeps its last position) */
  position: integer("position").notNull(),
  moduleId: integer("module_id").references(() => modules.id),
  handout: text("handout").notNull(),
  /** the handout's `## Hint` section, shown on request; "" when none */
  hint: text("hint").notNull().default(""),
  /** the `## Second hint`, offered after a few failed attempts; "" when none */
  hint2: text("hint2").notNull().default(""),
  /**
   * Retired: its folder is gone from assignments/. Never deleted (completions and submissions
   * keep pointing at it, so points stay); not listed, not served, not open for submissions.
   */
  hidden: boolean("hidden").notNull().default(false),
  starterCode: text("starter_code").notNull(),
  testCode: text("test_code").notNull(),
  /** sha256 of the test file: part of the reuse key, so changed tests never serve stale results */
  testVersion: text("test_version").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const submissions = pgTable(
  "submissions",
  {
    id: serial("id").primaryKey(),
    userId: uuid("user_id").notNull(),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    codeHash: text("code_hash").notNull(),
    testVersion: text("test_version").notNull(),
    status: text("status").$type<Status>().notNull().default("queued"),
    outcome: text("outcome").$type<Outcome>(),
    message: text("message"),
    tests: jsonb("tests").$type<TestResult[]>().notNull().default([]),
    output: text("output").notNull().default(""),
    pointsAwarded: boolean("points_awarded").notNull().default(false),
    reused: boolean("reused").notNull().default(false),
    attempts: integer("attempts").notNull().default(0),
    /** the worker grading it now (for the sweeper, when Redis lost its processing list) */
    grader: text("grader"),
    gradingMs: integer("grading_ms"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    gradedAt: timestamp("graded_at", { withTimezone: true }),
  },
  (t) => [
    check("submissions_status_check", sql`${t.status} in (${sql.raw(sqlList(STATUSES))})`),
    uniqueIndex("submissions_one_pending_per_user")
      .on(t.userId)
      .where(sql`${t.status} in (${sql.raw(sqlList(PENDING_STATUSES))})`),
    index("submissions_reuse").on(t.assignmentId, t.codeHash, t.testVersion).where(sql`${t.status} = 'graded'`),
    index("submissions_queued").on(t.id).where(sql`${t.status} = 'queued'`),
    index("submissions_user_assignment").on(t.userId, t.assignmentId, t.id),
    // Staff: the course table groups by (user, assignment) with the latest time, index only.
    index("submissions_staff_progress").on(t.userId, t.assignmentId, t.createdAt),
    // Staff: per-assignment statistics (attempts, students, outcomes) without the table.
    index("submissions_staff_assignment").on(t.assignmentId, t.userId, t.status, t.outcome),
  ],
);

export const completions = pgTable(
  "completions",
  {
    userId: uuid("user_id").notNull(),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    submissionId: integer("submission_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.assignmentId] })],
);

/**
 * A signed-in identity: (issuer, subject) of an OpenID Provider or an LMS, mapped to our user
 * id. Progress stays keyed by user id (submissions, completions); an account only names the
 * user and lets any device sign in as them. At most one account per user id.
 */
export const accounts = pgTable(
  "accounts",
  {
    id: serial("id").primaryKey(),
    userId: uuid("user_id").notNull().unique(),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    name: text("name"),
    email: text("email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("accounts_issuer_subject").on(t.issuer, t.subject)],
);

export type AssignmentRow = typeof assignments.$inferSelect;
export type ModuleRow = typeof modules.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;
export type SubmissionRow = typeof submissions.$inferSelect;
