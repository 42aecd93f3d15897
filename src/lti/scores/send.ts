// Sending one score to an LMS line item (AGS 2.0): an access token by the client-credentials
// grant with a JWT assertion signed by our key (RFC 7523), cached per platform until shortly
// before it expires, then the score POSTed to the line item's /scores. Every failure is said
// in words and says whether trying again can help.
import { SignJWT } from "jose";
import type { Context } from "../../context";
import { POINTS_PER_ASSIGNMENT } from "../../submissions/status";
import { SCORE_SCOPE } from "../claims";
import { signingKey } from "../keys";
import type { ScoreJob } from "./records";

const TIMEOUT_MS = 10_000;
/** a token is used up to this long before its expiry, no later */
const MARGIN_MS = 60_000;

export class SendError extends Error {
  constructor(
    message: string,
    /** a network error, a timeout, 5xx or 429: worth trying again */
    readonly retry: boolean,
  ) {
    super(message);
  }
}

const retryable = (status: number) => status >= 500 || status === 429 || status === 408;

/** The reply in a few words: the status and the start of the body. */
async function said(res: Response): Promise<string> {
  const body = (await res.text().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 200);
  return `HTTP ${res.status}${body ? `: ${body}` : ""}`;
}

async function call(what: string, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    const why = (e as Error).name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : (e as Error).message;
    throw new SendError(`The LMS's ${what} could not be reached (${url}): ${why}.`, true);
  }
}

/** Access tokens by platform, in this process. */
export class TokenCache {
  private tokens = new Map<number, { token: string; until: number }>();

  async get(ctx: Context, p: ScoreJob["platform"]): Promise<string> {
    const cached = this.tokens.get(p.id);
    if (cached && cached.until > Date.now()) return cached.token;
    const { kid, key } = await signingKey(ctx);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(p.clientId)
      .setSubject(p.clientId)
      .setAudience(p.tokenUrl)
      .setIssuedAt()
      .setExpirationTime("5m")
      .setJti(crypto.randomUUID())
      .sign(key);
    const res = await call("token endpoint", p.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: assertion,
        scope: SCORE_SCOPE,
      }),
    });
    if (!res.ok)
      throw new SendError(
        `The LMS refused PyPractice an access token (${await said(res)}). Check the tool's registration and that grade passback (AGS) is enabled.`,
        retryable(res.status),
      );
    const body = (await res.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== "string" || body.access_token === "")
      throw new SendError("The LMS's token endpoint answered without an access token.", true);
    const lifeMs = (typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 3600) * 1000;
    this.tokens.set(p.id, { token: body.access_token, until: Date.now() + Math.max(lifeMs - MARGIN_MS, lifeMs / 2) });
    return body.access_token;
  }

  forget(platformId: number): void {
    this.tokens.delete(platformId);
  }
}

/** The line item's scores endpoint: its path with /scores, its query kept (AGS 2.0 §3.4). */
export function scoresUrl(lineItem: string): string {
  const u = new URL(lineItem);
  u.pathname = `${u.pathname.replace(/\/$/, "")}/scores`;
  return u.href;
}

/** Sends the score (100 of 100, at the solve time, so a resend changes nothing), or throws a SendError. */
export async function sendScore(ctx: Context, tokens: TokenCache, job: ScoreJob): Promise<void> {
  const token = await tokens.get(ctx, job.platform);
  const res = await call("score endpoint", scoresUrl(job.lineItemUrl), {
    method: "POST",
    headers: { "content-type": "application/vnd.ims.lis.v1.score+json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      userId: job.subject,
      scoreGiven: POINTS_PER_ASSIGNMENT,
      scoreMaximum: POINTS_PER_ASSIGNMENT,
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
      timestamp: job.solvedAt.toISOString(),
    }),
  });
  if (res.ok) return;
  if (res.status === 401) tokens.forget(job.platform.id); // expired or revoked: a new one next time
  throw new SendError(`The LMS did not take the score (${await said(res)}).`, retryable(res.status) || res.status === 401);
}
