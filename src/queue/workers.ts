// The graders' side of the reliable queue: registration and heartbeat, taking a job into
// the worker's own processing list, acknowledging or dead-lettering it, and recovering the
// jobs of dead workers (reaper) or lost from Redis (sweeper).
import type Redis from "ioredis";
import type { Pending } from "../submissions/results";
import type { Keys, QueueKeys } from "./keys";
import { enqueue } from "./queue";
import { LuaScript } from "./script";

/** Registers the worker and refreshes its heartbeat, which expires after `ttlSeconds` without a beat. */
export async function beat(redis: Redis, keys: QueueKeys, workerId: string, ttlSeconds: number): Promise<void> {
  await redis.multi().set(keys.heartbeat(workerId), String(Date.now()), "EX", ttlSeconds).sadd(keys.workers, workerId).exec();
}

/**
 * A stopping worker hands back whatever is still in its own list (jobs go first), then
 * forgets its heartbeat and registration. Each step runs even when another fails; a job
 * left behind is found by the sweeper.
 */
export async function deregister(redis: Redis, keys: QueueKeys, workerId: string): Promise<void> {
  await requeueOwn(redis, keys, workerId).catch(() => {});
  await Promise.allSettled([redis.del(keys.heartbeat(workerId)), redis.srem(keys.workers, workerId)]);
}

async function requeueOwn(redis: Redis, keys: QueueKeys, workerId: string): Promise<void> {
  while (await redis.lmove(keys.processing(workerId), keys.queue, "LEFT", "RIGHT")) {
    // moved one job back
  }
}

/**
 * Takes the next job into the worker's processing list, waiting up to `seconds` for one.
 * `blocking` must be a connection of its own without command timeout (dedicatedClient).
 */
export function take(blocking: Redis, keys: QueueKeys, workerId: string, seconds: number): Promise<string | null> {
  return blocking.blmove(keys.queue, keys.processing(workerId), "RIGHT", "LEFT", seconds);
}

/** The oldest job in the worker's own list, e.g. one whose BLMOVE reply was lost. */
export function leftover(redis: Redis, keys: QueueKeys, workerId: string): Promise<string | null> {
  return redis.lindex(keys.processing(workerId), -1);
}

/** Acknowledges a finished job: removes it from the worker's processing list. */
export async function ack(redis: Redis, keys: QueueKeys, workerId: string, id: string): Promise<void> {
  await redis.lrem(keys.processing(workerId), 1, id);
}

/** Moves a job past the attempt limit from the worker's list to the dead-letter list. */
export async function deadLetter(redis: Redis, keys: Keys, workerId: string, id: string): Promise<void> {
  await redis.multi().lpush(keys.deadLetter, id).lrem(keys.processing(workerId), 1, id).exec();
}

/** The worker ids registered (alive or not yet reaped). */
export function registeredWorkers(redis: Redis, keys: QueueKeys): Promise<string[]> {
  return redis.smembers(keys.workers);
}

/** Whether any of these workers' heartbeats is alive. */
export async function anyAlive(redis: Redis, keys: QueueKeys, workerIds: string[]): Promise<boolean> {
  return workerIds.length > 0 && (await redis.exists(...workerIds.map((w) => keys.heartbeat(w)))) > 0;
}

// KEYS[1] the workers set. ARGV[1], ARGV[2]: what comes before and after a worker's id in its
// heartbeat key. Returns 1 when some registered worker's heartbeat exists, else 0. The
// heartbeat keys come from the set's members, so they cannot be passed as KEYS: one round trip
// instead of two (this Redis is not a cluster).
const ANY_ALIVE = new LuaScript(`
for _, worker in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('EXISTS', ARGV[1] .. worker .. ARGV[2]) == 1 then return 1 end
end
return 0
`);

/** Whether any registered grader is alive (its heartbeat not expired): else grading is paused. */
export async function anyGraderAlive(redis: Redis, keys: Keys): Promise<boolean> {
  const [before, after] = keys.heartbeat("\n").split("\n");
  return (await ANY_ALIVE.run(redis, [keys.workers], [before!, after!])) === 1;
}

// RECLAIM: if the worker's heartbeat has expired, moves every job of the worker back to the
// consuming end of the queue (they were taken first, so they go first) and forgets the worker.
//   KEYS[1]  the worker's heartbeat
//   KEYS[2]  its processing list
//   KEYS[3]  the queue
//   KEYS[4]  the workers set
//   ARGV[1]  the worker id
//   Returns  the number of jobs moved, or -1 if the worker is alive
const RECLAIM = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
local moved = 0
while redis.call('LMOVE', KEYS[2], KEYS[3], 'LEFT', 'RIGHT') do moved = moved + 1 end
redis.call('SREM', KEYS[4], ARGV[1])
return moved
`);

/**
 * Returns to the queue the jobs of every worker whose heartbeat expired. Every grader runs it
 * every beat: two round trips however many graders there are (the checks are pipelined).
 */
export async function reclaimDeadWorkers(redis: Redis, keys: QueueKeys, selfId: string): Promise<number> {
  const others = (await registeredWorkers(redis, keys)).filter((w) => w !== selfId);
  if (others.length === 0) return 0;
  const moved = await RECLAIM.runEach(
    redis,
    others.map((worker) => ({
      keys: [keys.heartbeat(worker), keys.processing(worker), keys.queue, keys.workers],
      args: [worker],
    })),
  );
  return moved.reduce((total: number, n) => total + Math.max(0, n as number), 0);
}

/** Every id in a queue's lists: waiting, or taken by a registered worker and not acknowledged. */
export async function idsInLists(redis: Redis, keys: QueueKeys): Promise<Set<string>> {
  const workers = await registeredWorkers(redis, keys);
  const multi = redis.multi().lrange(keys.queue, 0, -1);
  for (const w of workers) multi.lrange(keys.processing(w), 0, -1);
  const present = new Set<string>();
  for (const [err, list] of (await multi.exec()) ?? []) {
    if (err) throw err;
    for (const id of list as string[]) present.add(id);
  }
  return present;
}

/**
 * Of these pending submissions, those no worker will finish: in no Redis list (queue or any
 * processing list), and not being graded by a worker that is alive (one still grading it
 * will record it). Lost by a Redis flush, a failed enqueue, or a worker that is gone.
 */
export async function lostJobs(redis: Redis, keys: Keys, pending: Pending[]): Promise<Pending[]> {
  if (pending.length === 0) return [];
  const present = await idsInLists(redis, keys);
  const missing = pending.filter((p) => !present.has(String(p.id)));
  const held = await Promise.all(missing.map((p) => p.status === "grading" && !!p.grader && anyAlive(redis, keys, [p.grader])));
  return missing.filter((_, i) => !held[i]);
}

/** Puts lost jobs back in the queue, announced as enqueue() announces a new one: open streams get their positions. */
export async function requeueLost(redis: Redis, keys: Keys, lost: Pending[]): Promise<void> {
  for (const { id, userId } of lost) await enqueue(redis, keys, { id, userId });
}
