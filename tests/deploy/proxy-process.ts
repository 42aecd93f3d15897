// Starts `bun scripts/proxy.ts` (the code path of `bun run proxy`) for tests, with its own
// data directory, and stops it again: nginx included, data directory removed.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Child, freePort, spawnChild } from "../helpers/processes";

const ROOT = join(import.meta.dir, "..", "..");

export interface ProxyProc {
  proc: Child["proc"];
  base: string;
  port: number;
  dataDir: string;
  output: string[];
  /** nginx's master pid (from its pid file) */
  nginxPid(): number | undefined;
  accessLog(): string;
  stop(): Promise<void>;
}

/** `cwd` lets the images test run the script from an image's file set. */
export async function startProxy(upstreams: string, opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<ProxyProc> {
  const port = freePort();
  // The workers may run as another user (www-data when started as root): the directory must be reachable.
  const holder = mkdtempSync(join(tmpdir(), "pp-proxy-"));
  chmodSync(holder, 0o755);
  const dataDir = join(holder, "nginx");
  const child = spawnChild(["bun", "scripts/proxy.ts"], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, PROXY_PORT: String(port), WEB_UPSTREAMS: upstreams, PROXY_DATA_DIR: dataDir, ...opts.env },
  });
  const { proc, lines: output } = child;

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

  try {
    await child.waitFor(/^proxy listening/, 20_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    proc,
    port,
    dataDir,
    output,
    nginxPid,
    stop,
    base: `http://127.0.0.1:${port}`,
    accessLog: () => (existsSync(join(dataDir, "access.log")) ? readFileSync(join(dataDir, "access.log"), "utf8") : ""),
  };
}
