// The HTTP load driver: wrk (a C load generator; Debian's package), run as an argument array.
// It needs far less CPU per request than a driver written in TypeScript on the same cores,
// so the servers, not the driver, saturate. bench/wrk/report.lua prints wrk's summary as one
// JSON line; every socket error, timeout and response with a status of 400 or more counts
// as an error, and a run with errors is not a valid number (`valid`).
import { join } from "node:path";

const WRK_DIR = join(import.meta.dir, "wrk");

export interface WrkOptions {
  url: string;
  /** wrk takes whole seconds: rounded, at least 1 */
  seconds: number;
  connections: number;
  /** wrk threads (default 2: one per core of the machine this was made for) */
  threads?: number;
  headers?: Record<string, string>;
  /** a script in bench/wrk/ (default report.lua: the same request every time) */
  script?: string;
  /** passed to the script's init(args) */
  args?: string[];
  /** per request; a slower answer is a timeout error (default 5 s) */
  timeoutSeconds?: number;
}

export interface WrkResult {
  requests: number;
  perSecond: number;
  /** bytes read per response, headers included: the same bytes as another server's means the same answer */
  bytesPerResponse: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  /** all errors together */
  errorCount: number;
  /** answered, and without a single error */
  valid: boolean;
}

export function wrkCommand(o: WrkOptions): string[] {
  const threads = Math.max(1, Math.min(o.threads ?? 2, o.connections));
  const argv = [
    "wrk",
    `-t${threads}`,
    `-c${o.connections}`,
    `-d${Math.max(1, Math.round(o.seconds))}s`,
    `--timeout`,
    `${o.timeoutSeconds ?? 5}s`,
  ];
  for (const [name, value] of Object.entries(o.headers ?? {})) argv.push("-H", `${name}: ${value}`);
  argv.push("-s", join(WRK_DIR, o.script ?? "report.lua"), o.url);
  if (o.args?.length) argv.push("--", ...o.args);
  return argv;
}

/** Parses wrk's output (report.lua's WRK_JSON line); throws when there is none. */
export function parseWrk(stdout: string): WrkResult {
  const line = stdout.split("\n").find((l) => l.startsWith("WRK_JSON "));
  if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
  const j = JSON.parse(line.slice("WRK_JSON ".length)) as {
    durationUs: number;
    requests: number;
    bytes: number;
    errors: WrkResult["errors"];
    latencyUs: { p50: number; p90: number; p99: number; max: number };
  };
  const errorCount = Object.values(j.errors).reduce((n, e) => n + e, 0);
  const ms = (us: number) => us / 1000;
  return {
    requests: j.requests,
    perSecond: j.requests / (j.durationUs / 1e6),
    bytesPerResponse: j.requests ? j.bytes / j.requests : 0,
    p50Ms: ms(j.latencyUs.p50),
    p90Ms: ms(j.latencyUs.p90),
    p99Ms: ms(j.latencyUs.p99),
    maxMs: ms(j.latencyUs.max),
    errors: j.errors,
    errorCount,
    valid: j.requests > 0 && errorCount === 0,
  };
}

export async function wrk(o: WrkOptions): Promise<WrkResult> {
  const bin = Bun.which("wrk");
  if (!bin) throw new Error("wrk is not installed (Debian: apt-get install wrk)");
  const argv = wrkCommand(o);
  const proc = Bun.spawn([bin, ...argv.slice(1)], { stdout: "pipe", stderr: "pipe" });
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  if (code !== 0) throw new Error(`${argv.join(" ")} exited ${code}:\n${stderr}${stdout}`);
  return parseWrk(stdout);
}

/** Several rounds of one scenario as one: total rate; latencies the median round's, max p99 the worst round's. */
export function combine(rounds: WrkResult[]): WrkResult & { worstP99Ms: number } {
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const seconds = rounds.reduce((t, r) => t + (r.perSecond ? r.requests / r.perSecond : 0), 0);
  const mid = <K extends keyof WrkResult>(k: K) => {
    const s = rounds.map((r) => r[k] as number).sort((a, b) => a - b);
    return s[(s.length - 1) >> 1]!;
  };
  const errors = { connect: 0, read: 0, write: 0, status: 0, timeout: 0 };
  for (const r of rounds) for (const k of Object.keys(errors) as (keyof typeof errors)[]) errors[k] += r.errors[k];
  const errorCount = rounds.reduce((n, r) => n + r.errorCount, 0);
  return {
    requests,
    perSecond: seconds ? requests / seconds : 0,
    bytesPerResponse: rounds.reduce((b, r) => b + r.bytesPerResponse * r.requests, 0) / Math.max(1, requests),
    p50Ms: mid("p50Ms"),
    p90Ms: mid("p90Ms"),
    p99Ms: mid("p99Ms"),
    maxMs: Math.max(...rounds.map((r) => r.maxMs)),
    worstP99Ms: Math.max(...rounds.map((r) => r.p99Ms)),
    errors,
    errorCount,
    valid: requests > 0 && errorCount === 0,
  };
}

/** Errors by kind, for a table cell: "0", or e.g. "12 (status 10, timeout 2)". */
export function errorCell(r: Pick<WrkResult, "errors" | "errorCount">): string {
  if (!r.errorCount) return "0";
  const kinds = Object.entries(r.errors)
    .filter(([, n]) => n)
    .map(([k, n]) => `${k} ${n}`);
  return `${r.errorCount} (${kinds.join(", ")})`;
}
