// The score sender: a small loop in each web process (not in the graders: they keep to
// grading, and in Kubernetes may not reach the internet). A reliable queue of its own, as the
// grading queue (docs/design.md §3): BLMOVE into this process's processing list, ack after
// Postgres has the outcome, a heartbeat, a reaper handing a dead process's jobs back, and a
// sweeper that records scores owed but missing and re-enqueues due ones Redis lost (§1).
import { hostname } from "node:os";
import type Redis from "ioredis";
import type { Context } from "../../context";
import { dedicatedClient } from "../../queue/redis";
import { ack, beat, deregister, idsInLists, leftover, reclaimDeadWorkers, take } from "../../queue/workers";
import { dueScores, enqueueScores, oweScores, recordTry, scoreJob } from "./records";
import { SendError, sendScore, TokenCache } from "./send";

const BLOCK_SECONDS = 2;
const MAX_BACKOFF_MS = 3_600_000;

/** The wait after `attempts` failed tries: the base, doubled each time, at most an hour. */
export const backoffMs = (baseMs: number, attempts: number) => Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);

export class ScoreWorker {
  readonly id = `${hostname()}-${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
  private blocking: Redis;
  private stopping = false;
  private timers: ReturnType<typeof setInterval>[] = [];
  private tokens = new TokenCache();
  private loop?: Promise<void>;

  constructor(private ctx: Context) {
    this.blocking = dedicatedClient(ctx.config.redisUrl);
  }

  start(): void {
    const { beatMs, heartbeatSeconds } = this.ctx.config.grading;
    const keys = this.ctx.keys.scores;
    const quietly = (what: string, task: () => Promise<unknown>) => () =>
      void task().catch((e) => this.ctx.log.warn(`scores: ${what} failed`, { error: String(e) }));
    const beatNow = () => beat(this.ctx.redis, keys, this.id, heartbeatSeconds);
    this.timers.push(setInterval(quietly("heartbeat", beatNow), beatMs));
    this.timers.push(
      setInterval(
        quietly("reaping", () => reclaimDeadWorkers(this.ctx.redis, keys, this.id)),
        beatMs,
      ),
    );
    this.timers.push(
      setInterval(
        quietly("sweeping", () => this.sweep()),
        this.ctx.config.lti.scoreSweepSeconds * 1000,
      ),
    );
    this.loop = (async () => {
      await beatNow().catch(() => {});
      while (!this.stopping) {
        try {
          const id = (await leftover(this.ctx.redis, keys, this.id)) ?? (await take(this.blocking, keys, this.id, BLOCK_SECONDS));
          if (id) await this.handle(id);
        } catch (e) {
          if (!this.stopping) this.ctx.log.warn("scores: loop error", { error: String(e) });
          await Bun.sleep(1000);
        }
      }
    })();
  }

  /** Finishes the score being sent, hands back the rest, and forgets itself. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const t of this.timers) clearInterval(t);
    await this.loop;
    await deregister(this.ctx.redis, this.ctx.keys.scores, this.id);
    this.blocking.disconnect();
  }

  private async handle(rawId: string): Promise<void> {
    const { ctx } = this;
    const id = Number(rawId);
    const job = Number.isSafeInteger(id) ? await scoreJob(ctx, id) : undefined;
    // Sent, failed, backing off, or gone (the student deleted their data): nothing to do now.
    if (job && job.state === "pending" && job.due) {
      const attempts = job.attempts + 1;
      try {
        await sendScore(ctx, this.tokens, job);
        await recordTry(ctx, id, attempts, { sent: true });
        ctx.log.info("score sent to the LMS", { id, attempts });
      } catch (e) {
        const error = e instanceof SendError ? e.message : `Sending the score failed: ${String(e)}`;
        const retry = (!(e instanceof SendError) || e.retry) && attempts < ctx.config.lti.scoreMaxAttempts;
        const retryInMs = retry ? backoffMs(ctx.config.lti.scoreBackoffMs, attempts) : null;
        await recordTry(ctx, id, attempts, { sent: false, error, retryInMs });
        ctx.log.warn(retry ? "score not sent; will retry" : "score not sent; given up", { id, attempts, error });
      }
    }
    await ack(ctx.redis, ctx.keys.scores, this.id, rawId);
  }

  /** One process per interval (a lock with a TTL): scores owed but unrecorded, and due ones in no list. */
  private async sweep(): Promise<void> {
    const { ctx } = this;
    const ms = ctx.config.lti.scoreSweepSeconds * 1000;
    if ((await ctx.redis.set(ctx.keys.scores.sweepLock, this.id, "PX", ms, "NX")) !== "OK") return;
    await oweScores(ctx, null);
    const due = await dueScores(ctx);
    if (due.length === 0) return;
    const present = await idsInLists(ctx.redis, ctx.keys.scores);
    const lost = due.filter((id) => !present.has(String(id)));
    await enqueueScores(ctx.redis, ctx.keys, lost);
  }
}
