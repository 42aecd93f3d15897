// LTI state kept server-side in Redis, never in a cookie set before the launch (an LMS iframe
// may have third-party cookies blocked): the login by its `state` (taken once, GETDEL), the
// id_token nonces already used, and one-time tickets that sign a new window in.
import type { Context } from "../context";
import { putJson, redis, takeJson } from "../lib/redis-json";

export const LOGIN_TTL_SECONDS = 600;
/** A nonce is remembered longer than any id_token we accept lives (see verify.ts). */
const NONCE_TTL_SECONDS = 3600;
/** A ticket is made when "Open in a new window" is pressed and used at once. */
const TICKET_TTL_SECONDS = 120;

export interface PendingLtiLogin {
  platformId: number;
  issuer: string;
  clientId: string;
  nonce: string;
  /** the target_link_uri the login asked for: the launch must name the same */
  targetLinkUri: string;
  /** the value of the login's browser cookie (login.ts), which the launch must carry if it carries any cookie */
  browser?: string;
}

export interface Ticket {
  userId: string;
  /** a local path to open in the new window */
  next: string;
}

export const saveLtiLogin = (ctx: Context, state: string, login: PendingLtiLogin) =>
  putJson(ctx, ctx.keys.ltiLogin(state), login, LOGIN_TTL_SECONDS);

export const takeLtiLogin = (ctx: Context, state: string) => takeJson<PendingLtiLogin>(ctx, ctx.keys.ltiLogin(state));

/** True the first time a nonce is seen for an issuer, false for a replay. */
export async function firstUseOfNonce(ctx: Context, issuer: string, nonce: string): Promise<boolean> {
  const set = await redis(() => ctx.redis.set(ctx.keys.ltiNonce(issuer, nonce), "1", "EX", NONCE_TTL_SECONDS, "NX"));
  return set === "OK";
}

export async function saveTicket(ctx: Context, ticket: Ticket): Promise<string> {
  const id = crypto.randomUUID();
  await putJson(ctx, ctx.keys.ltiTicket(id), ticket, TICKET_TTL_SECONDS);
  return id;
}

export async function takeTicket(ctx: Context, id: string): Promise<Ticket | undefined> {
  return /^[0-9a-f-]{36}$/.test(id) ? takeJson<Ticket>(ctx, ctx.keys.ltiTicket(id)) : undefined;
}
