// The benchmark's HTTP driver (bench/wrk.ts): a driver that silently reports nothing, or
// reports failures as throughput, is the worst bug a benchmark can have. Each run here is
// wrk for 1 s against a tiny server in this process.
import { afterAll, expect, setDefaultTimeout, test } from "bun:test";
import { combine, parseWrk, wrk, wrkCommand } from "../../bench/wrk";

setDefaultTimeout(20_000);

const bodies: string[] = [];
const server = Bun.serve({
  port: 0,
  async fetch(req) {
    const path = new URL(req.url).pathname;
    if (path === "/bad") return new Response("broken", { status: 500 });
    if (path === "/slow") return Bun.sleep(1500).then(() => new Response("late"));
    if (req.method === "POST") {
      if (bodies.length < 10_000) bodies.push(await req.text());
      return new Response("{}", { status: 202 });
    }
    return new Response("x".repeat(1000), { headers: { "x-seen-cookie": req.headers.get("cookie") ?? "none" } });
  },
});
const base = `http://127.0.0.1:${server.port}`;
afterAll(() => server.stop(true));

test("a healthy server: requests, rate, ordered latencies and bytes per response, no errors", async () => {
  const r = await wrk({ url: `${base}/`, seconds: 1, connections: 4, headers: { cookie: "uid=abc" } });
  expect(r.requests).toBeGreaterThan(100);
  expect(r.perSecond).toBeGreaterThan(100);
  expect(r.p50Ms).toBeGreaterThan(0);
  expect(r.p50Ms).toBeLessThanOrEqual(r.p90Ms);
  expect(r.p90Ms).toBeLessThanOrEqual(r.p99Ms);
  expect(r.p99Ms).toBeLessThanOrEqual(r.maxMs);
  // 1,000 bytes of body plus the status line and headers (the cookie echoed back: -H was sent).
  expect(r.bytesPerResponse).toBeGreaterThan(1000 + "x-seen-cookie: uid=abc".length);
  expect(r.bytesPerResponse).toBeLessThan(1300);
  expect(r.errorCount).toBe(0);
  expect(r.valid).toBe(true);
});

test("a server answering 500: every response is an error, and the run is not valid", async () => {
  const r = await wrk({ url: `${base}/bad`, seconds: 1, connections: 4 });
  expect(r.requests).toBeGreaterThan(100);
  expect(r.errors.status).toBe(r.requests);
  expect(r.errorCount).toBeGreaterThan(0);
  expect(r.valid).toBe(false);
  expect(combine([r, r]).valid).toBe(false);
});

test("nothing listening: the run fails instead of reporting zeros", async () => {
  const closed = Bun.serve({ port: 0, fetch: () => new Response() });
  const port = closed.port;
  closed.stop(true);
  await expect(wrk({ url: `http://127.0.0.1:${port}/`, seconds: 1, connections: 2 })).rejects.toThrow(/unable to connect/);
});

test("answers slower than the timeout count as timeouts", async () => {
  const r = await wrk({ url: `${base}/slow`, seconds: 2, connections: 2, timeoutSeconds: 1 });
  expect(r.errors.timeout).toBeGreaterThan(0);
  expect(r.valid).toBe(false);
});

test("post.lua: a JSON body with different code on every request", async () => {
  bodies.length = 0;
  const r = await wrk({ url: `${base}/submit`, seconds: 1, connections: 4, script: "post.lua", args: ["def f():\\n    return 1"] });
  expect(r.valid).toBe(true);
  expect(bodies.length).toBeGreaterThan(50);
  const codes = bodies.map((b) => (JSON.parse(b) as { code: string }).code);
  expect(codes.every((c) => c.startsWith("def f():\n    return 1  # t"))).toBe(true);
  expect(new Set(codes).size).toBe(codes.length);
});

test("wrk's output without the summary line is an error, not zeros", () => {
  expect(() => parseWrk("Running 1s test @ http://x/\n  0 requests in 1.00s\n")).toThrow(/no summary/);
});

test("durations go to wrk in whole seconds, at least one (it refuses 1.5s)", () => {
  const d = (seconds: number) => wrkCommand({ url: "http://x/", seconds, connections: 1 }).find((a) => a.startsWith("-d"));
  expect([d(0.6), d(1.5), d(10)]).toEqual(["-d1s", "-d2s", "-d10s"]);
});
