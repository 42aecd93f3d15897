// The reliable queue with real graders: reaper, sweeper, attempt limit, duplicate delivery,
// and a grader killed in the middle of a job.
import { afterAll, afterEach, describe, expect, setDefaultTimeout, test } from "bun:test";
import { and, eq, sql } from "drizzle-orm";
import { completions, submissions } from "../../src/db/schema";
import { queuePosition } from "../../src/queue/queue";
import { dedicatedClient } from "../../src/queue/redis";
import { assignmentId, Client, makeApp, unique } from "../helpers/app";
import { readEvents, type StreamEvent } from "../helpers/events";
import { type Proc, startGrader } from "../helpers/processes";

setDefaultTimeout(60_000);

const t = makeApp();
const { ctx } = t;
const FAST = { GRADER_HEARTBEAT_SECONDS: "2" };
let running: Proc[] = [];

afterEach(async () => {
  await Promise.all(running.map((p) => p.stop()));
  running = [];
});
afterAll(() => t.close());

async function grader(env: Record<string, string> = {}) {
  const g = await startGrader({ ...FAST, ...env });
  running.push(g);
  return g;
}

async function helloId() {
  return assignmentId(t.app, "hello");
}

async function submit(code: string) {
  const c = Client.forApp(t.app);
  const res = await c.submit(await helloId(), unique(code));
  expect(res.status).toBe(202);
  return { client: c, id: ((await res.json()) as { id: number }).id };
}

async function row(id: number) {
  const [r] = await ctx.db.select().from(submissions).where(eq(submissions.id, id));
  return r!;
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await fn();
    if (v) return v;
    await Bun.sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const finalRow = (id: number) =>
  until(`submission ${id} final`, async () => {
    const r = await row(id);
    return (r.status === "graded" || r.status === "error") && r;
  });

const CORRECT = "def hello():\n    return 'Hello'\n";

describe("reliable queue", () => {
  test("the reaper returns the jobs of a worker whose heartbeat expired", async () => {
    const { id } = await submit(CORRECT);
    // A worker that took the job and died: its id is registered, its heartbeat is gone.
    await ctx.redis
      .multi()
      .lrem(ctx.keys.queue, 0, String(id))
      .sadd(ctx.keys.workers, "dead-worker")
      .lpush(ctx.keys.processing("dead-worker"), String(id))
      .exec();
    await grader();
    const r = await finalRow(id);
    expect(r).toMatchObject({ status: "graded", outcome: "passed", pointsAwarded: true, attempts: 1 });
    expect(await ctx.redis.exists(ctx.keys.processing("dead-worker"))).toBe(0);
    expect(await ctx.redis.sismember(ctx.keys.workers, "dead-worker")).toBe(0);
  });

  test("the sweeper re-enqueues a submission that is queued in Postgres but in no Redis list", async () => {
    const { id } = await submit(CORRECT);
    await ctx.redis.lrem(ctx.keys.queue, 0, String(id)); // as if Redis had been flushed
    await ctx.db.update(submissions).set({ createdAt: sql`now() - interval '1 minute'` }).where(eq(submissions.id, id));
    await grader();
    expect(await finalRow(id)).toMatchObject({ status: "graded", outcome: "passed" });
  });

  test("the sweeper's re-enqueue sends an open stream of that submission its new position", async () => {
    await grader({ GRADER_SWEEP_SECONDS: "1" });
    // The grader is kept busy meanwhile, so only the sweeper moves the queue.
    const busy = await submit("import time\ntime.sleep(6)\ndef hello():\n    return 'Hello'\n");
    await until("the grader busy", async () => (await row(busy.id)).status === "grading");
    const lost = await submit(CORRECT);
    await ctx.redis.lrem(ctx.keys.queue, 0, String(lost.id)); // as if Redis had been flushed
    for (let i = 0; i < 2; i++) await submit(CORRECT); // two after it, ahead of it once it is back
    const seen: StreamEvent[] = [];
    const stream = readEvents(lost.client, lost.id, 30_000, (e) => seen.push(e));
    await until("the stream's first state", async () => seen.length > 0);
    const opening = seen[0]!.data.position as number; // counted in Postgres: not in the queue
    await ctx.db.update(submissions).set({ createdAt: sql`now() - interval '1 minute'` }).where(eq(submissions.id, lost.id));
    const { position } = await until("re-enqueued", async () => {
      const p = await queuePosition(ctx.redis, ctx.keys, lost.id);
      return p !== undefined && { position: p };
    });
    expect(position).toBe(opening + 2);
    // Without the sweeper's announcement the stream would hear of the queue only when the
    // grader, done with the busy job, takes the next one: position − 1, never this one.
    await until("the new position on the stream", async () => seen.some((e) => e.data.position === position), 10_000);
    expect((await stream).at(-1)!.data).toMatchObject({ status: "graded", outcome: "passed" });
  });

  test("past the attempt limit: dead letter, status error with a message, the slot freed", async () => {
    const { id, client } = await submit(CORRECT);
    await ctx.db.update(submissions).set({ attempts: ctx.config.grading.maxAttempts }).where(eq(submissions.id, id));
    await grader();
    const r = await finalRow(id);
    expect(r.status).toBe("error");
    expect(r.message).toContain("submit again");
    expect(await ctx.redis.lrange(ctx.keys.deadLetter, 0, -1)).toContain(String(id));
    const api = (await (await client.json(`/api/submissions/${id}`)).json()) as { status: string };
    expect(api.status).toBe("error");
    expect((await client.submit(await helloId(), unique(CORRECT))).status).toBe(202);
  });

  test("a job delivered twice has one result and one award", async () => {
    const { id, client } = await submit(CORRECT);
    await grader();
    const first = await finalRow(id);
    expect(first.pointsAwarded).toBe(true);
    // Whoever delivers it again (a crash, or a failed ack, after the commit and before the
    // announcement) announces the final state again, so no open stream is left waiting.
    const events = dedicatedClient(ctx.config.redisUrl);
    const announced: { id: number; final?: { status: string } }[] = [];
    events.on("message", (_channel: string, message: string) => announced.push(JSON.parse(message)));
    await events.subscribe(ctx.keys.eventsChannel);
    await ctx.redis.lpush(ctx.keys.queue, String(id)); // redelivery (crash after commit, before ack)
    await until("redelivery consumed", async () => (await ctx.redis.llen(ctx.keys.queue)) === 0);
    await Bun.sleep(300);
    events.disconnect();
    expect(announced.filter((m) => m.id === id).map((m) => m.final?.status)).toEqual(["graded"]);
    const again = await row(id);
    expect(again.gradedAt).toEqual(first.gradedAt);
    expect(again.attempts).toBe(1);
    const me = (await (await client.json("/api/me")).json()) as { points: number };
    expect(me.points).toBe(100);
    const awards = await ctx.db
      .select()
      .from(completions)
      .where(and(eq(completions.userId, first.userId), eq(completions.assignmentId, first.assignmentId)));
    expect(awards.length).toBe(1);
  });

  test("a grader killed with SIGKILL mid-job: another grader grades it, once", async () => {
    const a = await grader();
    const { id } = await submit("import time\ntime.sleep(1.5)\ndef hello():\n    return 'Hello'\n");
    await until("grading started", async () => (await row(id)).status === "grading");
    a.proc.kill("SIGKILL");
    await a.proc.exited;
    const b = await grader();
    const r = await finalRow(id);
    expect(r).toMatchObject({ status: "graded", outcome: "passed", pointsAwarded: true, attempts: 2 });
    // The grader logs after its commit, ack and publish: the row can be seen first.
    const gradedLines = () => b.lines.filter((l) => l.includes('"msg":"graded"') && JSON.parse(l).id === id);
    await until("the graded log line", async () => gradedLines().length > 0);
    await Bun.sleep(300);
    expect(gradedLines().length).toBe(1);
  });
});
