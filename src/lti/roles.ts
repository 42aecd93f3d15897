// Staff by LTI: a user whose latest launch in some LMS course gave them an Instructor or
// Teaching Assistant role there (src/staff/access.ts adds this to STAFF_EMAILS' rule).
import { and, eq } from "drizzle-orm";
import type { Context } from "../context";
import { ltiMemberships } from "../db/schema";

/** Whether the user is an instructor or TA of any recorded LMS course, read now. */
export async function isLtiStaff(ctx: Context, userId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ userId: ltiMemberships.userId })
    .from(ltiMemberships)
    .where(and(eq(ltiMemberships.userId, userId), eq(ltiMemberships.staff, true)))
    .limit(1);
  return !!row;
}
