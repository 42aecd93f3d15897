// Web processes killed or stopped while users wait: the stream is resumed elsewhere.
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { Client, unique } from "../helpers/app";
import { readEvents } from "../helpers/events";
import { freePort, type Proc, startWeb } from "../helpers/processes";
import { Stack } from "../helpers/stack";

setDefaultTimeout(60_000);

let stack: Stack;
let other: Proc;
let otherUrl: string;

beforeAll(async () => {
  stack = await new Stack({}).start(1);
  const port = freePort();
  other = await startWeb(port);
  otherUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await stack.stop();
  await other.stop();
});

const SLOW = "import time\ntime.sleep(1.5)\ndef hello():\n    return 'Hello'\n";

test("a web process killed while a user waits: reconnecting to another process gives the final state", async () => {
  const c = stack.client();
  const s = (await (await c.submit(await stack.assignment("hello"), unique(SLOW))).json()) as { id: number };
  const first = readEvents(c, s.id, 10_000).catch((e) => e);
  await Bun.sleep(300);
  stack.web!.proc.kill("SIGKILL");
  await first; // the stream broke
  // The browser's EventSource retries; behind a proxy it lands on another web process.
  const moved = new Client((r) => fetch(r), otherUrl);
  moved.cookie = c.cookie;
  const events = await readEvents(moved, s.id, 20_000);
  expect(events.at(-1)!.data).toMatchObject({ id: s.id, status: "graded", outcome: "passed" });
  stack.web = undefined;
});

test("SIGTERM: the web process ends open streams with a retry hint and exits", async () => {
  const c = new Client((r) => fetch(r), otherUrl);
  const s = (await (await c.submit(await stack.assignment("hello"), unique(SLOW))).json()) as { id: number };
  const res = await c.request(`/api/submissions/${s.id}/events`);
  const reader = res.body!.getReader();
  await reader.read(); // the stream is open
  other.proc.kill("SIGTERM");
  let text = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  expect(text).toContain("retry: 500");
  expect(await other.proc.exited).toBe(0);
});
