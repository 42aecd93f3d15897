// Graders down, killed, poisoned, or stopped: every submission still gets its result.
import { afterAll, afterEach, expect, setDefaultTimeout, test } from "bun:test";
import { submissionById } from "../../src/submissions/results";
import { GRADING_PAUSED } from "../../src/submissions/view-model";
import { Client, makeApp, unique } from "../helpers/app";
import { pollSubmission, readEvents } from "../helpers/events";
import { finalState, Stack } from "../helpers/stack";

setDefaultTimeout(120_000);

const POISON = "# __poison_kills_the_grader__";
const env = { GRADER_HEARTBEAT_SECONDS: "2", GRADER_TEST_CRASH_MARKER: POISON };
const local = makeApp();
let stack: Stack | undefined;

afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});
afterAll(() => local.close());

const CORRECT = "def hello():\n    return 'Hello'\n";

test("all graders down: submissions wait as queued with their position, then are graded in order", async () => {
  stack = await new Stack(env).start(0);
  const assignment = await stack.assignment("hello");
  const users = Array.from({ length: 8 }, () => stack!.client());
  const accepted: { id: number; status: string; position: number }[] = [];
  for (const c of users) {
    const res = await c.submit(assignment, unique(CORRECT));
    expect(res.status).toBe(202);
    accepted.push((await res.json()) as { id: number; status: string; position: number });
  }
  expect(accepted.every((s) => s.status === "queued")).toBe(true);
  const positions = accepted.map((s) => s.position - accepted[0]!.position);
  expect(positions).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  await stack.addGrader();
  const finals = await Promise.all(accepted.map((s, i) => finalState(users[i]!, s.id)));
  expect(finals.every((f) => f.outcome === "passed")).toBe(true);
  const order = [...finals].sort((a, b) => Date.parse(a.gradedAt) - Date.parse(b.gradedAt)).map((f) => f.id);
  expect(order).toEqual(accepted.map((s) => s.id));
});

test("no grader alive: a queued submission says grading is paused and kept, and its open stream says when a grader returns", async () => {
  stack = await new Stack(env).start(0);
  const assignment = await stack.assignment("hello");
  const [first, second] = [stack.client(), stack.client()];
  // The first job takes a while, so the second is still waiting when the grader has returned.
  const slow = (await (await first.submit(assignment, unique(`import time\ntime.sleep(2)\n${CORRECT}`))).json()) as { id: number };
  const waiting = (await (await second.submit(assignment, unique(CORRECT))).json()) as { id: number };
  expect(waiting).toMatchObject({ status: "queued", position: 1, message: GRADING_PAUSED });
  expect(await (await second.request(`/api/submissions/${waiting.id}`)).json()).toMatchObject({
    status: "queued",
    message: GRADING_PAUSED,
  });
  expect(await (await second.request(`/assignments/${assignment}`)).text()).toContain(GRADING_PAUSED);

  const events = readEvents(second, waiting.id);
  await Bun.sleep(500); // the stream is open, saying it is paused
  await stack.addGrader();
  const queued = (await events).filter((e) => e.data.status === "queued").map((e) => e.data);
  expect(queued[0]).toMatchObject({ position: 1, message: GRADING_PAUSED });
  // Once a grader is back, still waiting behind the slow job: no longer paused.
  expect(queued.at(-1)).toMatchObject({ position: 0, message: null });
  expect((await finalState(second, waiting.id)).outcome).toBe("passed");
  expect((await finalState(first, slow.id)).outcome).toBe("passed");
});

test("a grader's start alone tells waiting streams, even before it can take their job (Redis lost the queue)", async () => {
  stack = await new Stack(env).start(0);
  const c = stack.client();
  const s = (await (await c.submit(await stack.assignment("hello"), unique(CORRECT))).json()) as { id: number };
  await local.ctx.redis.del(local.ctx.keys.queue); // as after a flush: in Postgres only, until a sweep puts it back
  const events = readEvents(c, s.id);
  await Bun.sleep(500);
  await stack.addGrader();
  const started = performance.now();
  const resumed = (await events).find((e) => e.data.status === "queued" && e.data.message === null);
  expect(resumed).toBeDefined();
  // Told within a second of the start; the job itself waits for a sweep (seconds later).
  expect(resumed!.at - started).toBeLessThan(1000);
  expect((await finalState(c, s.id)).outcome).toBe("passed");
});

test("a poison job that kills its grader every time: dead-lettered after the attempt limit, slot freed, others graded", async () => {
  stack = await new Stack(env).start(2);
  const assignment = await stack.assignment("hello");
  const victim = stack.client();
  const poison = (await (await victim.submit(assignment, unique(`${CORRECT}${POISON}\n`))).json()) as { id: number };
  // Graders that die are restarted, as a supervisor (compose, systemd) would.
  const supervise = setInterval(() => {
    for (const g of [...stack!.graders]) {
      if (g.proc.exitCode !== null || g.proc.signalCode) {
        stack!.graders.splice(stack!.graders.indexOf(g), 1);
        void stack!.addGrader();
      }
    }
  }, 200);
  try {
    const others = Array.from({ length: 6 }, () => stack!.client());
    const ids: number[] = [];
    for (const c of others) ids.push(((await (await c.submit(assignment, unique(CORRECT))).json()) as { id: number }).id);
    const finals = await Promise.all(ids.map((id, i) => finalState(others[i]!, id)));
    expect(finals.every((f) => f.outcome === "passed")).toBe(true);
    const dead = await finalState(victim, poison.id, 90_000);
    expect(dead.status).toBe("error");
    expect(dead.message).toContain("submit again");
    const again = await victim.submit(assignment, unique(CORRECT));
    expect(again.status).toBe(202);
  } finally {
    clearInterval(supervise);
  }
});

test("SIGTERM: a grader finishes its current job, acks it, and exits", async () => {
  stack = await new Stack(env).start(1);
  const assignment = await stack.assignment("hello");
  const c = stack.client();
  const s = (await (await c.submit(assignment, unique(`import time\ntime.sleep(1.5)\n${CORRECT}`))).json()) as { id: number };
  const grader = stack.graders[0]!;
  await grader.waitFor(/"msg":"graded"|grading/, 500).catch(() => {});
  await pollSubmission(c, s.id, (now) => now.status === "grading", 5000, "grading");
  grader.proc.kill("SIGTERM");
  expect(await grader.proc.exited).toBe(0);
  const final = await finalState(c, s.id, 5000);
  expect(final).toMatchObject({ status: "graded", outcome: "passed" });
  const { redis, keys } = local.ctx;
  const workers = await redis.smembers(keys.workers);
  for (const w of workers) expect(await redis.lrange(keys.processing(w), 0, -1)).not.toContain(String(s.id));
  stack.graders = [];
});

// With DEFAULT heartbeat settings (no test override): the worst case a kill can meet is
// right after a beat, when the dead grader's heartbeat has its whole TTL still to run.

/**
 * One grader takes the job (code); then a second grader starts, so their timers run at
 * unrelated phases, as in production. Returns both, the busy one's worker id, the id.
 */
async function busyGrader(code: string) {
  stack = await new Stack({}).start(1);
  const busy = stack.graders[0]!;
  const c = stack.client();
  const { id } = (await (await c.submit(await stack.assignment("hello"), unique(code))).json()) as { id: number };
  const end = Date.now() + 15_000;
  let worker: string | null | undefined;
  while (!(worker = (await submissionById(local.ctx.db, id))?.grader) && Date.now() < end) await Bun.sleep(20);
  if (!worker?.includes(`-${busy.proc.pid}-`)) throw new Error(`submission ${id} was not taken by the grader (${worker})`);
  const other = await stack.addGrader();
  return { c, id, worker, busy, other };
}

test("a grader killed (SIGKILL) right after a heartbeat beat, default settings: another grader brings the job to its final state within 10 s", async () => {
  // The first attempt runs until a clock time: past the kill (within a beat of the second
  // grader's start, even at the old 3.3 s beat), before the job can be back (a TTL after the
  // kill). The attempt after the kill is short: what is measured is the recovery.
  const until = Date.now() / 1000 + 5.5;
  const { c, id, worker, busy } = await busyGrader(`import time\ntime.sleep(max(0, ${until} - time.time()))\n${CORRECT}`);
  const { redis, keys, config } = local.ctx;
  const ttlMs = config.grading.heartbeatSeconds * 1000;
  // Kill it mid-job just after its heartbeat was renewed.
  const end = Date.now() + 5000;
  while ((await redis.pttl(keys.heartbeat(worker))) < ttlMs - 100 && Date.now() < end) await Bun.sleep(5);
  busy.proc.kill("SIGKILL");
  const killed = performance.now();
  await busy.proc.exited;
  const final = await finalState(c, id, 30_000);
  const seconds = (performance.now() - killed) / 1000;
  console.log(`recovery after grader kill: ${seconds.toFixed(1)} s`);
  expect(final).toMatchObject({ status: "graded", outcome: "passed" });
  expect((await submissionById(local.ctx.db, id))!.attempts).toBe(2); // the kill came mid-job
  expect(seconds).toBeLessThanOrEqual(10);
});

test("a live grader busy for its whole wall limit, default settings: never reaped, graded once by it (attempts 1)", async () => {
  const { c, id, worker, busy, other } = await busyGrader(`import time\ntime.sleep(60)\n${CORRECT}`);
  const { redis, keys } = local.ctx;
  // While it grades, the other grader reaps every beat: the busy one's heartbeat must never lapse.
  let lowest = Infinity;
  let row: Awaited<ReturnType<typeof submissionById>>;
  while ((row = (await submissionById(local.ctx.db, id))!).status === "grading") {
    lowest = Math.min(lowest, await redis.pttl(keys.heartbeat(worker)));
    await Bun.sleep(20);
  }
  console.log(`lowest heartbeat TTL left while busy: ${lowest} ms`);
  expect(lowest).toBeGreaterThan(0); // -2: expired
  expect(row).toMatchObject({ status: "graded", outcome: "time_limit", attempts: 1, grader: worker });
  expect(row.gradingMs!).toBeGreaterThanOrEqual(local.ctx.config.grading.wallSeconds * 1000);
  await Bun.sleep(1500); // time for a late redelivery to be taken (it would count an attempt)
  expect((await submissionById(local.ctx.db, id))!.attempts).toBe(1);
  const graded = [busy, other].flatMap((g) => g.lines.filter((l) => l.includes('"msg":"graded"') && JSON.parse(l).id === id));
  expect(graded.length).toBe(1);
  expect(other.lines.some((l) => /reclaimed|re-enqueued/.test(l))).toBe(false);
  expect((await finalState(c, id)).outcome).toBe("time_limit");
});

void Client;
