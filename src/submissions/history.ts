// The user's earlier submissions of one assignment, newest first (for the page's History).
import { and, desc, eq, lt } from "drizzle-orm";
import type { Context } from "../context";
import { type SubmissionRow, submissions } from "../db/schema";

export const HISTORY_LIMIT = 10;

/**
 * Submissions of this assignment by this user older than `beforeId` (the one shown live),
 * cached per user until it changes, like the latest one.
 */
export function earlierSubmissions(
  ctx: Context,
  userId: string,
  assignmentId: number,
  beforeId: number,
  limit = HISTORY_LIMIT,
): Promise<SubmissionRow[]> {
  return ctx.cache.users.get(userId, `history:${assignmentId}:${beforeId}:${limit}`, () =>
    ctx.db
      .select()
      .from(submissions)
      .where(and(eq(submissions.userId, userId), eq(submissions.assignmentId, assignmentId), lt(submissions.id, beforeId)))
      .orderBy(desc(submissions.id))
      .limit(limit),
  );
}
