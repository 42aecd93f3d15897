// Postgres under sustained load: a database-bound request mix through a real web process,
// driven by wrk (bench/wrk/mix.lua), reported per 10 s window, once as configured by default (connections as
// lanes, DATABASE_MAX_IN_FLIGHT = 10 per connection) and once without the bound (0: one
// plain postgres.js pool, as before), each on its own scratch database. Steady means the
// last window is about as fast as the first.

import { rmSync } from "node:fs";
import { createDb } from "../src/db/client";
import { freePort, startWeb } from "../tests/helpers/processes";
import { cpuMsOf } from "./procs";
import { benchScratch } from "./scratch";
import { table } from "./stats";
import { wrk } from "./wrk";

const WINDOW_S = 10;
/** users whose graded submission is read over and over */
const USERS = 200;

export interface Window {
  from: number;
  perSecond: number;
  p99Ms: number;
  errors: number;
  cpuUsPerRequest: number;
}

/** Four of five requests read a graded submission (one query), one is a new visitor's POST. */
export async function runMix(seconds: number, connections: number, extraEnv: Record<string, string>): Promise<Window[]> {
  const { scratch, env } = await benchScratch();
  const port = freePort();
  const web = await startWeb(port, { ...env, ...extraEnv });
  const url = `http://127.0.0.1:${port}`;
  const file = `/tmp/pypractice-bench-readers-${process.pid}.txt`;
  try {
    const list = (await (await fetch(`${url}/api/assignments`)).json()) as { id: number }[];
    const post = (code: string, cookie?: string) =>
      fetch(`${url}/api/assignments/${list[1]!.id}/submissions`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ code }),
      });
    const readers: { cookie: string; id: number }[] = [];
    for (let u = 0; u < USERS; u++) {
      const res = await post(`print(${u}) # ${Math.random()}`);
      readers.push({ cookie: res.headers.get("set-cookie")!.split(";")[0]!, id: ((await res.json()) as { id: number }).id });
    }
    // Graded (no queue position to look up in Redis): each read is exactly one query.
    const { sql } = createDb(scratch.databaseUrl, 1);
    await sql`update submissions set status = 'graded', outcome = 'failed', graded_at = now()`;
    await sql.end();

    // One wrk run per window, the web process's CPU read around each: a slowing server shows
    // as fewer requests and more CPU per request.
    await Bun.write(file, readers.map((r) => `${r.id} ${r.cookie}\n`).join(""));
    const out: Window[] = [];
    for (let from = 0; from + WINDOW_S <= seconds + 0.001; from += WINDOW_S) {
      const cpu0 = cpuMsOf(web.proc.pid);
      const r = await wrk({
        url,
        seconds: WINDOW_S,
        connections,
        script: "mix.lua",
        args: [file, `/api/assignments/${list[1]!.id}/submissions`],
      });
      out.push({
        from,
        perSecond: r.perSecond,
        p99Ms: r.p99Ms,
        errors: r.errorCount,
        cpuUsPerRequest: (1000 * (cpuMsOf(web.proc.pid) - cpu0)) / r.requests,
      });
    }
    return out;
  } finally {
    rmSync(file, { force: true });
    await web.stop();
    await scratch.drop();
  }
}

/**
 * The same effect without HTTP in the way: `concurrency` loops in this process reading a
 * submission by id (a prepared statement, as the app's), through a plain postgres.js pool of
 * 10 and through the bounded lanes. Returns, per window, queries/s and CPU µs per query.
 */
export async function benchDriver(seconds: number, concurrency: number): Promise<string> {
  const { scratch } = await benchScratch();
  try {
    const seed = createDb(scratch.databaseUrl, 1).sql;
    const [a] = await seed`select id, test_version from assignments limit 1`;
    await seed`insert into submissions (user_id, assignment_id, code, code_hash, test_version, status)
      select gen_random_uuid(), ${a!.id}, 'pass', md5(g::text), ${a!.test_version}, 'graded' from generate_series(1, 1000) g`;
    const first = (await seed`select min(id)::int as first from submissions`)[0]!.first as number;
    await seed.end();
    const measure = async (maxInFlight: number) => {
      const { db } = createDb(scratch.databaseUrl, 10, undefined, maxInFlight);
      const out: { perSecond: number; cpuUs: number }[] = [];
      let count = 0;
      const end = performance.now() + seconds * 1000;
      let last = { at: performance.now(), count: 0, cpu: process.cpuUsage() };
      const tick = () => {
        const now = { at: performance.now(), count, cpu: process.cpuUsage() };
        const n = now.count - last.count;
        out.push({
          perSecond: n / ((now.at - last.at) / 1000),
          cpuUs: (now.cpu.user + now.cpu.system - last.cpu.user - last.cpu.system) / n,
        });
        last = now;
      };
      const ticker = setInterval(tick, WINDOW_S * 1000);
      await Promise.all(
        Array.from({ length: concurrency }, async (_, c) => {
          for (let i = c; performance.now() < end; i += concurrency) {
            await db.$client.unsafe("select * from submissions where id = $1::int", [first + (i % 1000)], { prepare: true });
            count++;
          }
        }),
      );
      clearInterval(ticker);
      if (out.length < Math.floor(seconds / WINDOW_S)) tick(); // the last window ended with the loops
      await db.$client.end();
      return out;
    };
    const plain = await measure(0);
    const lanes = await measure(100);
    const rows: (string | number)[][] = [["window", "plain pool queries/s", "CPU µs/query", "bounded lanes queries/s", "CPU µs/query"]];
    plain.forEach((w, i) => {
      rows.push([`${i * WINDOW_S}–${(i + 1) * WINDOW_S} s`, w.perSecond, w.cpuUs, lanes[i]?.perSecond ?? NaN, lanes[i]?.cpuUs ?? NaN]);
    });
    return table(rows);
  } finally {
    await scratch.drop();
  }
}

export async function benchPostgres(seconds: number, connections: number, poolSize = 10): Promise<string> {
  const pool = { DATABASE_POOL_SIZE: String(poolSize) };
  const without = await runMix(seconds, connections, { ...pool, DATABASE_MAX_IN_FLIGHT: "0" });
  const bounded = await runMix(seconds, connections, pool);
  const rows: (string | number)[][] = [
    ["window", "plain pool req/s", "p99 ms", "web CPU µs/req", "errors", "bounded lanes req/s", "p99 ms", "web CPU µs/req", "errors"],
  ];
  const cells = (w: Window) => [w.perSecond, w.p99Ms, Number.isNaN(w.cpuUsPerRequest) ? "" : w.cpuUsPerRequest, String(w.errors)];
  without.forEach((w, i) => {
    rows.push([`${w.from}–${w.from + WINDOW_S} s`, ...cells(w), ...cells(bounded[i]!)]);
  });
  const drift = (ws: Window[], f: (w: Window) => number) => `${((100 * f(ws.at(-1)!)) / f(ws[0]!)).toFixed(0)}%`;
  const perSecond = (w: Window) => w.perSecond,
    perRequest = (w: Window) => w.cpuUsPerRequest;
  rows.push([
    "last ÷ first",
    drift(without, perSecond),
    "",
    drift(without, perRequest),
    "",
    drift(bounded, perSecond),
    "",
    drift(bounded, perRequest),
    "",
  ]);
  return table(rows);
}

if (import.meta.main) {
  const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  console.log(await benchPostgres(env("BENCH_PG_SECONDS", 60), env("BENCH_PG_CONNECTIONS", 100), env("BENCH_PG_POOL", 10)));
  console.log(await benchDriver(env("BENCH_PG_SECONDS", 60), env("BENCH_PG_CONNECTIONS", 100)));
  process.exit(0);
}
