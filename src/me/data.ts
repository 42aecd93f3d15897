// Everything stored about one user, as the export shows it. The user is only ever the
// cookie's id: every query here is by user id, so another user's rows cannot appear.
import { asc, eq } from "drizzle-orm";
import type { Context } from "../context";
import { accounts, assignments, completions, submissions } from "../db/schema";
import { POINTS_PER_ASSIGNMENT, type TestResult } from "../submissions/status";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface UserExport {
  userId: string;
  exportedAt: string;
  account: null | {
    name: string | null;
    email: string | null;
    issuer: string;
    subject: string;
    createdAt: string;
    lastSignInAt: string;
  };
  points: number;
  completions: { assignment: { id: number; slug: string; title: string }; completedAt: string; submissionId: number }[];
  submissions: {
    id: number;
    assignment: { id: number; slug: string; title: string };
    code: string;
    status: string;
    outcome: string | null;
    message: string | null;
    tests: TestResult[];
    output: string;
    pointsAwarded: boolean;
    reused: boolean;
    attempts: number;
    gradingMs: number | null;
    createdAt: string;
    startedAt: string | null;
    gradedAt: string | null;
  }[];
}

const assignmentOf = { id: assignments.id, slug: assignments.slug, title: assignments.title };

/**
 * Read straight from Postgres, not the per-user caches: the export is the record itself.
 * Left out on purpose: a submission's code hash (derived from its code), test version and
 * grader name (about our tests and machines, not the student).
 */
export async function exportUser(ctx: Context, userId: string): Promise<UserExport> {
  const [account, done, rows] = await Promise.all([
    ctx.db.select().from(accounts).where(eq(accounts.userId, userId)).limit(1),
    ctx.db
      .select({ assignment: assignmentOf, createdAt: completions.createdAt, submissionId: completions.submissionId })
      .from(completions)
      .innerJoin(assignments, eq(assignments.id, completions.assignmentId))
      .where(eq(completions.userId, userId))
      .orderBy(asc(completions.createdAt)),
    ctx.db
      .select({ s: submissions, assignment: assignmentOf })
      .from(submissions)
      .innerJoin(assignments, eq(assignments.id, submissions.assignmentId))
      .where(eq(submissions.userId, userId))
      .orderBy(asc(submissions.id)),
  ]);
  const a = account[0];
  return {
    userId,
    exportedAt: new Date().toISOString(),
    account: a
      ? {
          name: a.name,
          email: a.email,
          issuer: a.issuer,
          subject: a.subject,
          createdAt: a.createdAt.toISOString(),
          lastSignInAt: a.lastSignInAt.toISOString(),
        }
      : null,
    points: done.length * POINTS_PER_ASSIGNMENT,
    completions: done.map((c) => ({ assignment: c.assignment, completedAt: c.createdAt.toISOString(), submissionId: c.submissionId })),
    submissions: rows.map(({ s, assignment }) => ({
      id: s.id,
      assignment,
      code: s.code,
      status: s.status,
      outcome: s.outcome,
      message: s.message,
      tests: s.tests,
      output: s.output,
      pointsAwarded: s.pointsAwarded,
      reused: s.reused,
      attempts: s.attempts,
      gradingMs: s.gradingMs,
      createdAt: s.createdAt.toISOString(),
      startedAt: iso(s.startedAt),
      gradedAt: iso(s.gradedAt),
    })),
  };
}

/** An empty record: a visitor whose id was made for this request has nothing stored. */
export const nothingStored = (userId: string): UserExport => ({
  userId,
  exportedAt: new Date().toISOString(),
  account: null,
  points: 0,
  completions: [],
  submissions: [],
});
