// Submissions, as seen by the grader: start, record the result (and the award), fail.
// Every write is conditional on the status, so a job delivered twice has one effect.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { mapRow } from "../db/rows";
import { type SubmissionRow, submissions } from "../db/schema";
import { isFinal, type Outcome, PENDING_STATUSES, type Status, sqlList, type TestResult } from "./status";

export interface JobToGrade {
  id: number;
  userId: string;
  attempts: number;
  code: string;
  tests: string;
}

// $1 submission id, $2 worker. One round trip (prepared once per connection): grading
// starts as soon as it returns.
const START = `
update submissions s set status = 'grading', attempts = s.attempts + 1, started_at = now(), grader = $2::text
from assignments a
where s.id = $1::int and s.status in (${sqlList(PENDING_STATUSES)}) and a.id = s.assignment_id
returning s.id, s.user_id, s.attempts, s.code, a.test_code`;

/** Marks the submission as grading and counts the attempt; undefined if already final. */
export async function startGrading(db: Db, id: number, worker: string): Promise<JobToGrade | undefined> {
  const [row] = await db.$client.unsafe(START, [id, worker], { prepare: true });
  if (!row) return undefined;
  return { id: row.id, userId: row.user_id, attempts: row.attempts, code: row.code, tests: row.test_code };
}

export interface GradedResult {
  outcome: Outcome;
  message: string;
  tests: TestResult[];
  output: string;
  gradingMs: number;
}

// The result and the award, one transaction, its statements pipelined (one round trip):
// 1. the result, only if the job is still grading (a second delivery changes nothing);
// 2. +100 if the row is graded and passed, once per user and assignment (the primary key of
//    completions; after 1 failed, a row graded earlier is passed only if it was entitled too);
// 3. the row says so when the +100 is its own; 4. the final row.
const RECORD = `
update submissions set status = 'graded', outcome = $2::text, message = $3::text, tests = $4::jsonb,
  output = $5::text, grading_ms = $6::int, graded_at = now()
where id = $1::int and status = 'grading'
returning id`;
const AWARD = `
insert into completions (user_id, assignment_id, submission_id)
select user_id, assignment_id, id from submissions where id = $1::int and status = 'graded' and outcome = 'passed'
on conflict do nothing`;
const MARK_AWARDED = `
update submissions set points_awarded = true
where id = $1::int and not points_awarded and exists (select 1 from completions where submission_id = $1::int)`;
// Also every status request and stream connect (submissionById): one prepared statement.
const BY_ID = `select * from submissions where id = $1::int`;

/**
 * Records the result and, for a first correct submission, the +100, in one transaction.
 * Returns the final row, or undefined when an earlier delivery already recorded it.
 */
export async function recordResult(db: Db, id: number, result: GradedResult): Promise<SubmissionRow | undefined> {
  const p = { prepare: true };
  const [recorded, , , rows] = (await db.$client.begin((tx) => [
    tx.unsafe(RECORD, [id, result.outcome, result.message, JSON.stringify(result.tests), result.output, result.gradingMs], p),
    tx.unsafe(AWARD, [id], p),
    tx.unsafe(MARK_AWARDED, [id], p),
    tx.unsafe(BY_ID, [id], p),
  ])) as unknown as Record<string, unknown>[][];
  const final = rows?.[0];
  return recorded!.length > 0 && final ? mapRow(submissions, final) : undefined;
}

/** The submission with this id, if there is one (one round trip, prepared once per connection). */
export async function submissionById(db: Db, id: number): Promise<SubmissionRow | undefined> {
  const [row] = await db.$client.unsafe(BY_ID, [id], { prepare: true });
  return row && mapRow(submissions, row);
}

/** The row when it is final (graded or error), else undefined. */
export async function finalRow(db: Db, id: number): Promise<SubmissionRow | undefined> {
  const row = await submissionById(db, id);
  return row && isFinal(row.status) ? row : undefined;
}

/** The system could not grade it: final `error`, which frees the user's pending slot. Returns the final row. */
export async function markError(db: Db, id: number, message: string): Promise<SubmissionRow | undefined> {
  const [row] = await db
    .update(submissions)
    .set({ status: "error", message, gradedAt: new Date() })
    .where(and(eq(submissions.id, id), inArray(submissions.status, [...PENDING_STATUSES])))
    .returning();
  return row;
}

export interface Pending {
  id: number;
  userId: string;
  status: Status;
  grader: string | null;
}

/** Pending submissions old enough that they should be in some Redis list by now. */
export async function stalePending(db: Db, queuedSeconds: number, gradingSeconds: number): Promise<Pending[]> {
  return db
    .select({ id: submissions.id, userId: submissions.userId, status: submissions.status, grader: submissions.grader })
    .from(submissions)
    .where(sql`
    (${submissions.status} = 'queued' and ${submissions.createdAt} < now() - make_interval(secs => ${queuedSeconds}))
    or (${submissions.status} = 'grading' and ${submissions.startedAt} < now() - make_interval(secs => ${gradingSeconds}))`)
    .orderBy(submissions.id)
    .limit(1000);
}
