// A cap on the event streams one user holds open, across every web process: each open
// stream holds a lease in a Redis sorted set, renewed while it runs and removed when it
// ends. A web process that dies leaves leases that simply expire.
import type { Context } from "../context";
import { HttpError } from "../lib/errors";

export interface StreamLease {
  /** extends the lease; call it while the stream is open (cheap to call often) */
  renew(): void;
  release(): void;
}

// Both scripts take the time from Redis, so web processes with skewed clocks agree.
// KEYS[1] the user's open streams (member = stream id, score = lease expiry in ms).
// ARGV[1] stream id, ARGV[2] lease length in ms, ARGV[3] the cap.
// Effect: forgets expired leases, then adds this one unless the cap is reached.
// Returns 1 when added, 0 when the user is at the cap.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

// KEYS[1] as above. ARGV[1] stream id, ARGV[2] lease length in ms.
// Effect: sets the stream's lease to expire a lease length from now (re-adding it if it
// was dropped meanwhile) and keeps the set alive as long.
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

const NO_LEASE: StreamLease = { renew() {}, release() {} };

/** Takes a lease for a new stream of `userId`, or throws 429 at the cap. */
export async function openStreamLease(ctx: Context, userId: string): Promise<StreamLease> {
  const key = ctx.keys.openStreams(userId);
  const id = crypto.randomUUID();
  // Long enough to survive a few missed renewals, short enough to free a dead process's slots.
  const leaseMs = Math.max(30_000, 4 * ctx.config.sseHeartbeatMs);
  const cap = ctx.config.limits.openStreamsPerUser;
  let added: number;
  try {
    added = (await ctx.redis.eval(ACQUIRE, 1, key, id, leaseMs, cap)) as number;
  } catch (e) {
    ctx.log.warn("stream cap unavailable", { error: String(e) });
    return NO_LEASE; // fail open: a stream costs memory, not grading
  }
  if (added !== 1) {
    throw new HttpError(429, `You already have ${cap} live status streams open. Close some tabs, then reload.`, {
      "Retry-After": "10",
    });
  }
  let renewedAt = Date.now();
  let released = false;
  const quietly = (p: Promise<unknown>) => p.catch((e) => ctx.log.warn("stream lease update failed", { error: String(e) }));
  return {
    renew() {
      if (released || Date.now() - renewedAt < leaseMs / 3) return;
      renewedAt = Date.now();
      void quietly(ctx.redis.eval(RENEW, 1, key, id, leaseMs));
    },
    release() {
      if (released) return;
      released = true;
      void quietly(ctx.redis.zrem(key, id));
    },
  };
}
