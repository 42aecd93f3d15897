// What every launch records, whatever its message type: the account (issuer, subject), the
// course (context) and the user's roles there. Resource-link launches (launch.ts) and
// Deep Linking requests (deep-linking.ts) share it.
import { sql } from "drizzle-orm";
import { signInAccount } from "../auth/accounts";
import type { Context } from "../context";
import type { Db } from "../db/client";
import { ltiContexts, ltiMemberships } from "../db/schema";
import { CLAIM, isStaffRole } from "./claims";
import type { Platform } from "./platforms";

export type Claims = Record<string, unknown> & { sub?: string };
type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
export const text = (v: unknown, max = 1000) => (typeof v === "string" && v.trim() ? v.trim().slice(0, max) : null);
export const strings = (v: unknown) => (Array.isArray(v) ? v : []).filter((r): r is string => typeof r === "string");

export interface Person {
  roles: string[];
  course: Record<string, unknown>;
  /** the LMS's context id, when the launch names a course */
  courseId: string | null;
  /** Instructor or TA of that course */
  staff: boolean;
}

export function personOf(claims: Claims): Person {
  const roles = strings(claims[CLAIM.roles]);
  const course = obj(claims[CLAIM.context]);
  const courseId = text(course.id, 255);
  return { roles, course, courseId, staff: courseId !== null && isStaffRole(roles) };
}

/** The user's account, made or updated from the launch's name and e-mail. */
export const signInLaunch = (ctx: Context, platform: Platform, claims: Claims) =>
  signInAccount(ctx, {
    issuer: platform.issuer,
    subject: claims.sub!,
    name: text(claims.name) ?? ([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ") || null),
    email: text(claims.email)?.toLowerCase() ?? null,
    // Shown, never trusted for staff: any registered LMS could name a staff address.
    emailVerified: false,
  });

/** Records the course and the user's roles in it; returns the course's row id (null without a course). */
export async function recordMembership(tx: Tx, platform: Platform, userId: string, p: Person): Promise<number | null> {
  if (!p.courseId) return null;
  const [c] = await tx
    .insert(ltiContexts)
    .values({ platformId: platform.id, contextId: p.courseId, title: text(p.course.title), label: text(p.course.label) })
    .onConflictDoUpdate({
      target: [ltiContexts.platformId, ltiContexts.contextId],
      set: { title: sql`excluded.title`, label: sql`excluded.label`, updatedAt: new Date() },
    })
    .returning({ id: ltiContexts.id });
  await tx
    .insert(ltiMemberships)
    .values({ userId, contextId: c!.id, roles: p.roles, staff: p.staff })
    .onConflictDoUpdate({
      target: [ltiMemberships.userId, ltiMemberships.contextId],
      set: { roles: p.roles, staff: p.staff, updatedAt: new Date() },
    });
  return c!.id;
}
