// The reliable queue's operations (docs/design.md §3). The queue holds only
// submission ids; Postgres stays the source of truth.
import type Redis from "ioredis";
import type { Keys } from "./keys";
import type { Submission } from "../submissions/view-model";
import { LuaScript } from "./script";

export interface ChangeMessage {
  id: number;
  userId: string;
  /**
   * The new state, when it is final (graded or error): it never changes again, so open
   * streams send it without reading the row. Other changes are read from Postgres.
   */
  final?: Submission;
}

// KEYS[1] the queue. ARGV[1] the submission id, ARGV[2] the queue-moved channel, ARGV[3] the
// events channel, ARGV[4] the change message (JSON).
// Effect: pushes the id and announces it on both channels, atomically.
// Returns the queue's length after the push.
const ENQUEUE = new LuaScript(`
local length = redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('PUBLISH', ARGV[2], '1')
redis.call('PUBLISH', ARGV[3], ARGV[4])
return length
`);

/**
 * A new submission: queued, the queue's watchers told, its user's caches dropped, in one
 * round trip. Returns the queue's length after the push: the jobs ahead are one fewer.
 */
export async function enqueue(redis: Redis, keys: Keys, change: ChangeMessage): Promise<number> {
  return Number(await ENQUEUE.run(redis, [keys.queue],
    [String(change.id), keys.queueChannel, keys.eventsChannel, JSON.stringify(change)]));
}

/** Acknowledges a finished job: removes it from the worker's processing list. */
export async function ack(redis: Redis, keys: Keys, workerId: string, id: string): Promise<void> {
  await redis.lrem(keys.processing(workerId), 1, id);
}

/**
 * How many jobs are ahead of this one in the queue (LPUSH in on the left, taken from the
 * right), or undefined when it is not in the list (e.g. Redis was flushed).
 */
export async function queuePosition(redis: Redis, keys: Keys, id: number): Promise<number | undefined> {
  const replies = await redis.multi().lpos(keys.queue, String(id)).llen(keys.queue).exec();
  const index = replies?.[0]?.[1];
  const length = replies?.[1]?.[1];
  if (typeof index !== "number" || typeof length !== "number") return undefined;
  return length - 1 - index;
}

export async function publishChange(redis: Redis, keys: Keys, change: ChangeMessage): Promise<void> {
  await redis.publish(keys.eventsChannel, JSON.stringify(change));
}

export async function publishQueueMoved(redis: Redis, keys: Keys): Promise<void> {
  await redis.publish(keys.queueChannel, "1");
}

export async function queueLength(redis: Redis, keys: Keys): Promise<number> {
  return redis.llen(keys.queue);
}

// KEYS[1] heartbeat key of the worker, KEYS[2] its processing list, KEYS[3] the queue,
// KEYS[4] the workers set. ARGV[1] worker id.
// Effect: if the heartbeat has expired, moves every job of the worker back to the
// consuming end of the queue (they were taken first, so they go first) and forgets
// the worker. Returns the number of jobs moved, or -1 if the worker is alive.
const RECLAIM = `
if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
local moved = 0
while redis.call('LMOVE', KEYS[2], KEYS[3], 'LEFT', 'RIGHT') do moved = moved + 1 end
redis.call('SREM', KEYS[4], ARGV[1])
return moved
`;

/** A stopping worker hands back whatever is still in its own list (jobs go first). */
export async function requeueOwn(redis: Redis, keys: Keys, workerId: string): Promise<void> {
  while (await redis.lmove(keys.processing(workerId), keys.queue, "LEFT", "RIGHT")) {
    // moved one job back
  }
}

/**
 * Returns to the queue the jobs of every worker whose heartbeat expired. Every grader runs it
 * every beat: two round trips however many graders there are (the checks are pipelined).
 */
export async function reclaimDeadWorkers(redis: Redis, keys: Keys, selfId: string): Promise<number> {
  const others = (await redis.smembers(keys.workers)).filter((w) => w !== selfId);
  if (others.length === 0) return 0;
  const pipeline = redis.pipeline();
  for (const worker of others) {
    pipeline.eval(RECLAIM, 4, keys.heartbeat(worker), keys.processing(worker), keys.queue, keys.workers, worker);
  }
  let total = 0;
  for (const [err, moved] of (await pipeline.exec()) ?? []) {
    if (err) throw err;
    if ((moved as number) > 0) total += moved as number;
  }
  return total;
}

/** Of the given ids, those found in no Redis list (queue or any processing list). */
export async function missingFromRedis(redis: Redis, keys: Keys, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const workers = await redis.smembers(keys.workers);
  const multi = redis.multi().lrange(keys.queue, 0, -1);
  for (const w of workers) multi.lrange(keys.processing(w), 0, -1);
  const replies = (await multi.exec()) ?? [];
  const present = new Set<string>();
  for (const [err, list] of replies) {
    if (err) throw err;
    for (const id of list as string[]) present.add(id);
  }
  return ids.filter((id) => !present.has(String(id)));
}
