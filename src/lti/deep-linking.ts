// Deep Linking (LTI DL 2.0): an instructor adding an activity in the LMS is sent to our
// assignment picker; what they pick goes back to the LMS's deep_link_return_url as a JWT we
// sign, holding one LtiResourceLink per assignment (custom assignment=<slug>, and a line
// item of 100 points for grade passback). The request's settings wait in Redis, bound to
// the instructor who launched, until the choice is made (or for 30 minutes).
import { SignJWT } from "jose";
import type { Catalog } from "../cache/catalog";
import type { Context } from "../context";
import { HttpError } from "../lib/errors";
import { dropKey, getJson, putJson } from "../lib/redis-json";
import { POINTS_PER_ASSIGNMENT } from "../submissions/status";
import { CLAIM, DEEP_LINKING_RESPONSE } from "./claims";
import { signingKey } from "./keys";
import type { Launched } from "./launch";
import { type Claims, obj, personOf, recordMembership, signInLaunch, strings, text } from "./members";
import type { Platform } from "./platforms";

const TTL_SECONDS = 1800;
const RESOURCE_LINK = "ltiResourceLink";

export interface DeepLinkRequest {
  userId: string;
  platformId: number;
  issuer: string;
  clientId: string;
  deploymentId: string;
  returnUrl: string;
  acceptMultiple: boolean;
  acceptLineItem: boolean;
  /** opaque to us, echoed back as the LMS asked */
  data?: string;
  /** where our launches go (the tool's /lti/launch) */
  launchUrl: string;
}

const refuse = (status: number, why: string) => new HttpError(status, `Adding a PyPractice activity was refused: ${why}`);

export async function applyDeepLinking(ctx: Context, platform: Platform, claims: Claims, launchUrl: string): Promise<Launched> {
  const person = personOf(claims);
  if (!person.staff)
    throw refuse(
      403,
      "only an instructor or teaching assistant of the course can choose PyPractice activities, and the LMS says you are not one.",
    );
  const settings = obj(claims[CLAIM.deepLinkingSettings]);
  const returnUrl = text(settings.deep_link_return_url, 2000);
  let origin: string | undefined;
  try {
    origin = returnUrl ? new URL(returnUrl).protocol : undefined;
  } catch {}
  if (!returnUrl || (origin !== "https:" && origin !== "http:"))
    throw refuse(400, "the LMS did not say where to send the chosen activities (deep_link_return_url).");
  const types = strings(settings.accept_types);
  if (!types.includes(RESOURCE_LINK))
    throw refuse(400, `the LMS accepts ${types.join(", ") || "no types"} here, and PyPractice offers LTI resource links only.`);

  const userId = await signInLaunch(ctx, platform, claims);
  await ctx.db.transaction((tx) => recordMembership(tx, platform, userId, person));
  ctx.cache.users.invalidate(userId);
  const request: DeepLinkRequest = {
    userId,
    platformId: platform.id,
    issuer: platform.issuer,
    clientId: platform.clientId,
    deploymentId: claims[CLAIM.deploymentId] as string,
    returnUrl,
    acceptMultiple: settings.accept_multiple === true,
    acceptLineItem: settings.accept_lineitem !== false,
    ...(typeof settings.data === "string" ? { data: settings.data } : {}),
    launchUrl,
  };
  const id = crypto.randomUUID();
  await putJson(ctx, ctx.keys.ltiDeepLink(id), request, TTL_SECONDS);
  return { userId, next: `/lti/deep-link/${id}`, staff: true };
}

/** The saved request for this user, or a 4xx in words (expired, or another user's). */
export async function deepLinkRequestFor(ctx: Context, id: string, userId: string): Promise<DeepLinkRequest> {
  const request = /^[0-9a-f-]{36}$/.test(id) ? await getJson<DeepLinkRequest>(ctx, ctx.keys.ltiDeepLink(id)) : undefined;
  if (!request) throw refuse(400, "this choice has expired or was already sent. Add the activity again from your LMS.");
  if (request.userId !== userId) throw refuse(403, "this choice belongs to the instructor who opened it from the LMS.");
  return request;
}

/** Forgets the request; false when another tab sent it first. */
export async function useDeepLinkRequest(ctx: Context, id: string): Promise<boolean> {
  return dropKey(ctx, ctx.keys.ltiDeepLink(id));
}

export interface Picked {
  assignments: string[];
  modules: string[];
}

/** The chosen assignments in course order: each picked one, and every visible one of each picked module. */
export function pickedAssignments(catalog: Catalog, picked: Picked, acceptMultiple: boolean) {
  const modules = new Set([...catalog.modules.values()].filter((m) => picked.modules.includes(m.slug)).map((m) => m.id));
  const chosen = catalog.rows.filter((a) => picked.assignments.includes(a.slug) || (a.moduleId !== null && modules.has(a.moduleId)));
  if (chosen.length === 0) throw new HttpError(422, "Choose at least one assignment or module.");
  if (chosen.length > 1 && !acceptMultiple) throw new HttpError(422, "Your LMS accepts one activity here: choose a single assignment.");
  return chosen;
}

/** The signed LtiDeepLinkingResponse for the chosen assignments. */
export async function deepLinkResponse(ctx: Context, request: DeepLinkRequest, chosen: Catalog["rows"]): Promise<string> {
  const items = chosen.map((a) => ({
    type: RESOURCE_LINK,
    title: a.title,
    url: request.launchUrl,
    custom: { assignment: a.slug },
    ...(request.acceptLineItem ? { lineItem: { scoreMaximum: POINTS_PER_ASSIGNMENT, label: a.title, resourceId: a.slug } } : {}),
  }));
  const { kid, key } = await signingKey(ctx);
  return new SignJWT({
    [CLAIM.messageType]: DEEP_LINKING_RESPONSE,
    [CLAIM.version]: "1.3.0",
    [CLAIM.deploymentId]: request.deploymentId,
    [CLAIM.contentItems]: items,
    ...(request.data === undefined ? {} : { [CLAIM.deepLinkingData]: request.data }),
    nonce: crypto.randomUUID(),
  })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuer(request.clientId)
    .setAudience(request.issuer)
    .setIssuedAt()
    .setExpirationTime("5m")
    .setJti(crypto.randomUUID())
    .sign(key);
}
