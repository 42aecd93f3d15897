// Logs and metrics of real processes: one JSON line per request with its id, and /metrics.
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from "bun:test";
import { unique } from "../helpers/app";
import { finalState, Stack } from "../helpers/stack";

setDefaultTimeout(60_000);

let stack: Stack;
beforeAll(async () => {
  stack = await new Stack({}).start(1);
});
afterAll(() => stack.stop());

test("every request gets an id (the proxy's when it sends one), logged as one JSON line", async () => {
  const own = await fetch(`${stack.url}/health`);
  expect(own.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  const given = await fetch(`${stack.url}/api/assignments`, { headers: { "x-request-id": "nginx-abc123" } });
  expect(given.headers.get("x-request-id")).toBe("nginx-abc123");
  await Bun.sleep(100);
  const line = stack.web!.lines.map((l) => JSON.parse(l)).find((l) => l.request === "nginx-abc123");
  expect(line).toMatchObject({ level: "info", msg: "request", method: "GET", path: "/api/assignments", status: 200 });
  expect(typeof line.ms).toBe("number");
});

test("GET /metrics: requests by route and status, queue, graders, outcomes, grading time, streams", async () => {
  const c = stack.client();
  const s = (await (await c.submit(await stack.assignment("hello"), unique("def hello():\n    return 'Hello'\n"))).json()) as {
    id: number;
  };
  await finalState(c, s.id);
  const res = await fetch(`${stack.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  const text = await res.text();
  expect(text).toMatch(/http_requests_total\{route="\/api\/assignments\/:id\/submissions",method="POST",status="202"\} [1-9]/);
  expect(text).toMatch(/http_request_duration_seconds_bucket\{route="\/api\/submissions\/:id",le="\+Inf"\} [1-9]/);
  expect(text).toMatch(/graded_total\{outcome="passed"\} [1-9]/);
  expect(text).toMatch(/grader_processed_total\{grader="[^"]+"\} [1-9]/);
  expect(text).toMatch(/grading_duration_seconds_count [1-9]/);
  for (const name of ["queue_length", "jobs_processing", "dead_letters", "event_streams_open", "graders"]) {
    expect(text).toMatch(new RegExp(`^${name} \\d+$`, "m"));
  }
});

test("the grader logs each job with its duration, outcome and running count", async () => {
  const line = stack.graders[0]!.lines.map((l) => JSON.parse(l)).find((l) => l.msg === "graded");
  expect(line).toMatchObject({ level: "info", role: "grader" });
  expect(typeof line.ms).toBe("number");
  expect(typeof line.outcome).toBe("string");
  expect(line.processed).toBeGreaterThanOrEqual(1);
});
