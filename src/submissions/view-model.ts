// The API's Submission shape, built from a row (one place, used by API, pages and stream).
import type { SubmissionRow } from "../db/schema";
import type { ChangeMessage } from "../queue/queue";
import { isFinal, type Outcome, type Status, type TestResult } from "./status";

export interface Submission {
  id: number;
  assignmentId: number;
  status: Status;
  outcome: Outcome | null;
  correct: boolean;
  pointsAwarded: boolean;
  reused: boolean;
  position: number | null;
  message: string | null;
  tests: TestResult[];
  output: string;
  createdAt: string;
  gradedAt: string | null;
}

/** A queued submission's place: how many are ahead, and whether a grader is alive to take them. */
export interface QueuePlace {
  position: number;
  gradersAlive: boolean;
}

/** What a queued submission says while no grader is alive (none registered with a live heartbeat). */
export const GRADING_PAUSED = "No grader is running right now: your submission is kept and will be graded when one returns.";

/** The submission, with its place when it is queued (else `place` is ignored). */
export function toSubmission(row: SubmissionRow, place: QueuePlace | null): Submission {
  const s: Submission = {
    id: row.id,
    assignmentId: row.assignmentId,
    status: row.status,
    outcome: row.outcome,
    correct: row.outcome === "passed",
    pointsAwarded: row.pointsAwarded,
    reused: row.reused,
    position: null,
    message: row.message,
    tests: row.tests,
    output: row.output,
    createdAt: row.createdAt.toISOString(),
    gradedAt: row.gradedAt ? row.gradedAt.toISOString() : null,
  };
  return place && row.status === "queued" ? inQueue(s, place) : s;
}

/** A queued state at its (new) place; its message is about the wait (a queued row has none of its own). */
export const inQueue = (s: Submission, { position, gradersAlive }: QueuePlace): Submission => ({
  ...s,
  position,
  message: gradersAlive ? null : GRADING_PAUSED,
});

/** The change message for a row: a final state travels in it, so open streams need no read. */
export function changeOf(row: SubmissionRow): ChangeMessage {
  return { id: row.id, userId: row.userId, final: isFinal(row.status) ? toSubmission(row, null) : undefined };
}
