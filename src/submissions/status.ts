// The one status vocabulary shared by database, queue, grader, views and API.

export const STATUSES = ["queued", "grading", "graded", "error"] as const;
export type Status = (typeof STATUSES)[number];

export const OUTCOMES = [
  "passed", "failed", "syntax_error", "runtime_error", "time_limit", "memory_limit", "output_limit",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const PENDING: readonly Status[] = ["queued", "grading"];
export const isFinal = (s: Status) => s === "graded" || s === "error";

export interface TestResult {
  name: string;
  passed: boolean;
  message: string;
  /** on failure, when known: the last call the test made, as Python source */
  call?: string;
  /** on a failed comparison: both sides as Python reprs (whitespace visible) */
  expected?: string;
  actual?: string;
}

/** Points for the first correct submission of an assignment. */
export const POINTS_PER_ASSIGNMENT = 100;
