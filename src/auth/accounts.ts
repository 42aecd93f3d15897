// Accounts: (issuer, subject) -> our user id. Progress stays keyed by user id; an account
// only names the user and lets any device sign in as them.
import { and, count, eq, sql } from "drizzle-orm";
import type { Context } from "../context";
import { accounts, ltiPlatforms, submissions } from "../db/schema";
import { isUniqueViolation } from "../lib/errors";
import type { SignedIn } from "./oidc";

export interface AccountView {
  name: string;
  email: string | null;
  /** see accounts.emailVerified: only a verified e-mail can be a staff e-mail */
  emailVerified: boolean;
  /** signed in by an LTI launch (its issuer is a registered LMS): offered "Open in a new window" */
  lti: boolean;
}

/**
 * The account's user id, the account made on its first sign-in (a fresh user id: anonymous
 * progress joins it only when the student says so). Name and e-mail follow the provider.
 */
export async function signInAccount(ctx: Context, who: SignedIn): Promise<string> {
  const { issuer, subject, name, email } = who;
  const emailVerified = who.emailVerified ?? true;
  const found = await ctx.db
    .update(accounts)
    .set({ name, email, emailVerified, lastSignInAt: new Date() })
    .where(and(eq(accounts.issuer, issuer), eq(accounts.subject, subject)))
    .returning({ userId: accounts.userId });
  if (found[0]) return found[0].userId;
  try {
    const [made] = await ctx.db
      .insert(accounts)
      .values({ userId: crypto.randomUUID(), issuer, subject, name, email, emailVerified })
      .returning({ userId: accounts.userId });
    return made!.userId;
  } catch (e) {
    // Two first sign-ins at once (two tabs): the other one made it.
    if (!isUniqueViolation(e, "accounts_issuer_subject")) throw e;
    return signInAccount(ctx, who);
  }
}

/** The account's name and e-mail as stored, read now; undefined for an anonymous user. */
export async function accountRow(
  ctx: Context,
  userId: string,
): Promise<{ name: string | null; email: string | null; emailVerified: boolean; lti: boolean } | undefined> {
  const [row] = await ctx.db
    .select({
      name: accounts.name,
      email: accounts.email,
      emailVerified: accounts.emailVerified,
      lti: sql<boolean>`exists (select 1 from ${ltiPlatforms} where ${ltiPlatforms.issuer} = ${accounts.issuer})`,
    })
    .from(accounts)
    .where(eq(accounts.userId, userId));
  return row;
}

/** The account of a user id, or null for an anonymous user (cached per user). */
export function accountOf(ctx: Context, userId: string, newVisitor = false): Promise<AccountView | null> {
  if (newVisitor) return Promise.resolve(null);
  return ctx.cache.users.get(userId, "account", async () => {
    const row = await accountRow(ctx, userId);
    return row ? { name: row.name ?? row.email ?? "Signed in", email: row.email, emailVerified: row.emailVerified, lti: row.lti } : null;
  });
}

/** What an anonymous user's progress would add to an account: newly solved assignments and submissions. */
export async function claimable(ctx: Context, from: string, into: string): Promise<{ solved: number; submissions: number }> {
  const [solved] = await ctx.sql<{ n: number }[]>`
    select count(*)::int as n from completions c
    where c.user_id = ${from} and not exists (
      select 1 from completions d where d.user_id = ${into} and d.assignment_id = c.assignment_id)`;
  const [made] = await ctx.db.select({ n: count() }).from(submissions).where(eq(submissions.userId, from));
  return { solved: solved!.n, submissions: made!.n };
}

/** Whether an anonymous user has anything of their own (a submission or a completion). */
export async function hasProgress(ctx: Context, userId: string): Promise<boolean> {
  const [row] = await ctx.sql<{ any: boolean }[]>`
    select exists (select 1 from submissions where user_id = ${userId})
        or exists (select 1 from completions where user_id = ${userId}) as any`;
  return row!.any;
}

export async function hasAccount(ctx: Context, userId: string): Promise<boolean> {
  const [row] = await ctx.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.userId, userId));
  return !!row;
}
