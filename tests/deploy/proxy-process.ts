// Starts `bun scripts/proxy.ts` (the code path of `bun run proxy`) for tests, with its own
// data directory, and stops it again: nginx included, data directory removed.
import type { Subprocess } from "bun";
import { readLines } from "../../src/lib/lines";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../helpers/processes";

const ROOT = join(import.meta.dir, "..", "..");

export interface ProxyProc {
  proc: Subprocess<"ignore", "pipe", "pipe">;
  base: string;
  port: number;
  dataDir: string;
  output: string[];
  /** nginx's master pid (from its pid file) */
  nginxPid(): number | undefined;
  accessLog(): string;
  stop(): Promise<void>;
}

async function collect(stream: ReadableStream<Uint8Array>, into: string[], onLine: () => void) {
  for await (const line of readLines(stream)) {
    into.push(line);
    onLine();
  }
}

/** `cwd` lets the images test run the script from an image's file set. */
export async function startProxy(upstreams: string, opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<ProxyProc> {
  const port = freePort();
  // The workers may run as another user (www-data when started as root): the directory must be reachable.
  const holder = mkdtempSync(join(tmpdir(), "pp-proxy-"));
  chmodSync(holder, 0o755);
  const dataDir = join(holder, "nginx");
  const proc = Bun.spawn(["bun", "scripts/proxy.ts"], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, PROXY_PORT: String(port), WEB_UPSTREAMS: upstreams, PROXY_DATA_DIR: dataDir, ...opts.env },
    stdin: "ignore",
    stdout: "pipe",
    stderr: "pipe",
  });
  const output: string[] = [];
  let ready!: () => void;
  const started = new Promise<void>((r) => (ready = r));
  const check = () => output.some((l) => l.startsWith("proxy listening")) && ready();
  void collect(proc.stdout, output, check);
  void collect(proc.stderr, output, check);

  const nginxPid = () => {
    const file = join(dataDir, "nginx.pid");
    return existsSync(file) ? Number(readFileSync(file, "utf8").trim()) || undefined : undefined;
  };
  const stop = async () => {
    const pid = nginxPid();
    proc.kill("SIGTERM");
    const timer = setTimeout(() => proc.kill("SIGTERM"), 12_000); // a second TERM: nginx stops at once
    await proc.exited;
    clearTimeout(timer);
    // nginx must not outlive the script; if it somehow did, end it here.
    if (pid && existsSync(`/proc/${pid}`)) process.kill(pid, "SIGKILL");
    rmSync(holder, { recursive: true, force: true });
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`proxy did not start in 20 s:\n${output.join("\n")}`)), 20_000);
    void proc.exited.then((code) => reject(new Error(`proxy exited (${code}) before listening:\n${output.join("\n")}`)));
  });
  try {
    await Promise.race([started, failed]);
  } catch (e) {
    await stop();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  failed.catch(() => {}); // it exits later, when stopped
  return {
    proc, port, dataDir, output, nginxPid, stop,
    base: `http://127.0.0.1:${port}`,
    accessLog: () => (existsSync(join(dataDir, "access.log")) ? readFileSync(join(dataDir, "access.log"), "utf8") : ""),
  };
}
