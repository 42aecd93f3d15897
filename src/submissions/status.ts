// The one status vocabulary shared by database, queue, grader, views and API.
import type { OUTCOME_LABELS } from "../../views/submission";

export const STATUSES = ["queued", "grading", "graded", "error"] as const;
export type Status = (typeof STATUSES)[number];

/** Waiting for a grader or being graded: at most one per user (a partial unique index). */
export const PENDING_STATUSES = ["queued", "grading"] as const satisfies readonly Status[];
export type PendingStatus = (typeof PENDING_STATUSES)[number];
export type FinalStatus = Exclude<Status, PendingStatus>;

export const isPending = (s: Status): s is PendingStatus => (PENDING_STATUSES as readonly Status[]).includes(s);
export const isFinal = (s: Status): s is FinalStatus => !isPending(s);

export const OUTCOMES = ["passed", "failed", "syntax_error", "runtime_error", "time_limit", "memory_limit", "output_limit"] as const;
export type Outcome = (typeof OUTCOMES)[number];

// The views name every outcome in words (views import nothing from src, so the check is here):
// a new outcome does not compile without its label, nor a label without its outcome.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type EveryOutcomeLabelled = Assert<Same<keyof typeof OUTCOME_LABELS, Outcome>>;

/** `'a','b'` for SQL text: a list of this vocabulary inside a statement (values known here, never input). */
export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(",");

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
