// Open event streams per web process: memory per stream, and how fast one targeted event
// reaches its stream while all the others are open.
import { eq } from "drizzle-orm";
import { createDb } from "../src/db/client";
import { submissions } from "../src/db/schema";
import { makeKeys } from "../src/queue/keys";
import { commandClient } from "../src/queue/redis";
import { publishChange } from "../src/queue/queue";
import { benchScratch } from "./scratch";
import { freePort, startWeb } from "../tests/helpers/processes";
import { median, percentile } from "./stats";

const rss = (pid: number) => {
  const status = require("node:fs").readFileSync(`/proc/${pid}/status`, "utf8") as string;
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) * 1024;
};

export async function benchStreams(count: number, probes: number) {
  const { base, scratch, env } = await benchScratch();
  const port = freePort();
  const web = await startWeb(port, env);
  const url = `http://127.0.0.1:${port}`;
  const { db, sql } = createDb(scratch.databaseUrl, 2);
  const redis = commandClient(base.redisUrl);
  const keys = makeKeys(scratch.redisPrefix);
  const controllers: AbortController[] = [];
  try {
    const list = (await (await fetch(`${url}/api/assignments`)).json()) as { id: number }[];
    // Students with a pending submission each (no grader runs, so they stay queued).
    const subs: { id: number; userId: string; cookie: string }[] = [];
    for (let i = 0; i < count; i += 100) {
      subs.push(...(await Promise.all(Array.from({ length: Math.min(100, count - i) }, async (_, j) => {
        const res = await fetch(`${url}/api/assignments/${list[0]!.id}/submissions`, {
          method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: `x = ${i + j}` }),
        });
        const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
        const s = (await res.json()) as { id: number };
        const me = (await (await fetch(`${url}/api/me`, { headers: { cookie } })).json()) as { userId: string };
        return { id: s.id, userId: me.userId, cookie };
      }))));
    }
    const log = (msg: string) => process.env.BENCH_VERBOSE && console.error(msg);
    log(`created ${subs.length}`);
    const before = rss(web.proc.pid);
    const readers = new Map<number, (text: string) => void>();
    await Promise.all(subs.map(async (s) => {
      const ac = new AbortController();
      controllers.push(ac);
      const res = await fetch(`${url}/api/submissions/${s.id}/events`, { headers: { cookie: s.cookie }, signal: ac.signal });
      const reader = res.body!.getReader();
      await reader.read(); // connected: the first chunk
      void (async () => {
        const decoder = new TextDecoder();
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          readers.get(s.id)?.(decoder.decode(value));
        }
      })();
    }));
    log("streams open");
    await Bun.sleep(1000);
    const after = rss(web.proc.pid);
    // Targeted events: one submission changes; how long until its own stream shows it?
    const delays: number[] = [];
    // Each probe ends its stream (a final state), so every probe takes a different one.
    for (const s of [...subs].sort(() => Math.random() - 0.5).slice(0, probes)) {
      const seen = new Promise<number>((resolve) => readers.set(s.id, (text) => {
        if (text.includes('"status":"error"')) resolve(performance.now());
      }));
      const t0 = performance.now();
      await db.update(submissions).set({ status: "error", message: "bench" }).where(eq(submissions.id, s.id));
      await publishChange(redis, keys, { id: s.id, userId: s.userId });
      delays.push((await seen) - t0);
      readers.delete(s.id);
    }
    return { streams: count, bytesPerStream: Math.round((after - before) / count), medianMs: median(delays),
      p99Ms: percentile(delays, 99) };
  } finally {
    controllers.forEach((c) => c.abort());
    redis.disconnect();
    await sql.end();
    await web.stop();
    await scratch.drop();
  }
}
