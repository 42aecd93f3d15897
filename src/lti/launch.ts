// A verified launch, applied: the account (issuer, subject), the course (context), the
// user's roles there, the resource link and the assignment it opens. The assignment is
// resolved before anything is written, so a refused launch changes nothing.
import { and, eq, sql } from "drizzle-orm";
import { signInAccount } from "../auth/accounts";
import type { Context } from "../context";
import { ltiContexts, ltiMemberships, ltiResourceLinks } from "../db/schema";
import { HttpError } from "../lib/errors";
import { CLAIM, isStaffRole, RESOURCE_LINK_REQUEST } from "./claims";
import type { Platform } from "./platforms";

type Claims = Record<string, unknown> & { sub?: string };

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const text = (v: unknown, max = 1000) => (typeof v === "string" && v.trim() ? v.trim().slice(0, max) : null);

export interface Launched {
  userId: string;
  /** where the browser goes: the assignment, else the list */
  next: string;
  staff: boolean;
}

/** The assignment a resource link opens: the custom parameter `assignment=<slug>`, else its recorded one. */
async function assignmentFor(ctx: Context, platform: Platform, linkId: string, custom: Record<string, unknown>) {
  const catalog = await ctx.cache.catalog.get();
  const slug = text(custom.assignment, 200);
  if (slug) {
    const a = catalog.rows.find((r) => r.slug === slug);
    if (!a)
      throw new HttpError(
        404,
        `This activity opens the assignment "${slug}", which PyPractice does not have. Ask your instructor to check the activity's custom parameter assignment.`,
      );
    return a.id;
  }
  const [link] = await ctx.db
    .select({ assignmentId: ltiResourceLinks.assignmentId })
    .from(ltiResourceLinks)
    .where(and(eq(ltiResourceLinks.platformId, platform.id), eq(ltiResourceLinks.resourceLinkId, linkId)));
  return link?.assignmentId && catalog.byId.has(link.assignmentId) ? link.assignmentId : null;
}

export async function applyLaunch(ctx: Context, platform: Platform, claims: Claims): Promise<Launched> {
  if (claims[CLAIM.messageType] !== RESOURCE_LINK_REQUEST)
    throw new HttpError(
      400,
      "This launch from your LMS was refused: adding PyPractice activities by Deep Linking is not supported yet. Add the activity by its launch URL with the custom parameter assignment=<slug>.",
    );
  const link = obj(claims[CLAIM.resourceLink]);
  const linkId = text(link.id, 255);
  if (!linkId) throw new HttpError(400, "This launch from your LMS was refused: it names no resource link (the activity's id).");
  const roles = (Array.isArray(claims[CLAIM.roles]) ? (claims[CLAIM.roles] as unknown[]) : []).filter(
    (r): r is string => typeof r === "string",
  );
  const course = obj(claims[CLAIM.context]);
  const courseId = text(course.id, 255);
  const assignmentId = await assignmentFor(ctx, platform, linkId, obj(claims[CLAIM.custom]));
  const staff = courseId !== null && isStaffRole(roles);

  const userId = await signInAccount(ctx, {
    issuer: platform.issuer,
    subject: claims.sub!,
    name: text(claims.name) ?? ([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ") || null),
    email: text(claims.email)?.toLowerCase() ?? null,
  });
  await ctx.db.transaction(async (tx) => {
    let contextRow: number | null = null;
    if (courseId) {
      const [c] = await tx
        .insert(ltiContexts)
        .values({ platformId: platform.id, contextId: courseId, title: text(course.title), label: text(course.label) })
        .onConflictDoUpdate({
          target: [ltiContexts.platformId, ltiContexts.contextId],
          set: { title: sql`excluded.title`, label: sql`excluded.label`, updatedAt: new Date() },
        })
        .returning({ id: ltiContexts.id });
      contextRow = c!.id;
      await tx
        .insert(ltiMemberships)
        .values({ userId, contextId: contextRow, roles, staff })
        .onConflictDoUpdate({ target: [ltiMemberships.userId, ltiMemberships.contextId], set: { roles, staff, updatedAt: new Date() } });
    }
    // The custom parameter wins and is recorded; without one the recorded choice stays (Deep Linking's).
    const chosen = assignmentId === null ? {} : { assignmentId };
    await tx
      .insert(ltiResourceLinks)
      .values({ platformId: platform.id, resourceLinkId: linkId, contextId: contextRow, title: text(link.title), ...chosen })
      .onConflictDoUpdate({
        target: [ltiResourceLinks.platformId, ltiResourceLinks.resourceLinkId],
        set: { contextId: contextRow, title: text(link.title), updatedAt: new Date(), ...chosen },
      });
  });
  ctx.cache.users.invalidate(userId); // name, e-mail and staff link may have changed
  return { userId, next: assignmentId ? `/assignments/${assignmentId}` : "/assignments", staff };
}
