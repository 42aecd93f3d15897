// A cap on the event streams one user holds open, across every web process: each open
// stream holds a lease in a Redis sorted set, renewed while it runs and removed when it
// ends. A web process that dies leaves leases that simply expire.
import type Redis from "ioredis";
import type { Context } from "../context";
import { HttpError } from "../lib/errors";
import type { Logger } from "../lib/log";
import { LuaScript } from "../queue/script";

export interface StreamLease {
  /** extends the lease; call it while the stream is open (cheap to call often) */
  renew(): void;
  release(): void;
}

// Both scripts take the time from Redis, so web processes with skewed clocks agree.

// ACQUIRE: forgets the user's expired leases, then adds this one unless the cap is reached.
//   KEYS[1]  the user's open streams (member = stream id, score = lease expiry in ms)
//   ARGV[1]  the stream id
//   ARGV[2]  the lease length in ms
//   ARGV[3]  the cap
//   Returns  1 when added, 0 when the user is at the cap
const ACQUIRE = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`);

// RENEW: sets each stream's lease to expire a lease length from now (re-adding it if it was
// dropped meanwhile) and keeps its set alive as long.
//   KEYS[i]      the open-stream set of the i-th lease to renew (a key may repeat)
//   ARGV[1]      the lease length in ms
//   ARGV[1 + i]  the stream id of KEYS[i]
//   Returns      the number renewed
const RENEW = new LuaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now + tonumber(ARGV[1]), ARGV[i + 1])
  redis.call('PEXPIRE', key, ARGV[1])
end
return #KEYS
`);

/** at most this many leases per RENEW call */
const BATCH = 500;

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
    added = (await ACQUIRE.run(ctx.redis, [key], [id, leaseMs, cap])) as number;
  } catch (e) {
    ctx.log.warn("stream cap unavailable", { error: String(e) });
    return NO_LEASE; // fail open: a stream costs memory, not grading
  }
  if (added !== 1) {
    throw new HttpError(429, `You already have ${cap} live status streams open. Close some tabs, then reload.`, {
      "Retry-After": "10",
    });
  }
  return new Lease(renewals(ctx.redis, ctx.log), key, id, leaseMs);
}

class Lease implements StreamLease {
  private renewedAt = Date.now();
  private released = false;

  constructor(
    private batch: Renewals,
    readonly key: string,
    readonly id: string,
    readonly ms: number,
  ) {}

  renew() {
    if (this.released || Date.now() - this.renewedAt < this.ms / 3) return;
    this.renewedAt = Date.now();
    this.batch.add(this);
  }

  release() {
    if (this.released) return;
    this.released = true;
    this.batch.quietly(this.batch.redis.zrem(this.key, this.id));
  }
}

// Streams beat in slices (see EventHub): the leases due in one slice are renewed by one
// script call sent after the slice, not one call per stream.
class Renewals {
  private due: Lease[] = [];

  constructor(
    readonly redis: Redis,
    private log: Logger,
  ) {}

  add(lease: Lease) {
    if (this.due.push(lease) === 1) queueMicrotask(() => this.flush());
  }

  quietly(p: Promise<unknown>) {
    p.catch((e) => this.log.warn("stream lease update failed", { error: String(e) }));
  }

  private flush() {
    const due = this.due;
    this.due = [];
    for (let i = 0; i < due.length; i += BATCH) {
      const slice = due.slice(i, i + BATCH);
      // All leases of a process have the same length.
      this.quietly(
        RENEW.run(
          this.redis,
          slice.map((l) => l.key),
          [slice[0]!.ms, ...slice.map((l) => l.id)],
        ),
      );
    }
  }
}

// One batch per Redis client (that is, per process), found from the client.
const batches = new WeakMap<Redis, Renewals>();
function renewals(redis: Redis, log: Logger): Renewals {
  let batch = batches.get(redis);
  if (!batch) batches.set(redis, (batch = new Renewals(redis, log)));
  return batch;
}
