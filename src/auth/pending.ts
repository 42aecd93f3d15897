// Sign-in state kept in Redis with a short TTL, never in a cookie set before the redirect:
// a login by its `state` (one use: GETDEL), and a claim waiting for the student's decision,
// by the browser's anonymous user id.
import type { Context } from "../context";
import { HttpError } from "../lib/errors";
import type { LoginChecks } from "./oidc";

const LOGIN_TTL_SECONDS = 600;
const CLAIM_TTL_SECONDS = 900;

/** Without Redis no sign-in can start or finish: 503 in words rather than a 500. */
export async function redis<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch {
    throw new HttpError(503, "Signing in is unavailable for a moment. Please try again shortly.", { "retry-after": "5" });
  }
}

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

export async function saveLogin(ctx: Context, state: string, login: PendingLogin): Promise<void> {
  await redis(() => ctx.redis.set(ctx.keys.authLogin(state), JSON.stringify(login), "EX", LOGIN_TTL_SECONDS));
}

/** The login of this state, once: a second use of the same callback finds nothing. */
export async function takeLogin(ctx: Context, state: string): Promise<PendingLogin | undefined> {
  const raw = await redis(() => ctx.redis.getdel(ctx.keys.authLogin(state)));
  return raw ? (JSON.parse(raw) as PendingLogin) : undefined;
}

export async function saveClaim(ctx: Context, anonymousId: string, claim: PendingClaim): Promise<void> {
  await redis(() => ctx.redis.set(ctx.keys.authClaim(anonymousId), JSON.stringify(claim), "EX", CLAIM_TTL_SECONDS));
}

export async function readClaim(ctx: Context, anonymousId: string): Promise<PendingClaim | undefined> {
  const raw = await redis(() => ctx.redis.get(ctx.keys.authClaim(anonymousId)));
  return raw ? (JSON.parse(raw) as PendingClaim) : undefined;
}

export async function dropClaim(ctx: Context, anonymousId: string): Promise<void> {
  await redis(() => ctx.redis.del(ctx.keys.authClaim(anonymousId)));
}
