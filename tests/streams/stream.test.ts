// The event stream's behaviour now that streams share the hub's work: heartbeats from one
// timer, positions from one read of the queue, a final state carried by the change message,
// leases renewed in batches, and the hub's count and leases freed when a stream ends.
import { describe, expect, setSystemTime, test } from "bun:test";
import { publishChange, publishQueueMoved } from "../../src/queue/queue";
import { markError } from "../../src/submissions/results";
import { findOwnSubmission } from "../../src/submissions/service";
import { toSubmission } from "../../src/submissions/view-model";
import { appsForThisFile, Client, firstAssignment, unique } from "../helpers/app";

const app = appsForThisFile();

const main = app({ SSE_HEARTBEAT_MS: "200" });
const aid = firstAssignment(main.app).then((a) => a.id);

async function queued(c: Client) {
  const res = await c.submit(await aid, unique("x = 1"));
  expect(res.status).toBe(202);
  return (await res.json()) as { id: number; position: number };
}

/** Reads a stream's text as it comes; `until` waits for a pattern (or the end). */
function follow(res: Response) {
  let text = "";
  let ended = false;
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return void (ended = true);
      text += decoder.decode(value, { stream: true });
    }
  })();
  return {
    get text() {
      return text;
    },
    get ended() {
      return ended;
    },
    async until(pattern: RegExp, ms = 5000) {
      const deadline = Date.now() + ms;
      while (!pattern.test(text)) {
        if (ended || Date.now() > deadline) throw new Error(`no ${pattern} in:\n${text}`);
        await Bun.sleep(20);
      }
    },
    ends: () => pump,
    cancel: () => reader.cancel(),
  };
}

const statuses = (text: string) =>
  [...text.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!) as { status: string; position: number | null });

describe("event stream", () => {
  test("heartbeats keep coming while nothing changes", async () => {
    const c = Client.forApp(main.app);
    const s = await queued(c);
    const stream = follow(await c.json(`/api/submissions/${s.id}/events`));
    await stream.until(/event: status/);
    await stream.until(/(: heartbeat\n\n[\s\S]*){3}/, 3000);
    await stream.cancel();
  });

  test("a queue move re-sends the position, read once for all streams", async () => {
    const c = Client.forApp(main.app);
    const first = await queued(c);
    const other = Client.forApp(main.app);
    const second = await queued(other);
    const stream = follow(await other.json(`/api/submissions/${second.id}/events`));
    await stream.until(/event: status/);
    const before = statuses(stream.text).at(-1)!.position!;
    expect(before).toBeGreaterThan(0);
    // A grader takes the first one (taken out of the queue, the queue announced as moved).
    await main.ctx.redis.lrem(main.ctx.keys.queue, 1, String(first.id));
    await publishQueueMoved(main.ctx.redis, main.ctx.keys);
    await stream.until(new RegExp(`"position":${before - 1}\\b`));
    expect(statuses(stream.text).map((e) => e.status)).toEqual(["queued", "queued"]);
    await stream.cancel();
  });

  /** A queued submission whose stream has sent its first state, then made final (error) behind the stream's back. */
  async function finalWhileWatched(message: string) {
    const c = Client.forApp(main.app);
    const s = await queued(c);
    const stream = follow(await c.json(`/api/submissions/${s.id}/events`));
    await stream.until(/event: status/);
    await markError(main.ctx.db, s.id, message);
    const { userId } = (await (await c.json("/api/me")).json()) as { userId: string };
    return { s, stream, userId };
  }

  test("a final state carried by the change message is sent as it is, and the stream ends", async () => {
    const { s, stream, userId } = await finalWhileWatched("checked by the test");
    const row = await findOwnSubmission(main.ctx, s.id, userId);
    const queries = main.ctx.stats.queries;
    await publishChange(main.ctx.redis, main.ctx.keys, { id: s.id, userId: row.userId, final: toSubmission(row, null) });
    await stream.ends();
    expect(main.ctx.stats.queries).toBe(queries); // not read again
    const sent = statuses(stream.text);
    expect(sent.at(-1)).toMatchObject({ status: "error", message: "checked by the test" });
    expect(stream.text.match(/^id: (\d+)$/gm)).toEqual(["id: 1", "id: 2"]);
  });

  test("a change message without the state is read from Postgres", async () => {
    const { s, stream, userId } = await finalWhileWatched("read by the stream");
    await publishChange(main.ctx.redis, main.ctx.keys, { id: s.id, userId });
    await stream.ends();
    expect(statuses(stream.text).at(-1)).toMatchObject({ status: "error", message: "read by the stream" });
  });

  test("a stream that ends leaves the hub and frees its lease", async () => {
    const { app: a, hub, ctx } = app();
    const c = Client.forApp(a);
    const s = await queued(c);
    const { userId } = (await (await c.json("/api/me")).json()) as { userId: string };
    const stream = follow(await c.json(`/api/submissions/${s.id}/events`));
    await stream.until(/event: status/);
    expect(hub.openStreams).toBe(1);
    expect(await ctx.redis.zcard(ctx.keys.openStreams(userId))).toBe(1);
    await stream.cancel();
    await Bun.sleep(100);
    expect(hub.openStreams).toBe(0);
    expect(await ctx.redis.zcard(ctx.keys.openStreams(userId))).toBe(0);
  });

  test("two tabs on one submission both get the change, then both leave the hub", async () => {
    const { app: a, hub, ctx } = app();
    const c = Client.forApp(a);
    const s = await queued(c);
    const tabs = [follow(await c.json(`/api/submissions/${s.id}/events`)), follow(await c.json(`/submissions/${s.id}/stream`))];
    await Promise.all(tabs.map((t) => t.until(/^data: /m)));
    expect(hub.openStreams).toBe(2);
    await markError(ctx.db, s.id, "seen in both tabs");
    const { userId } = (await (await c.json("/api/me")).json()) as { userId: string };
    await publishChange(ctx.redis, ctx.keys, { id: s.id, userId });
    await Promise.all(tabs.map((t) => t.ends()));
    for (const t of tabs) expect(t.text).toContain("seen in both tabs");
    expect(hub.openStreams).toBe(0);
  });

  test("leases are renewed with the heartbeats", async () => {
    const c = Client.forApp(main.app);
    const s = await queued(c);
    const { userId } = (await (await c.json("/api/me")).json()) as { userId: string };
    const key = main.ctx.keys.openStreams(userId);
    const stream = follow(await c.json(`/api/submissions/${s.id}/events`));
    await stream.until(/event: status/);
    const [, before] = await main.ctx.redis.zrange(key, "0", "0", "WITHSCORES");
    // A renewal is due a third of the lease after the last one: move this process's clock.
    setSystemTime(new Date(Date.now() + 20_000));
    try {
      const deadline = performance.now() + 3000;
      let after = before;
      while (after === before && performance.now() < deadline) {
        await Bun.sleep(100);
        [, after] = await main.ctx.redis.zrange(key, "0", "0", "WITHSCORES");
      }
      expect(Number(after)).toBeGreaterThan(Number(before));
    } finally {
      setSystemTime();
    }
    await stream.cancel();
  });

  test("a stopping process ends open streams with a retry hint", async () => {
    const { app: a, hub } = app();
    const c = Client.forApp(a);
    const s = await queued(c);
    const stream = follow(await c.json(`/api/submissions/${s.id}/events`));
    await stream.until(/event: status/);
    hub.shutdown();
    await stream.ends();
    expect(stream.text).toEndWith("retry: 500\n\n");
    expect(hub.openStreams).toBe(0);
  });

  test("the page's stream sends HTML fragments and ends with `done`", async () => {
    const c = Client.forApp(main.app);
    const s = await queued(c);
    const stream = follow(await c.json(`/submissions/${s.id}/stream`));
    await stream.until(/data: /);
    await markError(main.ctx.db, s.id, "shown on the page");
    const { userId } = (await (await c.json("/api/me")).json()) as { userId: string };
    await publishChange(main.ctx.redis, main.ctx.keys, { id: s.id, userId });
    await stream.ends();
    expect(stream.text).toContain("shown on the page");
    expect(stream.text).toEndWith("event: done\ndata: end\n\n");
  });
});
