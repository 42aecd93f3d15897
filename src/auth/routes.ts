// Sign-in with an OpenID Provider (only when one is configured; else these addresses do not
// exist and nothing mentions signing in). The `uid` cookie stays the identity: signing in
// sets it to the account's user id, signing out to a new anonymous one.
import { Elysia } from "elysia";
import { claimPage } from "../../views/auth";
import { progressOf } from "../assignments/service";
import type { Context } from "../context";
import { clientAddress, freshIdentity, identityCookie, userPlugin } from "../identity/plugin";
import { HttpError } from "../lib/errors";
import { afterSolve } from "../lti/scores/records";
import type { Assets } from "../pages/assets";
import { HTML } from "../pages/etag";
import { requestOrigin } from "../security/client";
import { limitLoginStart } from "../security/rate-limit";
import { accountOf, claimable, hasAccount, hasProgress, signInAccount } from "./accounts";
import { mergeInto } from "./merge";
import { localPath, refererPath } from "./next";
import { Provider } from "./oidc";
import { dropClaim, readClaim, saveClaim, saveLogin, takeLogin } from "./pending";
import { askToSwitch, switchRoutes } from "./switch";

const NO_CLAIM =
  "Nothing is waiting to be added to an account from this browser (a sign-in waits 15 minutes for your choice). Please sign in again.";

const go = (to: string, status: number, cookie?: string) =>
  new Response(null, { status, headers: { location: to, ...(cookie ? { "set-cookie": cookie } : {}) } });

export const authRoutes = (ctx: Context) => {
  const settings = ctx.config.oidc;
  if (!settings) return new Elysia({ name: "auth-off" });
  const base = ctx.config.publicUrl;
  const provider = new Provider(settings, (request) => `${base ?? requestOrigin(request, ctx.config.trustProxy)}/auth/callback`);

  return new Elysia()
    .use(userPlugin(ctx.config))
    .get("/auth/login", async ({ userId, query, request, set }) => {
      await limitLoginStart(ctx, clientAddress(ctx.config, request));
      const state = crypto.randomUUID();
      const { url, checks } = await provider.start(request, state);
      const next = localPath(query.next ?? refererPath(request, base));
      await saveLogin(ctx, state, { ...checks, next, userId });
      set.status = 302;
      set.headers.location = url;
      return "";
    })
    .get("/auth/callback", async ({ userId, query, request }) => {
      const login = typeof query.state === "string" ? await takeLogin(ctx, query.state) : undefined;
      if (!login) throw new HttpError(400, "This sign-in has expired or was already completed. Please sign in again.");
      // Bound to the browser that started it: a callback link sent by someone else signs nobody in.
      if (login.userId !== userId) throw new HttpError(400, "This sign-in was started in another browser. Please sign in again here.");
      if (typeof query.error === "string")
        throw new HttpError(400, "The sign-in was cancelled or refused at the sign-in service. Please try again.");
      const account = await provider.finish(request, query.state as string, login).catch((e) => {
        if (e instanceof HttpError && e.cause) ctx.log.warn("sign-in refused", { error: String(e.cause) });
        throw e;
      });
      const into = await signInAccount(ctx, account);
      ctx.cache.users.invalidate(into); // the name and e-mail may have changed
      return finishSignIn(ctx, userId, into, login.next, identityCookie(ctx.config, request, into));
    })
    .post("/auth/logout", ({ request, set }) => {
      delete set.headers["set-cookie"]; // a visitor without a cookie gets the new one below only
      return go("/", 303, freshIdentity(ctx.config, request).setCookie);
    });
};

/**
 * After a verified sign-in of this browser (user `userId`) as `into`: a browser signed in to
 * another account is asked at /auth/switch, anonymous progress in this browser waits for the
 * student's choice at /auth/claim; otherwise straight to `next` with `cookie` (the Set-Cookie
 * that makes the browser `into`). Shared by OIDC and LTI.
 */
export async function finishSignIn(ctx: Context, userId: string, into: string, next: string, cookie: string): Promise<Response> {
  if (into === userId) return go(next, 303, cookie);
  // Signed in to another account here: switched only when that user confirms (switch.ts).
  if (await hasAccount(ctx, userId)) return go(await askToSwitch(ctx, { from: userId, into, next }), 303);
  if (await hasProgress(ctx, userId)) {
    // Anonymous progress joins an account only when the student says so.
    await saveClaim(ctx, userId, { into, next });
    return go("/auth/claim", 303);
  }
  return go(next, 303, cookie);
}

/**
 * The claim of anonymous progress: waiting after an OIDC sign-in or an LTI launch, so
 * mounted whether or not a provider is configured (404 while nothing waits).
 */
export const claimRoutes = (ctx: Context, assets: Assets) => {
  return new Elysia()
    .use(switchRoutes(ctx, assets))
    .use(userPlugin(ctx.config))
    .get("/auth/claim", async ({ userId, newVisitor }) => {
      const claim = newVisitor ? undefined : await readClaim(ctx, userId);
      if (!claim) throw new HttpError(404, NO_CLAIM);
      const [counts, account, progress] = await Promise.all([
        claimable(ctx, userId, claim.into),
        accountOf(ctx, claim.into),
        progressOf(ctx, userId),
      ]);
      const page = claimPage({ name: account?.name ?? "your account", ...counts, points: progress.points }, assets.page());
      return new Response(page, { headers: { ...HTML, "cache-control": "no-store" } });
    })
    .post("/auth/claim", async ({ userId, newVisitor, body, request }) => {
      const decision = (body as { decision?: unknown } | undefined)?.decision;
      if (decision !== "add" && decision !== "skip") throw new HttpError(422, 'Choose "add" or "skip" (the field decision).');
      const claim = newVisitor ? undefined : await readClaim(ctx, userId);
      if (!claim) throw new HttpError(404, NO_CLAIM);
      const merged = decision === "add" ? await mergeInto(ctx, userId, claim.into) : undefined;
      if (merged?.completions) afterSolve(ctx, claim.into); // solves brought into an LMS account owe it scores
      await dropClaim(ctx, userId);
      const cookie = identityCookie(ctx.config, request, claim.into);
      if (request.headers.get("content-type")?.startsWith("application/json")) {
        return new Response(JSON.stringify({ added: decision === "add", merged: merged ?? null, next: claim.next }), {
          headers: { "content-type": "application/json", "set-cookie": cookie },
        });
      }
      return go(claim.next, 303, cookie);
    });
};
