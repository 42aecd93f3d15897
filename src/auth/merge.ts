// Claiming anonymous progress: one transaction that moves an anonymous user's submissions
// and completions into an account. Safe against two claims at once (two tabs): both lock the
// same rows first, so the second finds nothing left to move.

import type { Context } from "../context";
import { HttpError, isUniqueViolation } from "../lib/errors";
import { forgetUserEverywhere } from "../queue/queue";

export interface Merged {
  submissions: number;
  completions: number;
}

export async function mergeInto(ctx: Context, from: string, into: string): Promise<Merged> {
  try {
    const merged = await ctx.sql.begin(async (tx) => {
      // Every claim of this anonymous user, and every claim into this account, in turn.
      await tx`select pg_advisory_xact_lock(hashtextextended(${from}, 0))`;
      const [target] = await tx`select 1 from accounts where user_id = ${into} for update`;
      if (!target) throw new HttpError(409, "That account no longer exists. Please sign in again.");
      const [own] = await tx`select 1 from accounts where user_id = ${from}`;
      if (own) throw new HttpError(409, "This progress already belongs to an account, so it cannot be added to another one.");
      // Submissions first: a grader recording one of them waits for this row lock, then
      // awards its +100 to the account (it reads the row's user_id when it records).
      const moved = await tx`update submissions set user_id = ${into} where user_id = ${from}`;
      // The union of completions; for an assignment solved by both, the earlier solve stays
      // (the primary key (user_id, assignment_id) keeps the +100 unique).
      const added = await tx`
        insert into completions (user_id, assignment_id, submission_id, created_at)
        select ${into}, assignment_id, submission_id, created_at from completions where user_id = ${from}
        on conflict (user_id, assignment_id) do update
          set submission_id = excluded.submission_id, created_at = excluded.created_at
          where excluded.created_at < completions.created_at`;
      await tx`delete from completions where user_id = ${from}`;
      // "+100 points" is shown on the submission whose completion counts, and on no other.
      await tx`
        update submissions s set points_awarded = exists (select 1 from completions c where c.submission_id = s.id)
        where s.user_id = ${into} and s.points_awarded <> exists (select 1 from completions c where c.submission_id = s.id)`;
      return { submissions: moved.count, completions: added.count };
    });
    for (const userId of [from, into]) await forgetUserEverywhere(ctx.redis, ctx.keys, ctx.cache.users, userId);
    return merged;
  } catch (e) {
    if (isUniqueViolation(e, "submissions_one_pending_per_user")) {
      throw new HttpError(
        409,
        "Your account and this browser each have a submission being graded. Wait until they are graded (a few seconds), then add your progress again.",
      );
    }
    throw e;
  }
}
