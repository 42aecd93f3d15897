// A verified launch, applied: the account (issuer, subject), the course (context), the
// user's roles there, the resource link, the assignment it opens and, when the LMS offers
// Assignment and Grade Services, the line item its score goes to. The assignment is
// resolved before anything is written, so a refused launch changes nothing. A Deep Linking
// request goes to deep-linking.ts.
import { and, eq } from "drizzle-orm";
import type { Context } from "../context";
import { ltiLaunches, ltiResourceLinks } from "../db/schema";
import { HttpError } from "../lib/errors";
import { CLAIM, DEEP_LINKING_REQUEST, SCORE_SCOPE } from "./claims";
import { applyDeepLinking } from "./deep-linking";
import { type Claims, obj, personOf, recordMembership, signInLaunch, strings, text } from "./members";
import type { Platform } from "./platforms";
import { afterSolve } from "./scores/records";

export interface Launched {
  userId: string;
  /** where the browser goes: the assignment, else the list (or the Deep Linking picker) */
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
      // 400, not 404: a refused launch is 400, 401 or 403 (the contract); the launch names it wrongly.
      throw new HttpError(
        400,
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

/** The AGS line item scores may be posted to: an http(s) URL, with the score scope granted; else null. */
function lineItemOf(claims: Claims): string | null {
  const ags = obj(claims[CLAIM.ags]);
  const url = text(ags.lineitem, 2000);
  if (!url || !strings(ags.scope).includes(SCORE_SCOPE)) return null;
  try {
    return ["http:", "https:"].includes(new URL(url).protocol) ? url : null;
  } catch {
    return null;
  }
}

/** `launchUrl`: the tool's own /lti/launch, which Deep Linking's items point to. */
export async function applyLaunch(ctx: Context, platform: Platform, claims: Claims, launchUrl: string): Promise<Launched> {
  if (claims[CLAIM.messageType] === DEEP_LINKING_REQUEST) return applyDeepLinking(ctx, platform, claims, launchUrl);
  const link = obj(claims[CLAIM.resourceLink]);
  const linkId = text(link.id, 255);
  if (!linkId) throw new HttpError(400, "This launch from your LMS was refused: it names no resource link (the activity's id).");
  const person = personOf(claims);
  const assignmentId = await assignmentFor(ctx, platform, linkId, obj(claims[CLAIM.custom]));
  const lineItemUrl = lineItemOf(claims);

  const userId = await signInLaunch(ctx, platform, claims);
  await ctx.db.transaction(async (tx) => {
    const contextRow = await recordMembership(tx, platform, userId, person);
    // The custom parameter wins and is recorded; without one the recorded choice stays (Deep Linking's).
    const chosen = assignmentId === null ? {} : { assignmentId };
    const item = lineItemUrl === null ? {} : { lineItemUrl };
    const [row] = await tx
      .insert(ltiResourceLinks)
      .values({ platformId: platform.id, resourceLinkId: linkId, contextId: contextRow, title: text(link.title), ...chosen, ...item })
      .onConflictDoUpdate({
        target: [ltiResourceLinks.platformId, ltiResourceLinks.resourceLinkId],
        set: { contextId: contextRow, title: text(link.title), updatedAt: new Date(), ...chosen, ...item },
      })
      .returning({ id: ltiResourceLinks.id });
    // Who launched from a link with a line item: their first solve is sent there (src/lti/scores/).
    if (lineItemUrl !== null && !person.staff)
      await tx
        .insert(ltiLaunches)
        .values({ userId, linkId: row!.id, subject: claims.sub! })
        .onConflictDoUpdate({ target: [ltiLaunches.userId, ltiLaunches.linkId], set: { subject: claims.sub!, launchedAt: new Date() } });
  });
  ctx.cache.users.invalidate(userId); // name, e-mail and staff link may have changed
  if (lineItemUrl !== null && !person.staff) afterSolve(ctx, userId); // solved before this link was launched: owed now
  return { userId, next: assignmentId ? `/assignments/${assignmentId}` : "/assignments", staff: person.staff };
}
