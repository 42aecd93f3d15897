// Open event streams per web process: memory per stream, and how fast one targeted event
// reaches its stream while all the others are open; the same against a floor, a bare
// Bun.serve holding as many SSE responses (bench/floor-streams.ts), measured in the same run.
//
// The streams are held by a child process (bench/stream-holder.ts); the targeted events
// are timed here, on streams of their own, from the PUBLISH until the stream shows the
// change. Probing starts once every stream has sent its first state (the connect backlog,
// reported as `snapshotsMs`), so the probes measure delivery to open streams, not the queue
// of thousands of connects just made.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { createDb } from "../src/db/client";
import { submissions } from "../src/db/schema";
import { readLines } from "../src/lib/lines";
import { makeKeys } from "../src/queue/keys";
import { publishChange } from "../src/queue/queue";
import { commandClient } from "../src/queue/redis";
import { toSubmission } from "../src/submissions/view-model";
import { freePort, startWeb } from "../tests/helpers/processes";
import { benchScratch } from "./scratch";
import { median, percentile } from "./stats";

const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;
const log = (msg: string) => process.env.BENCH_VERBOSE && console.error(msg);

interface Sub {
  id: number;
  cookie: string;
}

export interface StreamsResult {
  streams: number;
  /** web process RSS growth per open stream, 30 s after the last one opened (settled) */
  bytesPerStream: number;
  /** the same 1 s after: the connect burst's garbage not yet collected included */
  bytesPerStreamEarly: number;
  /** from the first connect until every stream had sent its first state */
  snapshotsMs: number;
  /** targeted events whose message carries the final state */
  medianMs: number;
  p99Ms: number;
  /** targeted events announced by id only: the stream reads the row from Postgres */
  rowRead: { medianMs: number; p99Ms: number };
  floor: { bytesPerStream: number; bytesPerStreamEarly: number; snapshotsMs: number; medianMs: number; p99Ms: number };
}

/**
 * Opens `subs` on the server at `base` (pid `pid`), then times `probes` of them: `prepare`
 * changes the submission and returns how to announce it; the time runs from the announcement
 * until the stream shows `"status":"error"`.
 */
async function measure(
  base: string,
  pid: number,
  subs: Sub[],
  probes: number,
  prepare: (s: Sub, i: number) => Promise<() => Promise<unknown>>,
) {
  const targets = [...subs].sort(() => Math.random() - 0.5).slice(0, probes);
  const chosen = new Set(targets);
  const file = `/tmp/pp-bench-streams-${process.pid}.json`;
  await Bun.write(file, JSON.stringify(subs.filter((s) => !chosen.has(s))));
  const before = rss(pid);
  const started = performance.now();
  const holder = Bun.spawn(["bun", join(import.meta.dir, "stream-holder.ts"), base, file], {
    stdout: "pipe",
    stderr: "inherit",
    env: { ...process.env, BUN_CONFIG_MAX_HTTP_REQUESTS: "65000" },
  });
  const readers = new Map<number, (text: string) => void>();
  const controllers: AbortController[] = [];
  try {
    const snapshots = (async () => {
      for await (const line of readLines(holder.stdout)) {
        log(`holder: ${line}`);
        if (line.startsWith("failed")) throw new Error(`streams failed to open: ${line}`);
        if (line.startsWith("snapshots")) return;
      }
      throw new Error("the stream holder stopped");
    })();
    await Promise.all(
      targets.map(async (s) => {
        const ac = new AbortController();
        controllers.push(ac);
        const res = await fetch(`${base}/api/submissions/${s.id}/events`, { headers: { cookie: s.cookie }, signal: ac.signal });
        const reader = res.body!.getReader();
        const decoder = new TextDecoder();
        void (async () => {
          for (;;) {
            const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
            if (done) return;
            readers.get(s.id)?.(decoder.decode(value));
          }
        })();
      }),
    );
    await snapshots;
    const snapshotsMs = performance.now() - started;
    // Opening a stream makes garbage (the request, its reads); the heap gives those pages
    // back some seconds after the burst (how many: PERFORMANCE.md, Event streams). What an
    // open stream costs is the settled figure, at 30 s.
    await Bun.sleep(1000);
    const early = rss(pid);
    await Bun.sleep(29_000);
    const settled = rss(pid);
    const delays: number[][] = [[], []];
    for (const [i, s] of targets.entries()) {
      const seen = new Promise<number>((resolve) =>
        readers.set(s.id, (text) => text.includes('"status":"error"') && resolve(performance.now())),
      );
      const announce = await prepare(s, i);
      const t0 = performance.now();
      await announce();
      delays[i % 2]!.push((await seen) - t0);
      readers.delete(s.id);
    }
    const [even, odd] = delays.map((d) => ({ medianMs: median(d), p99Ms: percentile(d, 99) }));
    const per = (bytes: number) => Math.round((bytes - before) / subs.length);
    return { bytesPerStream: per(settled), bytesPerStreamEarly: per(early), snapshotsMs: Math.round(snapshotsMs), ...even!, rowRead: odd! };
  } finally {
    for (const c of controllers) c.abort();
    holder.kill();
    await holder.exited;
  }
}

export async function benchStreams(count: number, probes: number): Promise<StreamsResult> {
  const { base, scratch, env } = await benchScratch();
  const port = freePort();
  const web = await startWeb(port, env);
  const url = `http://127.0.0.1:${port}`;
  const { db, sql } = createDb(scratch.databaseUrl, 2);
  const redis = commandClient(base.redisUrl);
  const keys = makeKeys(scratch.redisPrefix);
  let floorServer: Bun.Subprocess | undefined;
  try {
    const list = (await (await fetch(`${url}/api/assignments`)).json()) as { id: number }[];
    // Students with a pending submission each (no grader runs, so they stay queued).
    const subs: (Sub & { userId: string })[] = [];
    for (let i = 0; i < count; i += 100) {
      subs.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(100, count - i) }, async (_, j) => {
            const res = await fetch(`${url}/api/assignments/${list[0]!.id}/submissions`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ code: `x = ${i + j}` }),
            });
            const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
            const s = (await res.json()) as { id: number };
            const me = (await (await fetch(`${url}/api/me`, { headers: { cookie } })).json()) as { userId: string };
            return { id: s.id, userId: me.userId, cookie };
          }),
        )),
      );
    }
    log(`created ${subs.length}`);
    // Targeted event: one submission changes as a grader changes it (row, then message).
    // Half the messages carry the final state (what the grader should send: no Postgres
    // read per event), half only the id (what it sends today: the stream reads the row).
    const app = await measure(url, web.proc.pid, subs, 2 * probes, async (s, i) => {
      const [row] = await db.update(submissions).set({ status: "error", message: "bench" }).where(eq(submissions.id, s.id)).returning();
      const change = { id: s.id, userId: row!.userId };
      return () => publishChange(redis, keys, i % 2 ? change : { ...change, final: toSubmission(row!, null) });
    });
    log(`app ${JSON.stringify(app)}`);
    await web.stop();

    const floorPort = freePort();
    const channel = `${scratch.redisPrefix}floor`;
    floorServer = Bun.spawn(["bun", join(import.meta.dir, "floor-streams.ts")], {
      stdout: "pipe",
      stderr: "inherit",
      env: { ...process.env, PORT: String(floorPort), CHANNEL: channel, REDIS_URL: base.redisUrl },
    });
    for await (const line of readLines(floorServer.stdout as ReadableStream<Uint8Array>)) if (line.startsWith("floor listening")) break;
    const { rowRead: _, ...floor } = await measure(
      `http://127.0.0.1:${floorPort}`,
      floorServer.pid,
      subs,
      2 * probes,
      async (s) => () => redis.publish(channel, JSON.stringify({ id: s.id, data: `{"id":${s.id},"status":"error"}` })),
    );
    log(`floor ${JSON.stringify(floor)}`);
    return { streams: count, ...app, floor };
  } finally {
    floorServer?.kill();
    redis.disconnect();
    await sql.end();
    await web.stop();
    await scratch.drop();
  }
}
