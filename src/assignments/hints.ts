// When the second hint is offered: after SECOND_HINT_AFTER failed graded attempts by this
// user on this assignment (docs/design.md §12).
//
// Cheap by construction: the count comes from the rows the assignment page already reads, the
// user's latest submission and up to HISTORY_LIMIT earlier ones, each cached per user and
// dropped on every change of that user (src/cache/users.ts), so this adds no query to a page
// view. Only when those rows are not all of them (a longer history) and hold too few failures
// does it count in Postgres, once, cached per user the same way. And a returning student's
// page is itself kept warm per user (src/pages/warm.ts): none of this runs until they submit.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Context } from "../context";
import { type AssignmentRow, type SubmissionRow, submissions } from "../db/schema";
import { earlierSubmissions, HISTORY_LIMIT } from "../submissions/history";
import { latestSubmission } from "../submissions/service";

export const SECOND_HINT_AFTER = 3;

const failed = (s: SubmissionRow) => s.status === "graded" && s.outcome !== "passed";

/** A submission state the caller knows to be current (e.g. the one a stream is sending). */
type Known = Pick<SubmissionRow, "id" | "status">;

/**
 * Whether the user is offered the assignment's second hint (false when it has none). `known`:
 * a state just heard of; cached answers older than it (a commit read before its message
 * arrived) are dropped first.
 */
export async function secondHintOffered(
  ctx: Context,
  userId: string,
  a: AssignmentRow,
  { newVisitor = false, known }: { newVisitor?: boolean; known?: Known } = {},
): Promise<boolean> {
  if (!a.hint2 || newVisitor) return false;
  let latest = await latestSubmission(ctx, userId, a.id);
  const behind = (l: SubmissionRow | undefined, k: Known) => !l || l.id < k.id || (l.id === k.id && l.status !== k.status);
  if (known && behind(latest, known)) {
    ctx.cache.users.invalidate(userId);
    latest = await latestSubmission(ctx, userId, a.id);
  }
  if (!latest) return false;
  const earlier = await earlierSubmissions(ctx, userId, a.id, latest.id);
  const seen = [latest, ...earlier].filter(failed).length;
  if (seen >= SECOND_HINT_AFTER || earlier.length < HISTORY_LIMIT) return seen >= SECOND_HINT_AFTER;
  return (await failedCount(ctx, userId, a.id)) >= SECOND_HINT_AFTER;
}

function failedCount(ctx: Context, userId: string, assignmentId: number): Promise<number> {
  return ctx.cache.users.get(userId, `failed:${assignmentId}`, async () => {
    const [row] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(submissions)
      .where(
        and(
          eq(submissions.userId, userId),
          eq(submissions.assignmentId, assignmentId),
          eq(submissions.status, "graded"),
          ne(submissions.outcome, "passed"),
        ),
      );
    return row?.n ?? 0;
  });
}
