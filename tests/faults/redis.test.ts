// Redis flushed or restarted (it keeps nothing on disk) while submissions flow: nothing is
// lost, web and graders reconnect by themselves, waiting users' streams resume.
import { expect, setDefaultTimeout, test } from "bun:test";
import { unique } from "../helpers/app";
import { readEvents } from "../helpers/events";
import { finalState, stackOnPrivateRedis, submitUntilAccepted } from "../helpers/stack";

setDefaultTimeout(120_000);

const { redis, stack } = stackOnPrivateRedis();

const CORRECT = "def hello():\n    return 'Hello world!'\n";

async function burst(count: number, during: () => Promise<void>) {
  const assignment = await stack.assignment("hello-world");
  const users = Array.from({ length: count }, () => stack.client());
  const half = count / 2;
  const first = await Promise.all(users.slice(0, half).map((c) => submitUntilAccepted(c, assignment, unique(CORRECT))));
  await during();
  const second = await Promise.all(users.slice(half).map((c) => submitUntilAccepted(c, assignment, unique(CORRECT))));
  const ids = [...first, ...second].map((s) => s.id);
  const finals = await Promise.all(ids.map((id, i) => finalState(users[i]!, id)));
  return { users, ids, finals };
}

test("Redis flushed mid-burst: every submission graded, +100 once each", async () => {
  const { users, finals } = await burst(30, async () => redis.flushAll());
  expect(finals.map((f) => `${f.status}/${f.outcome}`)).toEqual(Array(30).fill("graded/passed"));
  expect(finals.every((f) => f.pointsAwarded)).toBe(true);
  const points = await Promise.all(users.map(async (c) => ((await (await c.request("/api/me")).json()) as { points: number }).points));
  expect(points).toEqual(Array(30).fill(100));
});

test("Redis restarted mid-burst: processes reconnect, waiting streams get their result", async () => {
  const assignment = await stack.assignment("hello-world");
  // Users already waiting, their streams open, when Redis dies.
  const waiting = Array.from({ length: 5 }, () => stack.client());
  const slow = "import time\ntime.sleep(1)\n" + CORRECT;
  const subs = await Promise.all(waiting.map((c) => submitUntilAccepted(c, assignment, unique(slow))));
  const streams = subs.map((s, i) => readEvents(waiting[i]!, s.id, 90_000));
  await Bun.sleep(300);
  const { finals } = await burst(10, async () => {
    await redis.kill();
    await Bun.sleep(1500);
    await redis.start();
  });
  expect(finals.every((f) => f.status === "graded" && f.outcome === "passed")).toBe(true);
  const ends = await Promise.all(streams);
  expect(ends.map((events) => events.at(-1)!.data.status)).toEqual(Array(5).fill("graded"));
});
