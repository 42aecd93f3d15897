// Rate limits in Redis, shared by every web process: a fixed one-minute window per
// subject (a user, an IP address), started by the subject's first request. Every request
// counts, refused ones too, so probing costs as much as using.
import type { Context } from "../context";
import { HttpError } from "../lib/errors";
import { LuaScript } from "../queue/script";

export const WINDOW_SECONDS = 60;

export interface Limit {
  /** who is counted: "user:<id>" or "ip:<address>" */
  subject: string;
  /** requests allowed per window */
  max: number;
}

// HIT: increments every counter, giving a new one the window as its TTL.
//   KEYS[1..n]  one counter per subject (n = ARGV[2])
//   KEYS[n+1]   optional: a list whose length is wanted too (the queue, for its cap: one
//               round trip instead of two)
//   ARGV[1]     the window in ms
//   ARGV[2]     n, the number of counters
//   Returns     count and remaining TTL (ms) for each counter, flat and in order, then the
//               list's length
const HIT = new LuaScript(`
local n = tonumber(ARGV[2])
local out = {}
for i = 1, n do
  local c = redis.call('INCR', KEYS[i])
  local ttl = redis.call('PTTL', KEYS[i])
  if ttl < 0 then
    redis.call('PEXPIRE', KEYS[i], ARGV[1])
    ttl = tonumber(ARGV[1])
  end
  out[#out + 1] = c
  out[#out + 1] = ttl
end
if #KEYS > n then out[#out + 1] = redis.call('LLEN', KEYS[n + 1]) end
return out
`);

/** The limits for one kind of request: per user always, per IP address when known. */
export function limitsFor(userId: string, ip: string | undefined, perUser: number, perIp: number): Limit[] {
  const limits = [{ subject: `user:${userId}`, max: perUser }];
  if (ip) limits.push({ subject: `ip:${ip}`, max: perIp });
  return limits;
}

/**
 * Counts the start of a sign-in (OIDC or LTI) against the client address's allowance, before
 * its state is written to Redis: unauthenticated starts must not be able to fill Redis.
 * A request whose address is unknown (in-process, no socket) is not counted.
 */
export async function limitLoginStart(ctx: Context, ip: string | undefined): Promise<void> {
  if (!ip) return;
  const limit = [{ subject: `ip:${ip}`, max: ctx.config.limits.loginsPerMinutePerIp }];
  await hitRateLimits(ctx, "login", limit, "Too many sign-ins were started from your network.");
}

/**
 * Counts one request against every limit. Returns the RateLimit-* headers of the tightest
 * limit; throws 429 (with Retry-After) when any limit is exceeded. When Redis does not
 * answer it lets the request through: Postgres still allows one pending submission per user.
 */
export async function hitRateLimits(ctx: Context, name: string, limits: Limit[], refusal: string): Promise<Record<string, string>> {
  return (await hitRateLimitsAndMeasure(ctx, name, limits, refusal)).headers;
}

/** hitRateLimits, also reading the length of the list `measure` in the same round trip (undefined when Redis is down). */
export async function hitRateLimitsAndMeasure(
  ctx: Context,
  name: string,
  limits: Limit[],
  refusal: string,
  measure?: string,
): Promise<{ headers: Record<string, string>; length?: number }> {
  let reply: number[];
  try {
    const keys = limits.map((l) => ctx.keys.rateLimit(name, l.subject));
    if (measure) keys.push(measure);
    reply = (await HIT.run(ctx.redis, keys, [WINDOW_SECONDS * 1000, limits.length])) as number[];
  } catch (e) {
    ctx.log.warn("rate limit unavailable", { limit: name, error: String(e) });
    return { headers: {} };
  }
  const states = limits.map((l, i) => ({
    ...l,
    count: reply[2 * i]!,
    reset: Math.max(1, Math.ceil(reply[2 * i + 1]! / 1000)),
  }));
  const tightest = states.reduce((a, b) => (b.max - b.count < a.max - a.count ? b : a));
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(tightest.max),
    "RateLimit-Remaining": String(Math.max(0, tightest.max - tightest.count)),
    "RateLimit-Reset": String(tightest.reset),
    "RateLimit-Policy": `${tightest.max};w=${WINDOW_SECONDS}`,
  };
  const exceeded = states.filter((s) => s.count > s.max);
  if (exceeded.length > 0) {
    const retry = Math.max(...exceeded.map((s) => s.reset));
    throw new HttpError(429, `${refusal} Try again in ${retry} seconds.`, { ...headers, "Retry-After": String(retry) });
  }
  return { headers, length: measure ? reply[2 * limits.length] : undefined };
}
