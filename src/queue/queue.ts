// The reliable queue's operations on the web's side (docs/design.md §3): enqueue,
// positions, announcements. The graders' side is in workers.ts. The queue holds only
// submission ids; Postgres stays the source of truth.
import type Redis from "ioredis";
import type { Submission } from "../submissions/view-model";
import type { Keys } from "./keys";
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

// ENQUEUE: pushes the id and announces it on both channels, atomically.
//   KEYS[1]  the queue
//   ARGV[1]  the submission id
//   ARGV[2]  the queue-moved channel
//   ARGV[3]  the events channel
//   ARGV[4]  the change message (JSON)
//   Returns  the queue's length after the push
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
  return Number(await ENQUEUE.run(redis, [keys.queue], [String(change.id), keys.queueChannel, keys.eventsChannel, JSON.stringify(change)]));
}

// LPUSH in on the left, taken from the right: the job at `index` has the ones to its right ahead.
const ahead = (index: number, length: number) => length - 1 - index;

/**
 * How many jobs are ahead of this one in the queue, or undefined when it is not in the list
 * (e.g. Redis was flushed).
 */
export async function queuePosition(redis: Redis, keys: Keys, id: number): Promise<number | undefined> {
  const replies = await redis.multi().lpos(keys.queue, String(id)).llen(keys.queue).exec();
  const index = replies?.[0]?.[1];
  const length = replies?.[1]?.[1];
  if (typeof index !== "number" || typeof length !== "number") return undefined;
  return ahead(index, length);
}

/** Every queued job's position (jobs ahead of it), from one read of the whole queue. */
export async function queuePositions(redis: Redis, keys: Keys): Promise<Map<number, number>> {
  const ids = await redis.lrange(keys.queue, 0, -1);
  const positions = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) positions.set(Number(ids[i]), ahead(i, ids.length));
  return positions;
}

export async function publishChange(redis: Redis, keys: Keys, change: ChangeMessage): Promise<void> {
  await redis.publish(keys.eventsChannel, JSON.stringify(change));
}

/**
 * Drops a user's cached answers and warm pages in every web process: `users` (this process's
 * cache) at once, the others through a message with no submission id (the hub only
 * invalidates on it). After a change made outside grading: a claim, a deletion.
 */
export async function forgetUserEverywhere(redis: Redis, keys: Keys, users: { invalidate(userId: string): void }, userId: string) {
  users.invalidate(userId);
  await redis.publish(keys.eventsChannel, JSON.stringify({ userId })).catch(() => {});
}

export async function publishQueueMoved(redis: Redis, keys: Keys): Promise<void> {
  await redis.publish(keys.queueChannel, "1");
}
