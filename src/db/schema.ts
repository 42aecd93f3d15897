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
    /**
     * The e-mail is vouched for by our OpenID Provider (which stores verified ones only); an
     * LMS's e-mail claim is shown but false here: only a verified e-mail can be a staff e-mail.
     */
    emailVerified: boolean("email_verified").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("accounts_issuer_subject").on(t.issuer, t.subject)],
);

/**
 * An LMS registered as an LTI 1.3 platform (`bun run lti:platform add`): its issuer and our
 * client id there, the deployments it may launch from, and its endpoints. Removing it removes
 * its courses, memberships and resource links (accounts and progress stay).
 */
export const ltiPlatforms = pgTable(
  "lti_platforms",
  {
    id: serial("id").primaryKey(),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    deploymentIds: text("deployment_ids").array().notNull(),
    authUrl: text("auth_url").notNull(),
    tokenUrl: text("token_url").notNull(),
    jwksUrl: text("jwks_url").notNull(),
    /** origins allowed to frame our pages for this LMS beyond the issuer's and auth URL's (Canvas: the school's own host) */
    frameOrigins: text("frame_origins").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("lti_platforms_issuer_client").on(t.issuer, t.clientId)],
);

/**
 * The tool's own RSA signing keys (private and public JWK). The newest unretired one signs;
 * a retired one stays published at /lti/jwks for LTI_KEY_OVERLAP_DAYS after its rotation.
 */
export const ltiKeys = pgTable("lti_keys", {
  kid: text("kid").primaryKey(),
  privateJwk: jsonb("private_jwk").$type<Record<string, unknown>>().notNull(),
  publicJwk: jsonb("public_jwk").$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
});

/** An LMS course (the LTI context claim), by platform and the LMS's context id. */
export const ltiContexts = pgTable(
  "lti_contexts",
  {
    id: serial("id").primaryKey(),
    platformId: integer("platform_id")
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: "cascade" }),
    contextId: text("context_id").notNull(),
    title: text("title"),
    label: text("label"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("lti_contexts_platform_context").on(t.platformId, t.contextId)],
);

/** A user's roles in an LMS course, as its latest launch said; `staff`: Instructor or TA there. */
export const ltiMemberships = pgTable(
  "lti_memberships",
  {
    userId: uuid("user_id").notNull(),
    contextId: integer("context_id")
      .notNull()
      .references(() => ltiContexts.id, { onDelete: "cascade" }),
    roles: text("roles").array().notNull(),
    staff: boolean("staff").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.contextId] }),
    index("lti_memberships_staff").on(t.userId).where(sql`${t.staff}`),
    // Staff of a course: its students, for the course filter and an LTI instructor's view.
    index("lti_memberships_context").on(t.contextId, t.userId),
  ],
);

/**
 * An LMS activity (resource link) and the assignment it opens: from the custom parameter
 * `assignment=<slug>` today; Deep Linking fills it too. `lineItemUrl`: where scores go (AGS).
 */
export const ltiResourceLinks = pgTable(
  "lti_resource_links",
  {
    id: serial("id").primaryKey(),
    platformId: integer("platform_id")
      .notNull()
      .references(() => ltiPlatforms.id, { onDelete: "cascade" }),
    resourceLinkId: text("resource_link_id").notNull(),
    contextId: integer("context_id").references(() => ltiContexts.id, { onDelete: "cascade" }),
    title: text("title"),
    assignmentId: integer("assignment_id").references(() => assignments.id),
    lineItemUrl: text("line_item_url"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("lti_resource_links_platform_link").on(t.platformId, t.resourceLinkId)],
);

/**
 * A user launched from a resource link that has a line item (AGS): the LTI subject the score
 * is sent for. Their first solve of the link's assignment makes an lti_scores row.
 */
export const ltiLaunches = pgTable(
  "lti_launches",
  {
    userId: uuid("user_id").notNull(),
    linkId: integer("link_id")
      .notNull()
      .references(() => ltiResourceLinks.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    launchedAt: timestamp("launched_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.linkId] })],
);

export const SCORE_STATES = ["pending", "sent", "failed"] as const;
export type ScoreState = (typeof SCORE_STATES)[number];

/**
 * A score owed to an LMS line item (AGS), per (user, resource link): 100 of 100 at the solve
 * time. Postgres holds the truth; the Redis score queue only carries ids (src/lti/scores/).
 */
export const ltiScores = pgTable(
  "lti_scores",
  {
    id: serial("id").primaryKey(),
    userId: uuid("user_id").notNull(),
    linkId: integer("link_id")
      .notNull()
      .references(() => ltiResourceLinks.id, { onDelete: "cascade" }),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    solvedAt: timestamp("solved_at", { withTimezone: true }).notNull(),
    state: text("state").$type<ScoreState>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** the last failure, in words */
    lastError: text("last_error"),
    /** a pending score is not sent before this (backoff) */
    nextAt: timestamp("next_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("lti_scores_state_check", sql`${t.state} in (${sql.raw(sqlList(SCORE_STATES))})`),
    uniqueIndex("lti_scores_user_link").on(t.userId, t.linkId),
    index("lti_scores_due").on(t.nextAt).where(sql`${t.state} = 'pending'`),
  ],
);

export type LtiPlatformRow = typeof ltiPlatforms.$inferSelect;
export type AssignmentRow = typeof assignments.$inferSelect;
export type ModuleRow = typeof modules.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;
export type SubmissionRow = typeof submissions.$inferSelect;
