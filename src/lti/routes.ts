// The LTI 1.3 tool endpoints: login initiation, launch, our public keys, the new-window
// ticket, and for staff the values an LMS administrator enters. A refused launch is a 400,
// 401 or 403 page that says why, and nothing is written before the launch is verified.
import { Elysia } from "elysia";
import { newWindowPage, toolPage } from "../../views/lti";
import { accountRow } from "../auth/accounts";
import { localPath, refererPath } from "../auth/next";
import { finishSignIn } from "../auth/routes";
import type { Context } from "../context";
import { framedCookieHeader, isFramed } from "../identity/cookie";
import { identityCookie, userPlugin } from "../identity/plugin";
import { HttpError } from "../lib/errors";
import type { Assets } from "../pages/assets";
import { HTML } from "../pages/etag";
import { requireStaff, staffByEmail } from "../staff/access";
import { publishedKeys } from "./keys";
import { applyLaunch } from "./launch";
import { sameBrowser, startLogin, toolBase } from "./login";
import { saveTicket, takeLtiLogin, takeTicket } from "./pending";
import { listPlatforms, platformsTaughtBy } from "./platforms";
import { PlatformKeys, verifyLaunch } from "./verify";

const NO_STORE = { "cache-control": "private, no-store" };
const field = (body: unknown, name: string) => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === "string" ? v : undefined;
};

/** The 302 to the LMS, setting the login's browser cookie beside a new visitor's `uid` (if any). */
async function loginRedirect(ctx: Context, request: Request, params: Record<string, unknown>, headers: Record<string, unknown>) {
  const { location, cookie } = await startLogin(ctx, request, params);
  const out = new Headers({ location });
  if (typeof headers["set-cookie"] === "string") out.append("set-cookie", headers["set-cookie"]);
  out.append("set-cookie", cookie);
  delete headers["set-cookie"];
  return new Response(null, { status: 302, headers: out });
}

export const ltiRoutes = (ctx: Context, assets: Assets, keys = new PlatformKeys(ctx.config.lti.jwksCooldownSeconds * 1000)) =>
  new Elysia()
    .use(userPlugin(ctx.config))
    .get("/lti/login", ({ query, request, set }) => loginRedirect(ctx, request, query, set.headers))
    .post("/lti/login", ({ body, request, set }) => loginRedirect(ctx, request, (body ?? {}) as Record<string, unknown>, set.headers))
    .post("/lti/launch", async ({ body, request, set }) => {
      const state = field(body, "state");
      const idToken = field(body, "id_token");
      if (!state || !idToken) throw new HttpError(400, "This launch from your LMS was refused: it carries no id_token or state.");
      const login = await takeLtiLogin(ctx, state);
      if (!login)
        throw new HttpError(
          400,
          "This launch from your LMS was refused: its login has expired or was already used (state). Please open the activity again.",
        );
      if (!sameBrowser(request, login))
        throw new HttpError(
          400,
          "This launch from your LMS was refused: it did not come back to the browser that started it (its login cookie is missing or another one). Please open the activity again.",
        );
      const platform = (await listPlatforms(ctx)).find((p) => p.id === login.platformId && p.clientId === login.clientId);
      if (!platform) throw new HttpError(403, "This launch from your LMS was refused: the LMS is no longer registered with PyPractice.");
      const claims = await verifyLaunch(ctx, keys, platform, login, idToken);
      const launched = await applyLaunch(ctx, platform, claims, `${toolBase(ctx, request)}/lti/launch`);
      await ctx.cache.framing.refresh(); // the pages that follow may be framed by this LMS
      delete set.headers["set-cookie"]; // only the cookie below
      if (isFramed(request)) {
        // Inside the LMS's iframe: the first-party cookie (and its anonymous progress) is out of reach.
        const cookie = framedCookieHeader(ctx.config.sessionSecrets[0]!, launched.userId);
        return new Response(null, { status: 303, headers: { location: launched.next, "set-cookie": cookie } });
      }
      // Top level: the LMS's cross-site POST carries none of this browser's SameSite=Lax cookie,
      // so a one-time ticket hops to a GET that does, where anonymous progress can be claimed.
      const ticket = await saveTicket(ctx, { userId: launched.userId, next: launched.next });
      return new Response(null, { status: 303, headers: { location: `/lti/enter?ticket=${ticket}` } });
    })
    .get("/lti/jwks", async () => Response.json(await publishedKeys(ctx), { headers: { "cache-control": "public, max-age=300" } }))
    // "Open in a new window": pressed inside the iframe (where the framed cookie is sent), it
    // makes a one-time ticket that the new top-level window exchanges for its own cookie.
    .post("/lti/window", async ({ body, request, userId, newVisitor }) => {
      if (newVisitor || !(await accountRow(ctx, userId)))
        throw new HttpError(403, "Only a signed-in user can open PyPractice in a new window. Open the activity from your LMS again.");
      const next = localPath(field(body, "next") ?? refererPath(request, ctx.config.publicUrl));
      const ticket = await saveTicket(ctx, { userId, next });
      return new Response(newWindowPage(`/lti/enter?ticket=${ticket}`, next, assets.page()), { headers: { ...HTML, ...NO_STORE } });
    })
    .get("/lti/enter", async ({ query, request, userId, set }) => {
      const ticket = typeof query.ticket === "string" ? await takeTicket(ctx, query.ticket) : undefined;
      if (!ticket)
        throw new HttpError(
          400,
          'This link to open PyPractice in a new window has expired or was already used. Press "Open in a new window" again.',
        );
      delete set.headers["set-cookie"];
      return finishSignIn(ctx, userId, ticket.userId, ticket.next, identityCookie(ctx.config, request, ticket.userId));
    })
    .get("/staff/lti", async ({ request, userId, newVisitor }) => {
      await requireStaff(ctx, userId, newVisitor);
      const base = toolBase(ctx, request);
      const tool = {
        loginUrl: `${base}/lti/login`,
        launchUrl: `${base}/lti/launch`,
        jwksUrl: `${base}/lti/jwks`,
        deepLinkingUrl: `${base}/lti/launch`,
        guessed: !ctx.config.publicUrl,
      };
      // The site's staff see every registered LMS; an instructor by LTI only those they teach from.
      const platforms = (await staffByEmail(ctx, userId)) ? await listPlatforms(ctx) : await platformsTaughtBy(ctx, userId);
      return new Response(toolPage(tool, platforms, assets.page()), { headers: { ...HTML, ...NO_STORE } });
    });
