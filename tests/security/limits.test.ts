// Floods are absorbed: rate limits per user and per IP (submissions, stream opens), a cap on
// open streams per user across web processes, and a global cap on the queue.
import { describe, expect, test } from "bun:test";
import { appsForThisFile, Client, firstAssignment, unique } from "../helpers/app";
import { gradeByHand } from "../helpers/grading";

const app = appsForThisFile();

const main = app();
const aid = firstAssignment(main.app).then((a) => a.id);

/**
 * A new address each time, so per-IP counters never carry over between tests (counted, not
 * random: a random "another address" can match one already at its limit).
 */
let addresses = 0;
const randomIp = () => `203.0.113.${++addresses}`;
const randomIpv6 = () => `2001:db8:${(++addresses).toString(16)}:1::1`;

const error = async (res: Response) => ((await res.json()) as { error: string }).error;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("submission rate limits", () => {
  test("per user: 429 with Retry-After and RateLimit headers once the window's allowance is spent", async () => {
    const { app: a } = app({ SUBMISSIONS_PER_MINUTE: "3" });
    const c = Client.forApp(a);
    const first = await c.submit(await aid, unique("x = 1"));
    expect(first.status).toBe(202);
    expect(first.headers.get("ratelimit-limit")).toBe("3");
    expect(first.headers.get("ratelimit-remaining")).toBe("2");
    expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    expect(first.headers.get("ratelimit-policy")).toBe("3;w=60");
    expect((await c.submit(999_999, "x")).status).toBe(404); // refused requests count too
    expect((await c.submit(999_999, "x")).status).toBe(404);
    const limited = await c.submit(await aid, unique("x = 2"));
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(await error(limited)).toMatch(/Too many submissions\. Try again in \d+ seconds\./);
    // Another user is not affected.
    expect((await Client.forApp(a).submit(999_999, "x")).status).toBe(404);
  });

  test("per user on the HTML form too, in words", async () => {
    const { app: a } = app({ SUBMISSIONS_PER_MINUTE: "1" });
    const c = Client.forApp(a);
    const form = { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "code=" };
    expect((await c.request(`/assignments/${await aid}/submit`, form)).status).toBe(422); // empty, but counted
    const limited = await c.request(`/assignments/${await aid}/submit`, form);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).not.toBeNull();
    expect(await limited.text()).toContain("Too many submissions");
  });

  test("per IP address (behind a trusted proxy): many new users from one address are limited together", async () => {
    const { app: a } = app({ TRUST_PROXY: "1", SUBMISSIONS_PER_MINUTE_PER_IP: "3" });
    const ip = randomIp();
    const from = (addr: string) => ({ "x-forwarded-for": `198.51.100.7, ${addr}` });
    const send = (addr: string) =>
      Client.forApp(a).request(`/api/assignments/999999/submissions`, {
        method: "POST",
        headers: { "content-type": "application/json", ...from(addr) },
        body: "{}",
      });
    for (let i = 0; i < 3; i++) expect((await send(ip)).status).toBe(404);
    const limited = await send(ip);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("ratelimit-limit")).toBe("3");
    expect((await send(randomIp())).status).toBe(404); // another address is not
  });

  test("IPv6 clients are counted by their /64", async () => {
    const { app: a } = app({ TRUST_PROXY: "1", SUBMISSIONS_PER_MINUTE_PER_IP: "2" });
    const base = randomIpv6();
    const sibling = base.replace(/::[0-9a-f]+$/, "::abcd");
    const send = (addr: string) =>
      Client.forApp(a).request(`/api/assignments/999999/submissions`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": addr },
        body: "{}",
      });
    expect((await send(base)).status).toBe(404);
    expect((await send(sibling)).status).toBe(404);
    expect((await send(base)).status).toBe(429);
  });

  test("X-Forwarded-For is not believed without TRUST_PROXY (it cannot frame another address)", async () => {
    const { app: a } = app({ SUBMISSIONS_PER_MINUTE_PER_IP: "1" });
    const ip = randomIp();
    for (let i = 0; i < 3; i++) {
      const res = await Client.forApp(a).request(`/api/assignments/999999/submissions`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": ip },
        body: "{}",
      });
      expect(res.status).toBe(404);
    }
  });
});

async function queuedSubmission(c: Client) {
  const res = await c.submit(await aid, unique("x = 1"));
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: number }).id;
}

describe("event stream limits", () => {
  test("opening streams is rate limited per user (unknown ids count too)", async () => {
    const { app: a } = app({ STREAMS_PER_MINUTE: "2" });
    const c = Client.forApp(a);
    expect((await c.json("/api/submissions/999999999/events")).status).toBe(404);
    expect((await c.json("/submissions/999999999/stream")).status).toBe(404);
    const limited = await c.json("/api/submissions/999999999/events");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("ratelimit-limit")).toBe("2");
    expect(await error(limited)).toContain("Too many live status connections");
  });

  test("opening streams is rate limited per IP address", async () => {
    const { app: a } = app({ TRUST_PROXY: "1", STREAMS_PER_MINUTE_PER_IP: "2" });
    const ip = randomIp();
    const open = () => Client.forApp(a).request("/api/submissions/999999999/events", { headers: { "x-forwarded-for": ip } });
    expect((await open()).status).toBe(404);
    expect((await open()).status).toBe(404);
    expect((await open()).status).toBe(429);
  });

  test("open streams per user are capped across web processes, and a closed one frees its place", async () => {
    const env = { MAX_OPEN_STREAMS_PER_USER: "2" };
    const one = app(env);
    const two = app(env); // a second web process: same Redis, its own memory
    const c = Client.forApp(one.app);
    const id = await queuedSubmission(c);
    const onTwo = new Client((r) => two.app.handle(r));
    onTwo.cookie = c.cookie;

    const a = await c.json(`/api/submissions/${id}/events`);
    const b = await onTwo.request(`/submissions/${id}/stream`);
    expect([a.status, b.status]).toEqual([200, 200]);
    const refused = await c.json(`/api/submissions/${id}/events`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).not.toBeNull();
    expect(await error(refused)).toContain("live status streams open");
    expect((await onTwo.json(`/api/submissions/${id}/events`)).status).toBe(429);
    // Another user has places of their own.
    const other = Client.forApp(one.app);
    const otherId = await queuedSubmission(other);
    const theirs = await other.json(`/api/submissions/${otherId}/events`);
    expect(theirs.status).toBe(200);

    await a.body!.cancel(); // the client goes away: its lease is released
    await sleep(100);
    const again = await c.json(`/api/submissions/${id}/events`);
    expect(again.status).toBe(200);
    await Promise.all([again.body!.cancel(), b.body!.cancel(), theirs.body!.cancel()]);
  });
});

describe("queue cap", () => {
  test("past QUEUE_CAP new submissions get 503 with Retry-After; reused results and a drained queue pass", async () => {
    const prefix = `pp:test-queuecap-${crypto.randomUUID()}:`;
    const full = app({ QUEUE_CAP: "3", REDIS_PREFIX: prefix });
    const { redis, keys } = full.ctx;
    try {
      await redis.lpush(keys.queue, "1000001", "1000002", "1000003");
      const c = Client.forApp(full.app);
      const refused = await c.submit(await aid, unique("x = 1"));
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await error(refused)).toMatch(/graders are busy: 3 submissions are waiting/);

      const form = await c.request(`/assignments/${await aid}/submit`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ code: unique("x = 1") }).toString(),
      });
      expect(form.status).toBe(503);
      expect(await form.text()).toContain("graders are busy");

      // Identical code already graded needs no grader: answered even while the queue is full.
      const code = unique("x = 'reused'");
      const earlier = Client.forApp(main.app);
      const s = (await (await earlier.submit(await aid, code)).json()) as { id: number };
      await gradeByHand(main.ctx.db, s.id, { outcome: "failed", message: "no" });
      const reused = await Client.forApp(full.app).submit(await aid, code);
      expect(reused.status).toBe(202);
      expect(await reused.json()).toMatchObject({ status: "graded", reused: true });

      await redis.rpop(keys.queue);
      expect((await c.submit(await aid, unique("x = 1"))).status).toBe(202);
      expect(await redis.llen(keys.queue)).toBe(3);
    } finally {
      const leftovers = await redis.keys(`${prefix}*`);
      if (leftovers.length) await redis.del(...leftovers);
    }
  });
});
