// Who is staff: the verified e-mail of the user's signed-in account (from Postgres, on every
// request) is in STAFF_EMAILS, or their latest LTI launch made them Instructor or Teaching Assistant
// of an LMS course (src/lti/roles.ts). Nothing the browser sends beyond the signed user
// cookie counts.
import { eq } from "drizzle-orm";
import { accountOf } from "../auth/accounts";
import type { Config } from "../config";
import type { Context } from "../context";
import { accounts } from "../db/schema";
import { HttpError } from "../lib/errors";
import { isLtiStaff } from "../lti/roles";

export const NOT_STAFF = "This page is for the course's staff only. Sign in with a staff account to see it.";

/** An e-mail listed in STAFF_EMAILS (any case). */
export const isStaffEmail = (config: Config, email: string | null | undefined) =>
  !!email && config.staffEmails.has(email.trim().toLowerCase());

/**
 * The one rule: a verified staff e-mail on the account. An LMS's e-mail claim is not verified
 * (accounts.emailVerified): any registered LMS could name a staff address; LMS instructors
 * are staff of their own courses instead (src/lti/roles.ts).
 */
export const isStaffAccount = (config: Config, account: { email: string | null; emailVerified: boolean } | null | undefined) =>
  !!account?.emailVerified && isStaffEmail(config, account.email);

/** Whether the user's account is a staff account (isStaffAccount), read from the database now. */
export async function staffByEmail(ctx: Context, userId: string): Promise<boolean> {
  if (ctx.config.staffEmails.size === 0) return false;
  const [row] = await ctx.db
    .select({ email: accounts.email, emailVerified: accounts.emailVerified })
    .from(accounts)
    .where(eq(accounts.userId, userId));
  return isStaffAccount(ctx.config, row);
}

/** Whether the user's account e-mail is a staff e-mail, or they teach an LMS course, read from the database now. */
export async function isStaff(ctx: Context, userId: string, newVisitor = false): Promise<boolean> {
  // An id made for this request: nothing to look up.
  if (newVisitor) return false;
  return (await staffByEmail(ctx, userId)) || isLtiStaff(ctx, userId);
}

/** Throws 403 unless the user is staff. */
export async function requireStaff(ctx: Context, userId: string, newVisitor: boolean): Promise<void> {
  if (!(await isStaff(ctx, userId, newVisitor))) throw new HttpError(403, NOT_STAFF);
}

/**
 * For the "Staff" link on students' pages: from the account the header already reads (cached
 * with the user's other answers), so a returning student's page costs no extra query. Access
 * itself is never decided from this cache (requireStaff reads the database).
 */
export async function showStaffLink(ctx: Context, userId: string, newVisitor = false): Promise<boolean> {
  const account = await accountOf(ctx, userId, newVisitor);
  if (!account) return false; // anonymous: neither rule can hold
  if (isStaffAccount(ctx.config, account)) return true;
  return ctx.cache.users.get(userId, "lti-staff", () => isLtiStaff(ctx, userId));
}
