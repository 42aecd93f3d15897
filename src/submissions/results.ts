// Submissions, as seen by the grader: start, record the result (and the award), fail.
// Every write is conditional on the status, so a job delivered twice has one effect.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { assignments, completions, submissions, type SubmissionRow } from "../db/schema";
import type { Outcome, TestResult } from "./status";

export interface JobToGrade {
  id: number;
  userId: string;
  attempts: number;
  code: string;
  tests: string;
}

/** Marks the submission as grading and counts the attempt; undefined if already final. */
export async function startGrading(db: Db, id: number, worker: string): Promise<JobToGrade | undefined> {
  const [row] = await db
    .update(submissions)
    .set({ status: "grading", attempts: sql`${submissions.attempts} + 1`, startedAt: new Date(), grader: worker })
    .where(and(eq(submissions.id, id), inArray(submissions.status, ["queued", "grading"])))
    .returning({ id: submissions.id, userId: submissions.userId, attempts: submissions.attempts,
      code: submissions.code, assignmentId: submissions.assignmentId });
  if (!row) return undefined;
  const [a] = await db.select({ tests: assignments.testCode }).from(assignments)
    .where(eq(assignments.id, row.assignmentId));
  return { id: row.id, userId: row.userId, attempts: row.attempts, code: row.code, tests: a?.tests ?? "" };
}

export interface GradedResult {
  outcome: Outcome;
  message: string;
  tests: TestResult[];
  output: string;
  gradingMs: number;
}

/**
 * Records the result and, for a first correct submission, the +100, in one transaction.
 * Returns the final row, or undefined when an earlier delivery already recorded it.
 */
export async function recordResult(db: Db, id: number, result: GradedResult): Promise<SubmissionRow | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(submissions)
      .set({ status: "graded", ...result, gradedAt: new Date() })
      .where(and(eq(submissions.id, id), eq(submissions.status, "grading")))
      .returning();
    if (!row || result.outcome !== "passed") return row;
    const awarded = await tx.insert(completions)
      .values({ userId: row.userId, assignmentId: row.assignmentId, submissionId: id })
      .onConflictDoNothing()
      .returning();
    if (awarded.length === 0) return row;
    const [final] = await tx.update(submissions).set({ pointsAwarded: true }).where(eq(submissions.id, id)).returning();
    return final;
  });
}

/** The system could not grade it: final `error`, which frees the user's pending slot. Returns the final row. */
export async function markError(db: Db, id: number, message: string): Promise<SubmissionRow | undefined> {
  const [row] = await db.update(submissions)
    .set({ status: "error", message, gradedAt: new Date() })
    .where(and(eq(submissions.id, id), inArray(submissions.status, ["queued", "grading"])))
    .returning();
  return row;
}

export interface Pending {
  id: number;
  status: string;
  grader: string | null;
}

/** Pending submissions old enough that they should be in some Redis list by now. */
export async function stalePending(db: Db, queuedSeconds: number, gradingSeconds: number): Promise<Pending[]> {
  return db.select({ id: submissions.id, status: submissions.status, grader: submissions.grader })
    .from(submissions).where(sql`
    (${submissions.status} = 'queued' and ${submissions.createdAt} < now() - make_interval(secs => ${queuedSeconds}))
    or (${submissions.status} = 'grading' and ${submissions.startedAt} < now() - make_interval(secs => ${gradingSeconds}))`)
    .orderBy(submissions.id)
    .limit(1000);
}
