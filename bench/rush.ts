// The deadline rush: many students connected through nginx, each submitting at random
// intervals (≈ RUSH_RATE submissions a second in all) for RUSH_SECONDS, with RUSH_GRADERS
// graders; each student times its POST until the result on its own event stream. Then the
// queue must drain by itself, and Postgres must hold exactly one result for every accepted
// submission. `bun bench/rush.ts` (or `bun run bench:rush`); sizes by environment:
// RUSH_STUDENTS (2000), RUSH_RATE (60), RUSH_SECONDS (120), RUSH_GRADERS (2),
// RUSH_DRAIN_SECONDS (120), RUSH_WRONG (1/3), RUSH_SAME (0.1), RUSH_HOSTILE (0.002).
import { readFileSync } from "node:fs";
import Redis from "ioredis";
import { makeKeys } from "../src/queue/keys";
import { type ProxyProc, startProxy } from "../tests/deploy/proxy-process";
import { freePort, startGrader, startWeb } from "../tests/helpers/processes";
import { TreeMeter } from "./procs";
import { checkResults } from "./rush-check";
import { DEFAULT_MIX, type MixOptions } from "./rush-mix";
import { type RushState, student } from "./rush-student";
import { benchScratch } from "./scratch";
import { percentile, table } from "./stats";

export interface RushOptions {
  students: number;
  rate: number;
  seconds: number;
  graders: number;
  drainSeconds: number;
  mix: MixOptions;
}

export function rushOptions(env: Record<string, string | undefined> = process.env): RushOptions {
  const num = (name: string, fallback: number) => Number(env[name] ?? fallback);
  return {
    students: num("RUSH_STUDENTS", 2000),
    rate: num("RUSH_RATE", 60),
    seconds: num("RUSH_SECONDS", 120),
    graders: num("RUSH_GRADERS", 2),
    drainSeconds: num("RUSH_DRAIN_SECONDS", 120),
    mix: {
      wrong: num("RUSH_WRONG", DEFAULT_MIX.wrong),
      same: num("RUSH_SAME", DEFAULT_MIX.same),
      hostile: num("RUSH_HOSTILE", DEFAULT_MIX.hostile),
    },
  };
}

/** The soft limit on open files: each open stream is a socket here, and two in nginx. */
export function openFilesLimit(): number {
  const line = readFileSync("/proc/self/limits", "utf8")
    .split("\n")
    .find((l) => l.startsWith("Max open files"));
  return Number(line?.split(/\s{2,}/)[1] ?? Number.POSITIVE_INFINITY);
}

async function queueDepth(redis: Redis, keys: ReturnType<typeof makeKeys>): Promise<{ queued: number; taken: number }> {
  const workers = await redis.smembers(keys.workers);
  const [queued, ...taken] = await Promise.all([redis.llen(keys.queue), ...workers.map((w) => redis.llen(keys.processing(w)))]);
  return { queued: queued!, taken: taken.reduce((n, t) => n + t, 0) };
}

const redisCpu = async (redis: Redis) => {
  const info = await redis.info("cpu");
  const get = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return (get("used_cpu_user") + get("used_cpu_sys")) * 1000;
};

export async function benchRush(o: RushOptions) {
  const limit = openFilesLimit();
  if (limit < o.students + 1024) {
    throw new Error(`open files limit ${limit} is too low for ${o.students} streams: raise it first (ulimit -n 65536)`);
  }
  const { base, scratch, env } = await benchScratch();
  const port = freePort();
  const web = await startWeb(port, env);
  const graders = await Promise.all(Array.from({ length: o.graders }, () => startGrader({ ...env, LOG_LEVEL: "info" })));
  const proxy: ProxyProc | undefined = Bun.which("nginx") ? await startProxy(`127.0.0.1:${port}`) : undefined;
  const url = proxy?.base ?? `http://127.0.0.1:${port}`;
  const redis = new Redis(base.redisUrl);
  const keys = makeKeys(env.REDIS_PREFIX);
  try {
    const list = (await (await fetch(`${url}/api/assignments`)).json()) as { id: number; slug: string }[];
    const roots: Record<string, number> = { web: web.proc.pid };
    graders.forEach((g, i) => {
      roots[`grader ${i + 1} (with its sandbox)`] = g.proc.pid;
    });
    const nginxPid = proxy?.nginxPid();
    if (nginxPid) roots["nginx (master and workers)"] = nginxPid;
    const meter = new TreeMeter(roots);

    const started = performance.now();
    const s: RushState = {
      base: url,
      assignmentId: list.find((a) => a.slug === "sum")!.id,
      mix: o.mix,
      meanPauseMs: (1000 * o.students) / o.rate,
      endAt: started + o.seconds * 1000,
      giveUpAt: started + (o.seconds + o.drainSeconds) * 1000,
      sent: [],
      refused: new Map(),
      openStreams: 0,
      peakStreams: 0,
      failed: 0,
    };
    meter.sample();
    const clientCpu0 = process.cpuUsage();
    const redisCpu0 = await redisCpu(redis);
    let peakQueue = 0;
    let peakClientRss = 0;
    const sampler = setInterval(async () => {
      meter.sample();
      peakClientRss = Math.max(peakClientRss, process.memoryUsage().rss);
      const d = await queueDepth(redis, keys).catch(() => undefined);
      if (d) peakQueue = Math.max(peakQueue, d.queued + d.taken);
    }, 1000);
    const loops = Promise.all(Array.from({ length: o.students }, (_, n) => student(s, n)));

    await Bun.sleep(o.seconds * 1000);
    const rushEnd = performance.now();
    meter.sample();
    const cpu = meter.results();
    const clientCpu = process.cpuUsage(clientCpu0);
    const redisCpuMs = (await redisCpu(redis)) - redisCpu0;
    // By the graders: a reused answer comes in the POST's reply and never reaches one.
    const gradedInRush = s.sent.filter((x) => x.finalAt !== undefined && x.finalAt <= rushEnd && !x.reused).length;
    // The drain: the queue and every grader's list empty, by themselves.
    let drainMs: number | undefined;
    while (performance.now() < s.giveUpAt) {
      const d = await queueDepth(redis, keys);
      if (d.queued + d.taken === 0) {
        drainMs = performance.now() - rushEnd;
        break;
      }
      await Bun.sleep(100);
    }
    await loops;
    clearInterval(sampler);
    const check = await checkResults(scratch.databaseUrl, s.sent);
    const rushSeconds = (rushEnd - started) / 1000;
    const arrivedInRush = s.sent.filter((x) => x.t0 <= rushEnd).length;
    // A submission that never got its result counts as endless, so it can only raise the percentiles.
    const wait = (x: (typeof s.sent)[number]) => (x.finalAt === undefined ? Number.POSITIVE_INFINITY : x.finalAt - x.t0);
    const times = s.sent.map(wait);
    const ordinary = s.sent.filter((x) => x.kind !== "loop" && x.kind !== "memory").map(wait);
    const noResult = s.sent.filter((x) => x.finalAt === undefined).length;
    return {
      options: o,
      proxy: proxy ? "nginx" : "none (nginx not installed)",
      openFilesLimit: limit,
      accepted: s.sent.length,
      arrivedInRush,
      arrivalsPerSecond: arrivedInRush / rushSeconds,
      gradedPerSecond: gradedInRush / rushSeconds,
      refused: Object.fromEntries(s.refused),
      studentsFailed: s.failed,
      studentFailure: s.failure,
      reused: s.sent.filter((x) => x.reused).length,
      reconnects: s.sent.reduce((n, x) => n + x.reconnects, 0),
      peakStreams: s.peakStreams,
      peakQueue,
      drainMs,
      feedback: stats(times),
      ordinaryFeedback: stats(ordinary),
      noResult,
      check,
      cpu: [
        ...cpu.map((c, i) => ({ ...c, peakRss: meter.results()[i]!.peakRss, peakTreeRss: meter.results()[i]!.peakTreeRss })),
        {
          name: "load driver (this process)",
          cpuMs: (clientCpu.user + clientCpu.system) / 1000,
          peakRss: peakClientRss,
          peakTreeRss: peakClientRss,
        },
        { name: "redis (the whole server, shared)", cpuMs: redisCpuMs, peakRss: 0, peakTreeRss: 0 },
      ],
      rushSeconds,
    };
  } finally {
    redis.disconnect();
    await proxy?.stop();
    await Promise.all([web, ...graders].map((p) => p.stop()));
    await scratch.drop();
  }
}

const stats = (xs: number[]) =>
  xs.length ? { p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99), max: Math.max(...xs) } : undefined;

export function rushReport(r: Awaited<ReturnType<typeof benchRush>>): string {
  const o = r.options;
  const ms = (s?: { p50: number; p95: number; p99: number; max: number }) => (s ? [s.p50, s.p95, s.p99, s.max] : ["", "", "", ""]);
  const mib = (b: number) => (b ? `${(b / 2 ** 20).toFixed(0)} MiB` : "");
  const c = r.check;
  const lines = [
    `${o.students} students through ${r.proxy}, ≈ ${o.rate}/s for ${o.seconds} s, ${o.graders} graders; open files limit ${r.openFilesLimit}`,
    table([
      ["POST → result on the student's stream", "p50 ms", "p95 ms", "p99 ms", "max ms"],
      ["every submission", ...ms(r.feedback)],
      ["all but the hostile ones", ...ms(r.ordinaryFeedback)],
      [`(no result at all: ${r.noResult}, counted as endless)`, "", "", "", ""],
    ]),
    table([
      [
        "accepted",
        "arrived/s",
        "graded/s by graders (in the rush)",
        "reused",
        "refused POSTs",
        "peak open streams",
        "stream reconnects",
        "peak queue",
        "drained after",
      ],
      [
        String(r.accepted),
        r.arrivalsPerSecond,
        r.gradedPerSecond,
        String(r.reused),
        JSON.stringify(r.refused),
        String(r.peakStreams),
        String(r.reconnects),
        String(r.peakQueue),
        r.drainMs === undefined ? "NOT DRAINED" : `${(r.drainMs / 1000).toFixed(1)} s`,
      ],
    ]),
    table([
      ["results", "lost", "duplicated", "not acknowledged", "wrong verdict", "graded twice (attempts > 1)"],
      ["count", String(c.lost), String(c.duplicated), String(c.unacknowledged), String(c.wrongVerdict), String(c.regraded)],
    ]),
    table([
      ["process", "CPU (cores, in the rush)", "CPU ms per submission (in the rush)", "peak RSS", "peak RSS of its tree"],
      ...r.cpu.map((p) => [
        p.name,
        (p.cpuMs / 1000 / r.rushSeconds).toFixed(2),
        r.arrivedInRush ? p.cpuMs / r.arrivedInRush : 0,
        mib(p.peakRss),
        mib(p.peakTreeRss),
      ]),
    ]),
  ];
  const met = (ok: boolean) => (ok ? "met" : "MISSED");
  lines.push(
    `targets: p99 POST → result ≤ 2 s ${met((r.feedback?.p99 ?? Number.POSITIVE_INFINITY) <= 2000)}; ` +
      `0 lost and 0 duplicated ${met(c.lost === 0 && c.duplicated === 0)}; queue drained by itself ${met(r.drainMs !== undefined)}`,
  );
  if (r.studentsFailed) lines.push(`${r.studentsFailed} students could not open the page (${r.studentFailure}): NOT VALID`);
  if (c.examples.length) lines.push(`problems, first few: ${c.examples.join("; ")}`);
  return lines.join("\n");
}

if (import.meta.main) {
  // Bun's fetch holds at most 256 requests at once unless told otherwise; each student's
  // stream is one. Run again with the limit raised (as `bun run bench` does).
  if (!process.env.BUN_CONFIG_MAX_HTTP_REQUESTS) {
    const again = Bun.spawn(["bun", import.meta.path], {
      env: { ...process.env, BUN_CONFIG_MAX_HTTP_REQUESTS: "65000" },
      stdio: ["inherit", "inherit", "inherit"],
    });
    process.exit(await again.exited);
  }
  console.log(rushReport(await benchRush(rushOptions())));
  process.exit(0);
}
