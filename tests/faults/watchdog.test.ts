// The ioredis watchdog: a blocking call that outlives its own timeout by a margin is taken
// as hung, the blocking client is recreated, and grading goes on.
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { unique } from "../helpers/app";
import { FreezeProxy } from "../helpers/freeze-proxy";
import { finalState, Stack } from "../helpers/stack";

setDefaultTimeout(60_000);

const proxy = new FreezeProxy();
let stack: Stack;

beforeAll(async () => {
  proxy.start();
  stack = await new Stack({ REDIS_URL: proxy.url }).start(1);
});

afterAll(async () => {
  await stack?.stop();
  proxy.stop();
});

test("a hung BLMOVE is replaced by a new blocking client, and the next job is graded", async () => {
  const grader = stack.graders[0]!;
  // The grader's next BLMOVE never gets its reply (not the web process's, on the LMS scores' queue:
  // which of the two blocks next is a race).
  proxy.armed = /BLMOVE(?![\s\S]*SCORES:)/;
  await grader.waitFor(/blocking call hung; recreating the blocking client/, 20_000);
  expect(proxy.frozen).toBe(1);
  const c = stack.client();
  const s = (await (await c.submit(await stack.assignment("hello"), unique("def hello():\n    return 'Hello'\n"))).json()) as {
    id: number;
  };
  expect(await finalState(c, s.id, 20_000)).toMatchObject({ status: "graded", outcome: "passed" });
});
