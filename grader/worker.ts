// One grader worker: takes ids from the reliable queue, grades, records, acks, publishes.
import { hostname } from "node:os";
import type Redis from "ioredis";
import type { Context } from "../src/context";
import type { SubmissionRow } from "../src/db/schema";
import { afterSolve } from "../src/lti/scores/records";
import { publishChange, publishQueueMoved } from "../src/queue/queue";
import { dedicatedClient } from "../src/queue/redis";
import { recordGraded } from "../src/queue/stats";
import { ack, beat, deadLetter, deregister, leftover, lostJobs, reclaimDeadWorkers, requeueLost, take } from "../src/queue/workers";
import { finalRow, markError, recordResult, stalePending, startGrading } from "../src/submissions/results";
import { changeOf } from "../src/submissions/view-model";
import { GraderFailure, type Runner } from "./grade";

const BLOCK_SECONDS = 2;
// A blocking call that outlives its own timeout by this much is presumed hung (a known
// ioredis issue after reconnects): the blocking client is recreated.
const WATCHDOG_MARGIN_MS = 5000;

export class Worker {
  readonly id = `${hostname()}-${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
  processed = 0;
  private blocking: Redis;
  private stopping = false;
  private timers: ReturnType<typeof setInterval>[] = [];

  constructor(
    private ctx: Context,
    private runner: Runner,
  ) {
    this.blocking = dedicatedClient(ctx.config.redisUrl);
  }

  async run(): Promise<void> {
    const { log } = this.ctx;
    await this.heartbeat();
    // Alive now: streams of queued submissions stop saying that no grader is running.
    await publishQueueMoved(this.ctx.redis, this.ctx.keys).catch(() => {});
    const { beatMs, sweepSeconds } = this.ctx.config.grading;
    // The beat is a timer of its own: it goes on while a job runs (Python grades in another process).
    this.timers.push(setInterval(() => this.heartbeat().catch(() => {}), beatMs));
    this.every(beatMs, "reaping", () => this.reap());
    this.every(sweepSeconds * 1000, "sweeping", () => this.sweep());
    await this.reap().catch(() => {});
    await this.sweep().catch(() => {});
    log.info("grader started", { worker: this.id });
    while (!this.stopping) {
      try {
        // A job left in our own list (e.g. the reply to a BLMOVE was lost) is handled first.
        const id = (await leftover(this.ctx.redis, this.ctx.keys, this.id)) ?? (await this.takeWatched());
        if (id) await this.handle(id);
      } catch (e) {
        log.error("worker loop error", { error: String(e) });
        await Bun.sleep(1000);
      }
    }
  }

  /** Finish the current job, then stop: every cleanup step runs even if one fails. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const t of this.timers) clearInterval(t);
  }

  async close(): Promise<void> {
    await deregister(this.ctx.redis, this.ctx.keys, this.id);
    this.blocking.disconnect();
  }

  private async heartbeat(): Promise<void> {
    const { redis, keys, config } = this.ctx;
    await beat(redis, keys, this.id, config.grading.heartbeatSeconds);
  }

  /** take(), with a watchdog on the blocking connection. */
  private async takeWatched(): Promise<string | null> {
    const call = take(this.blocking, this.ctx.keys, this.id, BLOCK_SECONDS);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hung = new Promise<"hung">((r) => (timer = setTimeout(() => r("hung"), BLOCK_SECONDS * 1000 + WATCHDOG_MARGIN_MS)));
    const result = await Promise.race([call, hung]).finally(() => clearTimeout(timer));
    if (result === "hung") {
      this.ctx.log.warn("blocking call hung; recreating the blocking client");
      call.catch(() => {});
      this.blocking.disconnect();
      this.blocking = dedicatedClient(this.ctx.config.redisUrl);
      return null; // anything BLMOVE did move is in our list: leftover() finds it
    }
    return result;
  }

  private async handle(rawId: string): Promise<void> {
    const { ctx } = this;
    const id = Number(rawId);
    if (!Number.isSafeInteger(id) || id <= 0) {
      await ack(ctx.redis, ctx.keys, this.id, rawId);
      return;
    }
    const job = await startGrading(ctx.db, id, this.id);
    if (!job) {
      // Already final: a duplicate delivery, or our own retry after the ack failed (Redis
      // slow), which came before the announcement: announced (again: streams skip a repeat).
      const final = await finalRow(ctx.db, id);
      if (final) await publishFinal(ctx, id, final.userId, final);
      await ack(ctx.redis, ctx.keys, this.id, rawId);
      return;
    }
    // Not awaited: grading starts at once, and the connection keeps these before the final publish.
    void publishChange(ctx.redis, ctx.keys, { id, userId: job.userId }).catch(() => {});
    void publishQueueMoved(ctx.redis, ctx.keys).catch(() => {});
    if (job.attempts > ctx.config.grading.maxAttempts) {
      await this.deadLetter(rawId, job.userId, `It stopped the grader ${job.attempts - 1} times.`);
      return;
    }
    const marker = ctx.config.grading.testCrashMarker;
    if (marker && job.code.includes(marker)) process.kill(process.pid, "SIGKILL"); // a poison job, in tests
    const started = performance.now();
    let outcome: string;
    let final: SubmissionRow | undefined;
    try {
      const result = await this.runner.grade({ source: job.code, tests: job.tests });
      const gradingMs = Math.round(performance.now() - started);
      final = await recordResult(ctx.db, id, { ...result, gradingMs });
      outcome = result.outcome;
    } catch (e) {
      if (!(e instanceof GraderFailure)) throw e; // e.g. Postgres down: the job stays ours, retried
      ctx.log.error("grading failed", { id, error: e.message });
      final = await markError(ctx.db, id, "The grader could not grade this submission. Please submit again.");
      outcome = "error";
    }
    await ack(ctx.redis, ctx.keys, this.id, rawId);
    await publishFinal(ctx, id, job.userId, final);
    // A first solve: scores owed to LMSs are recorded and queued, not awaited (sent by the web, src/lti/scores/).
    if (final?.pointsAwarded) afterSolve(ctx, job.userId);
    this.processed++;
    const ms = performance.now() - started;
    await recordGraded(ctx.redis, ctx.keys, this.id, outcome, ms).catch(() => {});
    ctx.log.info("graded", {
      worker: this.id,
      id,
      outcome,
      ms: Math.round(ms),
      processed: this.processed,
    });
  }

  private async deadLetter(rawId: string, userId: string, why: string): Promise<void> {
    const { ctx } = this;
    const id = Number(rawId);
    const final = await markError(ctx.db, id, `This submission could not be graded. ${why} Please check your code and submit again.`);
    await deadLetter(ctx.redis, ctx.keys, this.id, rawId);
    await publishFinal(ctx, id, userId, final);
    ctx.log.warn("dead-lettered", { id, worker: this.id });
  }

  /**
   * Runs `task` every `ms`, skipping a tick while the last run is still out (Redis or
   * Postgres slow); a failure is logged once, not on every tick until it clears.
   */
  private every(ms: number, what: string, task: () => Promise<void>): void {
    let running = false;
    let failing = false;
    this.timers.push(
      setInterval(() => {
        if (running) return;
        running = true;
        task()
          .then(
            () => (failing = false),
            (e) => {
              if (!failing) this.ctx.log.warn(`${what} failed`, { error: String(e) });
              failing = true;
            },
          )
          .finally(() => (running = false));
      }, ms),
    );
  }

  /** Reaper (Redis only, cheap, every beat): the jobs of a grader whose heartbeat expired go back to the queue. */
  private async reap(): Promise<void> {
    const { ctx } = this;
    const reclaimed = await reclaimDeadWorkers(ctx.redis, ctx.keys, this.id);
    if (reclaimed > 0) ctx.log.warn("reclaimed jobs of dead workers", { count: reclaimed });
  }

  /** Sweeper (Postgres, slower): nothing stays stranded when Redis loses state. */
  private async sweep(): Promise<void> {
    const { ctx } = this;
    const stale = await stalePending(ctx.db, 5, ctx.config.grading.heartbeatSeconds);
    const lost = await lostJobs(ctx.redis, ctx.keys, stale);
    await requeueLost(ctx.redis, ctx.keys, lost);
    if (lost.length > 0) ctx.log.warn("re-enqueued submissions missing from Redis", { count: lost.length });
  }
}

/** Announces a final state; the message carries it, so open streams send it without a read. */
async function publishFinal(ctx: Context, id: number, userId: string, final: SubmissionRow | undefined): Promise<void> {
  await publishChange(ctx.redis, ctx.keys, final ? changeOf(final) : { id, userId }).catch(() => {});
}
