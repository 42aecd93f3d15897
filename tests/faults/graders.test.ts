// Graders down, killed, poisoned, or stopped: every submission still gets its result.
import { afterAll, afterEach, expect, setDefaultTimeout, test } from "bun:test";
import { Client, makeApp, unique } from "../helpers/app";
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
  for (let i = 0; i < 50 && (await (await c.request(`/api/submissions/${s.id}`)).json() as { status: string }).status !== "grading"; i++) {
    await Bun.sleep(50);
  }
  grader.proc.kill("SIGTERM");
  expect(await grader.proc.exited).toBe(0);
  const final = await finalState(c, s.id, 5000);
  expect(final).toMatchObject({ status: "graded", outcome: "passed" });
  const { redis, keys } = local.ctx;
  const workers = await redis.smembers(keys.workers);
  for (const w of workers) expect(await redis.lrange(keys.processing(w), 0, -1)).not.toContain(String(s.id));
  stack.graders = [];
});

void Client;
