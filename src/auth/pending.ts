// Sign-in state kept in Redis with a short TTL, never in a cookie set before the redirect:
// a login by its `state` (one use: GETDEL), and a claim waiting for the student's decision,
// by the browser's anonymous user id.
import type { Context } from "../context";
import { dropKey, getJson, putJson, takeJson } from "../lib/redis-json";
import type { LoginChecks } from "./oidc";

const LOGIN_TTL_SECONDS = 600;
const CLAIM_TTL_SECONDS = 900;

export interface PendingLogin extends LoginChecks {
  /** where to go afterwards: a local path */
  next: string;
  /** the browser's user id when the login started */
  userId: string;
}

export interface PendingClaim {
  /** the signed-in account's user id, from a verified ID token */
  into: string;
  next: string;
}

export const saveLogin = (ctx: Context, state: string, login: PendingLogin) =>
  putJson(ctx, ctx.keys.authLogin(state), login, LOGIN_TTL_SECONDS);

/** The login of this state, once: a second use of the same callback finds nothing. */
export const takeLogin = (ctx: Context, state: string) => takeJson<PendingLogin>(ctx, ctx.keys.authLogin(state));

export const saveClaim = (ctx: Context, anonymousId: string, claim: PendingClaim) =>
  putJson(ctx, ctx.keys.authClaim(anonymousId), claim, CLAIM_TTL_SECONDS);

export const readClaim = (ctx: Context, anonymousId: string) => getJson<PendingClaim>(ctx, ctx.keys.authClaim(anonymousId));

export const dropClaim = (ctx: Context, anonymousId: string) => dropKey(ctx, ctx.keys.authClaim(anonymousId));
