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

export function toSubmission(row: SubmissionRow, position: number | null): Submission {
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    status: row.status,
    outcome: row.outcome,
    correct: row.outcome === "passed",
    pointsAwarded: row.pointsAwarded,
    reused: row.reused,
    position: row.status === "queued" ? position : null,
    message: row.message,
    tests: row.tests,
    output: row.output,
    createdAt: row.createdAt.toISOString(),
    gradedAt: row.gradedAt ? row.gradedAt.toISOString() : null,
  };
}

/** The change message for a row: a final state travels in it, so open streams need no read. */
export function changeOf(row: SubmissionRow): ChangeMessage {
  return { id: row.id, userId: row.userId, final: isFinal(row.status) ? toSubmission(row, null) : undefined };
}
