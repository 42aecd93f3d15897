// Registered LMSs (LTI 1.3 platforms), in Postgres. The CLI adds and removes them; launches
// look them up by issuer and client id.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Context } from "../context";
import { type LtiPlatformRow, ltiContexts, ltiMemberships, ltiPlatforms } from "../db/schema";
import { isUniqueViolation } from "../lib/errors";

export type Platform = LtiPlatformRow;
export type NewPlatform = Omit<Platform, "id" | "createdAt">;

export class PlatformError extends Error {}

export async function addPlatform(ctx: Context, p: NewPlatform): Promise<Platform> {
  try {
    const [row] = await ctx.db.insert(ltiPlatforms).values(p).returning();
    return row!;
  } catch (e) {
    if (isUniqueViolation(e, "lti_platforms_issuer_client"))
      throw new PlatformError(`A platform with issuer ${p.issuer} and client id ${p.clientId} is already registered; remove it first.`);
    throw e;
  }
}

export const listPlatforms = (ctx: Context): Promise<Platform[]> =>
  ctx.db.select().from(ltiPlatforms).orderBy(asc(ltiPlatforms.issuer), asc(ltiPlatforms.clientId));

/** The platforms of the LMS courses `userId` teaches: what an instructor by LTI may see of them. */
export const platformsTaughtBy = (ctx: Context, userId: string): Promise<Platform[]> =>
  ctx.db
    .select()
    .from(ltiPlatforms)
    .where(
      inArray(
        ltiPlatforms.id,
        ctx.db
          .select({ id: ltiContexts.platformId })
          .from(ltiContexts)
          .innerJoin(ltiMemberships, eq(ltiMemberships.contextId, ltiContexts.id))
          .where(and(eq(ltiMemberships.userId, userId), eq(ltiMemberships.staff, true))),
      ),
    )
    .orderBy(asc(ltiPlatforms.issuer), asc(ltiPlatforms.clientId));

/** Removes a platform (its courses, memberships and resource links go with it); false when none matched. */
export async function removePlatform(ctx: Context, issuer: string, clientId?: string): Promise<number> {
  const where = clientId ? and(eq(ltiPlatforms.issuer, issuer), eq(ltiPlatforms.clientId, clientId)) : eq(ltiPlatforms.issuer, issuer);
  const gone = await ctx.db.delete(ltiPlatforms).where(where).returning({ id: ltiPlatforms.id });
  return gone.length;
}

/**
 * The platform a login or launch names: by issuer and, when given, client id. An issuer
 * registered with several client ids must say which (LTI's `client_id` parameter).
 */
export async function findPlatform(ctx: Context, issuer: string, clientId?: string): Promise<Platform | "ambiguous" | undefined> {
  const rows = await ctx.db.select().from(ltiPlatforms).where(eq(ltiPlatforms.issuer, issuer));
  if (clientId !== undefined) return rows.find((r) => r.clientId === clientId);
  if (rows.length > 1) return "ambiguous";
  return rows[0];
}

/** The origins that may frame our pages for a platform: its issuer's, its auth URL's, and those given. */
export function frameOriginsOf(p: Pick<Platform, "issuer" | "authUrl" | "frameOrigins">): string[] {
  const out = new Set<string>();
  for (const u of [p.issuer, p.authUrl, ...p.frameOrigins]) {
    try {
      out.add(new URL(u).origin);
    } catch {
      // an issuer need not be a URL; it then frames nothing
    }
  }
  return [...out].filter((o) => o !== "null");
}
