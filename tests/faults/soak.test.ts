// Soak: 500 submissions from 100 users, two graders, one of them killed (SIGKILL) and
// restarted every few seconds, and the (private) Redis flushed once along the way.
import { expect, setDefaultTimeout, test } from "bun:test";
import { type Client, unique } from "../helpers/app";
import { readEvents } from "../helpers/events";
import { finalState, stackOnPrivateRedis, submitUntilAccepted } from "../helpers/stack";

setDefaultTimeout(300_000);

const { redis, stack } = stackOnPrivateRedis();

// Each user's five submissions: three correct, two wrong -> exactly 300 points each.
const PLAN = [
  { slug: "hello", code: "def hello():\n    return 'Hello'\n", correct: true },
  { slug: "hello-world", code: "def hello():\n    return 'Hello world'\n", correct: false },
  { slug: "sum", code: "def sum(a, b):\n    return a + b\n", correct: true },
  { slug: "shout", code: "def shout(text):\n    return text.upper() + '!'\n", correct: true },
  { slug: "fizzbuzz", code: "def fizzbuzz(n):\n    return str(n)\n", correct: false },
];

async function waitResult(client: Client, id: number) {
  try {
    const last = (await readEvents(client, id, 120_000)).at(-1)?.data;
    if (last && (last.status === "graded" || last.status === "error")) return last;
  } catch {
    // the stream broke: ask again
  }
  return finalState(client, id, 120_000);
}

test("500 of 500 graded, points exactly 100 × correct assignments per user", async () => {
  const ids = Object.fromEntries(await Promise.all(PLAN.map(async (p) => [p.slug, await stack.assignment(p.slug)])));
  const users = Array.from({ length: 100 }, () => stack.client());
  let killing = true;
  const chaos = (async () => {
    let flushed = false;
    const started = Date.now();
    while (killing) {
      await Bun.sleep(2500);
      if (!killing) break;
      const victim = stack.graders.shift()!;
      victim.proc.kill("SIGKILL");
      await victim.proc.exited;
      await stack.addGrader();
      if (!flushed && Date.now() - started > 4000) {
        redis.flushAll();
        flushed = true;
      }
    }
  })();

  const waits: number[] = [];
  const results = await Promise.all(
    users.map(async (client) => {
      const outcomes = [];
      for (const step of PLAN) {
        const t0 = performance.now();
        const s = await submitUntilAccepted(client, ids[step.slug]!, unique(step.code), 120_000);
        const final = await waitResult(client, s.id);
        waits.push(performance.now() - t0);
        outcomes.push(final);
      }
      return outcomes;
    }),
  );
  killing = false;
  await chaos;

  const all = results.flat();
  const graded = all.filter((s) => s.status === "graded").length;
  console.log(
    `soak: ${graded} of ${all.length} graded; longest time to feedback ${Math.max(...waits).toFixed(0)} ms; median ${[...waits].sort((a, b) => a - b)[waits.length >> 1]!.toFixed(0)} ms`,
  );
  expect(graded).toBe(500);
  for (const outcomes of results) expect(outcomes.map((s) => s.correct)).toEqual(PLAN.map((p) => p.correct));
  const points = await Promise.all(users.map(async (c) => ((await (await c.request("/api/me")).json()) as { points: number }).points));
  expect(points).toEqual(Array(100).fill(300));
});
