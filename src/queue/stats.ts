// Grading statistics kept in Redis by the graders, and the queue's lengths: read by any
// web process's /metrics.
import type Redis from "ioredis";
import { BUCKETS_MS } from "../observe/metrics";
import type { Keys } from "./keys";
import { registeredWorkers } from "./workers";

export async function recordGraded(redis: Redis, keys: Keys, worker: string, outcome: string, ms: number): Promise<void> {
  const m = redis
    .multi()
    .hincrby(keys.stats, `processed:${worker}`, 1)
    .hincrby(keys.stats, `outcome:${outcome}`, 1)
    .hincrby(keys.stats, "grading_count", 1)
    .hincrbyfloat(keys.stats, "grading_sum_ms", ms);
  BUCKETS_MS.forEach((le, i) => {
    if (ms <= le) m.hincrby(keys.stats, `grading_le:${i}`, 1);
  });
  await m.exec();
}

export interface GradingStats {
  processed: Record<string, number>;
  outcomes: Record<string, number>;
  histogram: { counts: number[]; sum: number; count: number };
}

export async function readStats(redis: Redis, keys: Keys): Promise<GradingStats> {
  const raw = await redis.hgetall(keys.stats);
  const pick = (prefix: string) =>
    Object.fromEntries(
      Object.entries(raw)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), Number(v)]),
    );
  const le = pick("grading_le:");
  return {
    processed: pick("processed:"),
    outcomes: pick("outcome:"),
    histogram: {
      counts: BUCKETS_MS.map((_, i) => le[String(i)] ?? 0),
      sum: Number(raw.grading_sum_ms ?? 0),
      count: Number(raw.grading_count ?? 0),
    },
  };
}

export interface QueueLengths {
  /** jobs waiting for a grader */
  queued: number;
  /** jobs taken by graders and not yet acknowledged */
  processing: number;
  /** jobs past the attempt limit */
  dead: number;
  /** graders registered */
  workers: number;
}

export async function queueLengths(redis: Redis, keys: Keys): Promise<QueueLengths> {
  const workers = await registeredWorkers(redis, keys);
  const m = redis.multi().llen(keys.queue).llen(keys.deadLetter);
  for (const w of workers) m.llen(keys.processing(w));
  const replies = ((await m.exec()) ?? []).map(([, n]) => Number(n));
  const [queued = 0, dead = 0, ...processing] = replies;
  return { queued, dead, processing: processing.reduce((a, b) => a + b, 0), workers: workers.length };
}
