// One student's submissions for staff: every one, newest first, with the code.
import { desc, eq } from "drizzle-orm";
import type { Context } from "../context";
import { submissions } from "../db/schema";
import { type Submission, toSubmission } from "../submissions/view-model";

export type StaffSubmission = Submission & { code: string };

export async function studentSubmissions(ctx: Context, userId: string): Promise<StaffSubmission[]> {
  const rows = await ctx.db.select().from(submissions).where(eq(submissions.userId, userId)).orderBy(desc(submissions.id));
  return rows.map((r) => ({ ...toSubmission(r, null), code: r.code }));
}
