// The HTTP scenarios, driven by wrk (bench/wrk.ts), each against three servers in one run:
// bare Bun.serve sending the same bytes and headers as our answer (bench/floor-server.ts), a
// bare Elysia route sending the same (bench/floor-elysia.ts), and our web process on a
// scratch database. Rounds alternate the three, so all see the same machine while other
// work on it comes and goes.

import { rmSync } from "node:fs";
import { freePort, startWeb } from "../tests/helpers/processes";
import { type Canned, record } from "./canned";
import { cpuMsOf } from "./procs";
import { benchScratch } from "./scratch";
import { table } from "./stats";
import { combine, errorCell, type WrkOptions, type WrkResult, wrk } from "./wrk";

export interface Scenario {
  name: string;
  label: string;
  /** the request on our server (path and query) */
  path: string;
  headers?: Record<string, string>;
  script?: string;
  args?: string[];
  canned: Canned;
}

const SERVERS = ["Bun.serve", "Elysia", "ours"] as const;
/** "before": the same app from another checkout, when asked for (BENCH_BEFORE) */
type Server = (typeof SERVERS)[number] | "before";

const SUM = "def sum(a, b):\\n    return a + b";

/** Asks our server once for each scenario's answer, checks it is the expected one, and records it. */
export async function scenarios(url: string): Promise<Scenario[]> {
  const list = (await (await fetch(`${url}/api/assignments`)).json()) as { id: number; slug: string }[];
  const pagePath = `/assignments/${list[0]!.id}`;
  const sum = list.find((a) => a.slug === "sum")!.id;
  const expect = (res: Response, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: ${res.status}, expected ${status}`);
    return res;
  };
  const first = expect(await fetch(url + pagePath), 200, "first visit");
  const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
  await fetch(url + pagePath, { headers: { cookie } }); // warm: the returning student's page is now remembered
  const page = expect(await fetch(url + pagePath, { headers: { cookie } }), 200, "page");
  const etag = page.headers.get("etag")!;
  const html = await page.clone().text();
  const css = /href="(\/public\/css\/app\.css[^"]*)"/.exec(html)?.[1];
  if (!css) throw new Error("the page links no /public/css/app.css");
  const revalidate = { cookie, "if-none-match": etag };
  const notModified = expect(await fetch(url + pagePath, { headers: revalidate }), 304, "revalidation");
  const staticFile = expect(await fetch(url + css), 200, "static file");
  const post = expect(
    await fetch(`${url}/api/assignments/${sum}/submissions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"code":"${SUM}  # t0 n0\\n"}`,
    }),
    202,
    "POST",
  );
  const submissions = "/api/assignments/:id/submissions";
  return [
    {
      name: "page",
      label: "assignment page, returning student",
      path: pagePath,
      headers: { cookie },
      canned: await record("page", "/assignments/:id", page),
    },
    {
      name: "first",
      label: "assignment page, first visit (no cookie)",
      path: pagePath,
      canned: await record("first", "/assignments/:id", first),
    },
    {
      name: "revalidate",
      label: "304 revalidation (If-None-Match)",
      path: pagePath,
      headers: revalidate,
      canned: await record("revalidate", "/assignments/:id", notModified),
    },
    { name: "static", label: "static file (app.css)", path: css, canned: await record("static", "/public/*", staticFile) },
    {
      name: "post",
      label: "POST submission (new visitor, acknowledged)",
      path: `/api/assignments/${sum}/submissions`,
      script: "post.lua",
      args: [SUM],
      canned: await record("post", submissions, post, "POST"),
    },
  ];
}

export async function startFloor(script: string, file: string) {
  const proc = Bun.spawn(["bun", script, file], { stdout: "pipe", stderr: "inherit" });
  const reader = proc.stdout.getReader();
  let out = "";
  while (!out.includes("\n")) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`${script} ended before listening:\n${out}`);
    out += new TextDecoder().decode(value);
  }
  reader.releaseLock();
  const ports = JSON.parse(out.slice(out.indexOf("{"), out.indexOf("\n"))) as Record<string, number>;
  return { proc, ports };
}

export interface ScenarioResult {
  scenario: Scenario;
  runs: Partial<Record<Server, ReturnType<typeof combine>>>;
  /** CPU of the server's process per request (µs; /proc, all its threads): steadier than rates on a busy machine */
  cpuUs: Partial<Record<Server, number>>;
  /** ours ÷ Bun.serve, per round */
  ratios: number[];
}

/**
 * Every scenario against the three servers; `rounds` alternations of `seconds / rounds` each.
 * `beforeDir`: another checkout of the app (e.g. the code before a change, `git archive`
 * with node_modules linked), run beside ours on the same database as a fourth server.
 */
export async function benchHttp(
  seconds: number,
  connections: number,
  rounds = 5,
  only?: string[],
  beforeDir = process.env.BENCH_BEFORE,
): Promise<ScenarioResult[]> {
  const { scratch, env } = await benchScratch();
  const port = freePort();
  const web = await startWeb(port, env);
  const url = `http://127.0.0.1:${port}`;
  const others: { proc: { pid: number; kill(): void } }[] = [];
  const file = `/tmp/pypractice-bench-canned-${process.pid}.json`;
  try {
    const all = (await scenarios(url)).filter((s) => !only || only.includes(s.name));
    await Bun.write(file, JSON.stringify(all.map((s) => s.canned)));
    const bare = await startFloor("bench/floor-server.ts", file);
    others.push(bare);
    const elysia = await startFloor("bench/floor-elysia.ts", file);
    others.push(elysia);
    const beforePort = freePort();
    const before = beforeDir ? await startWeb(beforePort, env, { cwd: beforeDir }) : undefined;
    if (before) others.push(before);
    const servers: Server[] = before ? [...SERVERS, "before"] : [...SERVERS];
    const base = (server: Server, s: Scenario) =>
      server === "ours"
        ? url
        : server === "before"
          ? `http://127.0.0.1:${beforePort}`
          : `http://127.0.0.1:${(server === "Bun.serve" ? bare : elysia).ports[s.name]}`;
    const pids: Record<Server, number> = {
      "Bun.serve": bare.proc.pid,
      Elysia: elysia.proc.pid,
      ours: web.proc.pid,
      before: before?.proc.pid ?? 0,
    };
    const out: ScenarioResult[] = [];
    for (const s of all) {
      const rs = new Map<Server, WrkResult[]>(servers.map((v) => [v, []]));
      const cpuMs = new Map<Server, number>(servers.map((v) => [v, 0]));
      for (let r = 0; r < rounds; r++) {
        for (const server of servers) {
          const o: WrkOptions = {
            url: base(server, s) + s.path,
            seconds: seconds / rounds,
            connections,
            headers: s.headers,
            script: s.script,
            args: s.args,
          };
          const cpuBefore = cpuMsOf(pids[server]);
          rs.get(server)!.push(await wrk(o));
          cpuMs.set(server, cpuMs.get(server)! + cpuMsOf(pids[server]) - cpuBefore);
        }
      }
      const runs = Object.fromEntries(servers.map((v) => [v, combine(rs.get(v)!)]));
      const cpuUs = Object.fromEntries(servers.map((v) => [v, (cpuMs.get(v)! * 1000) / Math.max(1, runs[v]!.requests)]));
      const floor = rs.get("Bun.serve")!;
      out.push({ scenario: s, runs, cpuUs, ratios: rs.get("ours")!.map((o, i) => o.perSecond / floor[i]!.perSecond) });
    }
    return out;
  } finally {
    for (const o of others) o.proc.kill();
    rmSync(file, { force: true });
    await web.stop();
    await scratch.drop();
  }
}

/** One table: three rows per scenario, ratios against both floors, and whether the bytes match. */
export function httpTable(results: ScenarioResult[]): string {
  const rows: (string | number)[][] = [
    ["scenario", "server", "req/s", "p50 ms", "p99 ms", "worst p99", "CPU µs/req", "bytes/resp", "errors", "× Bun.serve", "× Elysia"],
  ];
  for (const { scenario, runs, ratios, cpuUs } of results) {
    const floor = runs["Bun.serve"]!;
    const servers = Object.keys(runs) as Server[];
    for (const server of servers) {
      const r = runs[server]!;
      // Same bytes read per response as the floor's, or the comparison is not like for like.
      const bytes = `${r.bytesPerResponse.toFixed(0)}${Math.abs(r.bytesPerResponse / floor.bytesPerResponse - 1) > 0.02 ? " (differs)" : ""}`;
      const times = (f: WrkResult) => `${(r.perSecond / f.perSecond).toFixed(2)}×`;
      const spread = ` (rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
      rows.push([
        server === "Bun.serve" ? scenario.label : "",
        server,
        r.perSecond,
        r.p50Ms,
        r.p99Ms,
        r.worstP99Ms,
        cpuUs[server]!.toFixed(1),
        bytes,
        errorCell(r),
        server === "Bun.serve" ? "" : times(floor) + (server === "ours" ? spread : ""),
        server === "ours" || server === "before" ? times(runs.Elysia!) : "",
      ]);
    }
  }
  const invalid = results.flatMap((s) =>
    Object.entries(s.runs)
      .filter(([, r]) => !r.valid)
      .map(([v]) => `${s.scenario.name}/${v}`),
  );
  return table(rows) + (invalid.length ? `\nNOT VALID (errors or no requests): ${invalid.join(", ")}` : "");
}

export async function benchWeb(seconds: number, connections: number, rounds?: number, only?: string[]): Promise<string> {
  return httpTable(await benchHttp(seconds, connections, rounds, only));
}
