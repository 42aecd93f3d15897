// Deleting a user: their submissions, completions, account and what LMSs told us about them
// (course memberships, launches, scores owed), in one transaction.

import { eq, sql } from "drizzle-orm";
import type { Context } from "../context";
import { accounts, completions, ltiLaunches, ltiMemberships, ltiScores, submissions } from "../db/schema";
import { HttpError } from "../lib/errors";
import { forgetUserEverywhere } from "../queue/queue";
import { isPending } from "../submissions/status";

export interface StoredCounts {
  submissions: number;
  completions: number;
  account: boolean;
}

const count = sql<number>`count(*)::int`;

/** What deleting would remove, for the confirmation page. */
export async function storedCounts(ctx: Context, userId: string): Promise<StoredCounts> {
  const [[s], [c], [a]] = await Promise.all([
    ctx.db.select({ n: count }).from(submissions).where(eq(submissions.userId, userId)),
    ctx.db.select({ n: count }).from(completions).where(eq(completions.userId, userId)),
    ctx.db.select({ n: count }).from(accounts).where(eq(accounts.userId, userId)),
  ]);
  return { submissions: s?.n ?? 0, completions: c?.n ?? 0, account: (a?.n ?? 0) > 0 };
}

export const PENDING_REFUSAL =
  "One of your submissions is still waiting to be graded or being graded, so nothing was deleted. Wait for its result, then delete again.";

/**
 * Deletes everything stored under `userId`, or nothing. Refused (409) while a submission is
 * queued or grading: a grader holds its id and would write its result and +100 after us.
 * The check is the delete itself (the rows it removed, rolled back when one is pending), so
 * no submission can turn pending between a check and the delete.
 */
export async function eraseUser(ctx: Context, userId: string): Promise<StoredCounts> {
  const counts = await ctx.db.transaction(async (tx) => {
    const gone = await tx.delete(submissions).where(eq(submissions.userId, userId)).returning({ status: submissions.status });
    if (gone.some((r) => isPending(r.status))) throw new HttpError(409, PENDING_REFUSAL);
    const done = await tx.delete(completions).where(eq(completions.userId, userId)).returning({ id: completions.assignmentId });
    const account = await tx.delete(accounts).where(eq(accounts.userId, userId)).returning({ id: accounts.id });
    await tx.delete(ltiMemberships).where(eq(ltiMemberships.userId, userId));
    await tx.delete(ltiLaunches).where(eq(ltiLaunches.userId, userId));
    await tx.delete(ltiScores).where(eq(ltiScores.userId, userId));
    return { submissions: gone.length, completions: done.length, account: account.length > 0 };
  });
  await forgetUserEverywhere(ctx.redis, ctx.keys, ctx.cache.users, userId);
  return counts;
}
